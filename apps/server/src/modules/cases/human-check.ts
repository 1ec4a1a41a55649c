/**
 * The human check of the courtyard QR form: a small sum drawn as a distorted SVG ("3 + 4 = ?"), simple
 * enough for an elderly neighbour. The challenge is stateless — a signed token holding an HMAC of the answer,
 * a nonce and an expiry — and single-use: a used nonce is recorded until it expires. It deters scripted
 * floods together with the per-IP rate limit; it is not meant to stop a determined attacker (see ADR 0007).
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { Db } from '../../platform/db/engine.ts';
import * as repo from './repository.ts';

const TTL_MS = 15 * 60 * 1000;

const mac = (keys: Keys, s: string) =>
  createHmac('sha256', keys.signing).update(`human-check:${s}`).digest('base64url');

export interface Challenge {
  token: string;
  svg: string;
}

function drawSvg(a: number, b: number): string {
  const glyphs = [`${a}`, '+', `${b}`, '=', '?'];
  const text = glyphs
    .map((g, i) => {
      const x = 18 + i * 30 + randomInt(-3, 4);
      const y = 38 + randomInt(-5, 6);
      const rot = randomInt(-20, 21);
      return `<text x="${x}" y="${y}" transform="rotate(${rot} ${x} ${y})">${g}</text>`;
    })
    .join('');
  const lines = Array.from({ length: 5 }, () => {
    const [x1, y1, x2, y2] = [randomInt(0, 170), randomInt(0, 56), randomInt(0, 170), randomInt(0, 56)];
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#8aa" stroke-width="1.5"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="170" height="56" viewBox="0 0 170 56" role="img" aria-label="算术题"><rect width="170" height="56" rx="8" fill="#f3f6f4"/>${lines}<g font-family="sans-serif" font-size="30" font-weight="700" fill="#234">${text}</g></svg>`;
}

export function makeChallenge(keys: Keys, now: Date): Challenge {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const nonce = randomBytes(12).toString('base64url');
  const exp = now.getTime() + TTL_MS;
  const body = `${nonce}.${exp}.${mac(keys, `${nonce}:${exp}:${a + b}`)}`;
  return { token: `${body}.${mac(keys, body).slice(0, 22)}`, svg: drawSvg(a, b) };
}

/** The answer a token expects, for tests and the browser-test harness (brute force over 2..18). */
export function solveChallenge(keys: Keys, token: string): string | null {
  const [nonce, exp, h] = token.split('.');
  for (let n = 2; n <= 18; n++) if (mac(keys, `${nonce}:${exp}:${n}`) === h) return String(n);
  return null;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** True once per valid, unexpired token with the right answer. */
export async function passChallenge(tx: Db, keys: Keys, token: string, answer: string, now: Date): Promise<boolean> {
  const parts = token.split('.');
  if (parts.length !== 4) return false;
  const [nonce, exp, h, sig] = parts as [string, string, string, string];
  if (!same(mac(keys, `${nonce}.${exp}.${h}`).slice(0, 22), sig)) return false;
  if (!(Number(exp) > now.getTime())) return false;
  const given = answer.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,3}$/.test(given) || !same(mac(keys, `${nonce}:${exp}:${Number(given)}`), h)) return false;
  return repo.useCheckNonce(tx, nonce, new Date(Number(exp)), now);
}
