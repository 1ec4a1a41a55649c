import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isStaffRole, type Role } from '@linli/contracts';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { type GrantRow, grantRowsJson } from '../access/actor.ts';
import type { SessionInfo, SessionUser } from '../context.ts';
import type { Db } from '../db/engine.ts';

export const SESSION_COOKIE = 'linli_sid';

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const token = () => randomBytes(32).toString('base64url');

export const idleMinutesFor = (config: Config, roles: readonly string[]): number =>
  roles.some((r) => isStaffRole(r as Role)) ? config.staffIdleMinutes : config.residentIdleMinutes;

/** Starts a session; only the token's hash is stored, so a database leak does not leak sessions. */
export async function createSession(
  tx: Db,
  userId: string,
  idleMinutes: number,
  at: Date,
  meta: { ip: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const t = token();
  const csrfToken = token();
  await tx
    .insertInto('user_session')
    .values({
      token_hash: sha256(t),
      user_id: userId,
      csrf_token: csrfToken,
      idle_minutes: idleMinutes,
      created_at: at,
      last_seen_at: at,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token: t, csrfToken, expiresAt: new Date(at.getTime() + idleMinutes * 60_000) };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; session: SessionInfo; user: SessionUser; grantRows: GrantRow[] };

const TOUCH_AFTER_MS = 30_000; // refresh last_seen at most twice a minute so reads stay cheap

/** Finds the session for a cookie; ends it when idle too long, otherwise slides its expiry. */
export async function lookupSession(tx: Db, cookie: string | undefined, now: Date): Promise<SessionLookup> {
  if (!cookie || cookie.length > 100) return { state: 'none' };
  const hash = sha256(cookie);
  const row = await tx
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.csrf_token', 's.idle_minutes', 's.last_seen_at', 'u.id', 'u.name', 'u.phone', 'u.must_change_password'])
    // The grants come along (one round trip fewer on every signed-in request).
    .select(grantRowsJson(sql.ref('u.id')).as('grants'))
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return { state: 'none' };
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeen > row.idle_minutes * 60_000) {
    await tx.deleteFrom('user_session').where('token_hash', '=', hash).execute();
    return { state: 'expired' };
  }
  if (now.getTime() - lastSeen > TOUCH_AFTER_MS) {
    await tx.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return {
    state: 'active',
    session: {
      tokenHash: hash,
      csrfToken: row.csrf_token,
      idleMinutes: row.idle_minutes,
      expiresAt: new Date(now.getTime() + row.idle_minutes * 60_000),
    },
    user: { id: row.id, name: row.name, phone: row.phone, mustChangePassword: row.must_change_password },
    grantRows: row.grants,
  };
}

export const endSession = (tx: Db, tokenHash: string) =>
  tx.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
