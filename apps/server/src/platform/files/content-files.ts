/**
 * Files named by their content's hash (photos, uploaded spreadsheets). A reader sees the whole file or none
 * (temp file, fsync, rename); the same content sent twice is written once; a file whose database row was
 * rolled back is harmless, since the next upload of the same bytes finds it in place.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

/** `<root>/<hash>`, or with `fanOut` `<root>/ab/abcd…`; anything but a bare sha256 could climb out of root. */
export function contentPath(root: string, hash: string, fanOut = false): string {
  if (!HASH.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return fanOut ? join(root, hash.slice(0, 2), hash) : join(root, hash);
}

export async function writeContent(file: string, bytes: Uint8Array): Promise<void> {
  const size = await stat(file).then(
    (s) => s.size,
    () => -1,
  );
  if (size === bytes.length) return;
  await mkdir(dirname(file), { recursive: true });
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

/** The stored bytes, or null when there is no such file. */
export async function readContent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
