import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keys {
  /** AES-256-GCM key for personal data at rest. */
  encryption: Buffer;
  /** HMAC key for blind indexes (find an ID number without decrypting every row). */
  blindIndex: Buffer;
  /** HMAC key that signs join tokens. */
  signing: Buffer;
}

const derive = (master: Buffer, info: string) => Buffer.from(hkdfSync('sha256', master, 'linli', info, 32));

export function keysFrom(master: Buffer): Keys {
  return {
    encryption: derive(master, 'pii-encryption'),
    blindIndex: derive(master, 'pii-blind-index'),
    signing: derive(master, 'join-token'),
  };
}

/**
 * The master secret comes from LINLI_SECRET; without it a random key file is created in the data dir
 * on first start (mode 0600) and reused afterwards. Losing that file makes encrypted data unreadable.
 */
export function loadKeys(secret: string | undefined, dataDir: string): { keys: Keys; source: 'env' | 'file' } {
  if (secret) {
    if (secret.length < 32) throw new Error('LINLI_SECRET must be at least 32 characters');
    return { keys: keysFrom(createHmac('sha256', 'linli-master').update(secret).digest()), source: 'env' };
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return { keys: keysFrom(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')), source: 'file' };
}
