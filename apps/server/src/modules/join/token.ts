import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keys } from '../../platform/crypto/keys.ts';

const sign = (keys: Keys, communityId: string, version: number) =>
  createHmac('sha256', keys.signing).update(`join:${communityId}:${version}`).digest('base64url').slice(0, 24);

/** A join token names the community and the link's version, signed so it cannot be forged or guessed. */
export const makeJoinToken = (keys: Keys, communityId: string, version: number): string =>
  `${communityId}-${version}-${sign(keys, communityId, version)}`;

/** The community and version a token claims, if its signature holds (the version is checked by the caller). */
export function readJoinToken(keys: Keys, token: string): { communityId: string; version: number } | null {
  const m = /^(\d{1,18})-(\d{1,9})-([\w-]{24})$/.exec(token);
  if (!m) return null;
  const [, communityId, v, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(keys, communityId, Number(v)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { communityId, version: Number(v) };
}
