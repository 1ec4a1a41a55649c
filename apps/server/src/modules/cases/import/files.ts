/**
 * Uploaded spreadsheets, `<dataDir>/imports/<sha256>`: named by content, so the same file uploaded twice is
 * stored once and a file left behind by a rolled-back upload is harmless (the next upload finds it in place).
 */
import { contentPath, readContent, writeContent } from '../../../platform/files/content-files.ts';

const fileOf = (dataDir: string, hash: string) => contentPath(`${dataDir}/imports`, hash);

export const putFile = (dataDir: string, hash: string, bytes: Uint8Array): Promise<void> =>
  writeContent(fileOf(dataDir, hash), bytes);

/** The stored bytes, or null when the file is gone. */
export const getFile = (dataDir: string, hash: string): Promise<Buffer | null> => readContent(fileOf(dataDir, hash));
