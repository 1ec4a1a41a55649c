/**
 * Uploaded spreadsheets, `<dataDir>/imports/<sha256>`: named by content, so the same file uploaded twice is
 * stored once and a file left behind by a rolled-back upload is harmless (the next upload finds it in place).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

function fileOf(dataDir: string, hash: string): string {
  // The hash becomes a path: anything but a bare sha256 could climb out of the directory.
  if (!HASH.test(hash)) throw new Error(`not a file hash: ${hash}`);
  return join(dataDir, 'imports', hash);
}

export async function putFile(dataDir: string, hash: string, bytes: Uint8Array): Promise<void> {
  const file = fileOf(dataDir, hash);
  const size = await stat(file).then(
    (s) => s.size,
    () => -1,
  );
  if (size === bytes.length) return;
  await mkdir(join(dataDir, 'imports'), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx', 0o640);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The stored bytes, or null when the file is gone. */
export async function getFile(dataDir: string, hash: string): Promise<Buffer | null> {
  try {
    return await readFile(fileOf(dataDir, hash));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
