import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const ID = /^[0-9a-f]{64}$/;

/** `<dataDir>/attachments/ab/abcd…`: two hex characters of fan-out keep directories small. */
export function fileOf(dataDir: string, id: string): string {
  // The id becomes a path: anything but a bare sha256 could climb out of the directory.
  if (!ID.test(id)) throw new Error(`not an attachment id: ${id}`);
  return join(dataDir, 'attachments', id.slice(0, 2), id);
}

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => -1,
  );

/**
 * Stores bytes under their hash. A reader sees the whole file or none (temp file, fsync, rename); the same
 * content sent twice is written once. A file whose database row is rolled back is harmless: its name is
 * its content, and the next upload of that photo finds it in place.
 */
export async function put(dataDir: string, id: string, bytes: Buffer): Promise<void> {
  const file = fileOf(dataDir, id);
  if ((await sizeOf(file)) === bytes.length) return;
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
export async function get(dataDir: string, id: string): Promise<Buffer | null> {
  try {
    return await readFile(fileOf(dataDir, id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
