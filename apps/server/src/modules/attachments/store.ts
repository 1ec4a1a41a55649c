import { contentPath, readContent, writeContent } from '../../platform/files/content-files.ts';

/** `<dataDir>/attachments/ab/abcd…`: two hex characters of fan-out keep directories small. */
export const fileOf = (dataDir: string, id: string): string => contentPath(`${dataDir}/attachments`, id, true);

/** Stores a photo under its hash (written once, whole or not at all). */
export const put = (dataDir: string, id: string, bytes: Buffer): Promise<void> =>
  writeContent(fileOf(dataDir, id), bytes);

/** The stored bytes, or null when there is no such file. */
export const get = (dataDir: string, id: string): Promise<Buffer | null> => readContent(fileOf(dataDir, id));
