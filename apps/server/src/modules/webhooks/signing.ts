/**
 * How a webhook is signed (docs/adr/0010-open-platform.md): `Linli-Signature: t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256 over `<t>.<body>` with the subscription's secret. Receivers recompute it,
 * compare in constant time and refuse timestamps older than the replay window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const REPLAY_WINDOW_SECONDS = 300;

export const signature = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

export const signatureHeader = (secret: string, t: number, body: string) => `t=${t},v1=${signature(secret, t, body)}`;

/** The receiver's side, for tests and as a reference implementation. */
export function verify(secret: string, header: string | undefined, body: string, nowSeconds: number): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > REPLAY_WINDOW_SECONDS) return false;
  return timingSafeEqual(Buffer.from(signature(secret, t, body), 'hex'), Buffer.from(m[2]!, 'hex'));
}
