import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeys } from './keys.ts';
import { blindIndex, decrypt, encrypt } from './secret-box.ts';

const dir = mkdtempSync(join(tmpdir(), 'linli-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keys', () => {
  it('creates a private key file on first start and reuses it afterwards', () => {
    const first = loadKeys(undefined, dir);
    const file = join(dir, 'secret.key');
    expect(first.source).toBe('file');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeys(undefined, dir);
    expect(again.keys.encryption.equals(first.keys.encryption)).toBe(true);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(40);
  });

  it('derives distinct keys from LINLI_SECRET and refuses a short one', () => {
    const { keys, source } = loadKeys('a-long-enough-secret-for-linli-tests-0001', dir);
    expect(source).toBe('env');
    expect(keys.encryption.equals(keys.blindIndex)).toBe(false);
    expect(() => loadKeys('short', dir)).toThrow(/32/);
  });
});

describe('secret box', () => {
  const { keys } = loadKeys('a-long-enough-secret-for-linli-tests-0001', dir);
  const other = loadKeys('another-long-enough-secret-for-linli-0002', dir).keys;

  it('round-trips, never stores the plain text, and uses a fresh IV every time', () => {
    const a = encrypt(keys, '310199198503071234');
    const b = encrypt(keys, '310199198503071234');
    expect(a).not.toContain('310199198503071234');
    expect(a).not.toBe(b);
    expect(decrypt(keys, a)).toBe('310199198503071234');
  });

  it('detects tampering and the wrong key', () => {
    const boxed = encrypt(keys, '310199198503071234');
    const [v, iv, tag, data] = boxed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decrypt(keys, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => decrypt(other, boxed)).toThrow();
    expect(() => decrypt(keys, 'plain-text')).toThrow();
  });

  it('finds equal values by blind index without revealing them', () => {
    expect(blindIndex(keys, '310199198503071234')).toBe(blindIndex(keys, '310199198503071234'));
    expect(blindIndex(keys, '310199198503071234')).not.toBe(blindIndex(keys, '310199198503071235'));
    expect(blindIndex(other, '310199198503071234')).not.toBe(blindIndex(keys, '310199198503071234'));
  });
});
