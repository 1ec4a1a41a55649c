/**
 * Single sign-on for staff (docs/adr/0013): the attempt's state, nonce and PKCE verifier are kept
 * server-side for ten minutes and used once; the browser also carries the state in a cookie scoped to the
 * callback, so a code injected into someone else's browser (login CSRF) is refused. The identity maps to an
 * account by a stored link (issuer + subject) or, the first time, by the provider's verified phone number
 * (then the link is stored). Only staff sign in this way. The session is the one a password sign-in gets.
 */
import { createHash } from 'node:crypto';
import { isStaffRole, type Role } from '@linli/contracts';
import type { OidcConfig } from '../../config.ts';
import { loadGrants } from '../../platform/access/actor.ts';
import { type AuditInput, writeAudit } from '../../platform/audit/audit.ts';
import { createSession, idleMinutesFor } from '../../platform/auth/session.ts';
import type { Platform } from '../../platform/context.ts';
import { decrypt, encrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { Identity } from './oidc.ts';
import { lockState } from './policy.ts';
import * as repo from './repository.ts';
import * as sso from './sso-repository.ts';

export const ATTEMPT_MINUTES = 10;
const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64url');

/** Where to go after signing in: a path of this site only (no `//host`, no scheme), else the console. */
export function safeReturnTo(v: unknown): string {
  if (typeof v !== 'string' || v.length > 500) return '/console';
  if (!/^\/(?![/\\])/.test(v) || /[\\\s]/.test(v)) return '/console';
  return v;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

const who = (now: Date, r: RequestInfo, user: { id: string; name: string } | null, role: string | null) => ({
  at: now,
  actorId: user?.id ?? null,
  actorName: user?.name ?? null,
  actorRole: role,
  ip: r.ip,
  requestId: r.requestId,
});

export async function saveAttempt(
  tx: Db,
  p: Platform,
  now: Date,
  a: { state: string; nonce: string; verifier: string; returnTo: string },
): Promise<void> {
  await sso.insertAttempt(tx, {
    state_hash: hash(a.state),
    nonce: a.nonce,
    verifier_box: encrypt(p.keys, a.verifier),
    return_to: a.returnTo,
    created_at: now,
    expires_at: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
  });
}

/** The attempt a state names, taken out so it cannot be used again; null when unknown or expired. */
export async function takeAttempt(tx: Db, p: Platform, now: Date, state: string) {
  const row = await sso.takeAttempt(tx, hash(state));
  if (!row || row.expires_at <= now) return null;
  return { nonce: row.nonce, verifier: decrypt(p.keys, row.verifier_box), returnTo: row.return_to };
}

/** A refused sign-in, audited with why (the account, when known, is named). */
export async function auditFailure(
  tx: Db,
  now: Date,
  r: RequestInfo,
  reason: string,
  detail: Record<string, unknown> = {},
  user: { id: string; name: string } | null = null,
): Promise<void> {
  await writeAudit(tx, who(now, r, user, null), {
    action: 'auth.sso_failed',
    resourceType: 'user',
    resourceId: user?.id ?? null,
    detail: { reason, ...detail },
  });
}

export type SignInResult =
  | { ok: true; sessionToken: string; userId: string }
  | { ok: false; code: 'sso_unknown_account' | 'sso_not_staff' | 'account_locked' };

/** Maps the identity to an account and starts its session, all in the caller's transaction. */
export async function signInIdentity(
  tx: Db,
  p: Platform,
  c: OidcConfig,
  now: Date,
  r: RequestInfo,
  id: Identity,
): Promise<SignInResult> {
  const detail = { issuer: id.issuer, subject: id.subject };
  const linked = await sso.identity(tx, id.issuer, id.subject);
  let user = linked ? await repo.findUserById(tx, linked.user_id) : undefined;
  let via: 'link' | 'phone' = 'link';
  if (!user && id.verifiedPhone) {
    user = await repo.findUserByPhone(tx, id.verifiedPhone);
    via = 'phone';
  }
  if (!user) {
    await auditFailure(tx, now, r, 'sso_unknown_account', { ...detail, phoneClaim: !!id.verifiedPhone });
    return { ok: false, code: 'sso_unknown_account' };
  }
  const grants = await loadGrants(tx, user.id);
  const staff = grants.find((g) => isStaffRole(g.role as Role));
  if (!staff) {
    await auditFailure(tx, now, r, 'sso_not_staff', detail, user);
    return { ok: false, code: 'sso_not_staff' };
  }
  if (lockState(user.locked_until, now).locked) {
    await auditFailure(tx, now, r, 'account_locked', detail, user);
    return { ok: false, code: 'account_locked' };
  }
  const audit = (e: AuditInput) => writeAudit(tx, who(now, r, user!, staff.role), e);
  if (!linked) {
    await sso.insertIdentity(tx, {
      issuer: id.issuer,
      subject: id.subject,
      user_id: user.id,
      linked_via: 'phone',
      linked_by: null,
      linked_at: now,
      last_login_at: null,
    });
    await audit({ action: 'sso.link', resourceType: 'user', resourceId: user.id, detail: { ...detail, via: 'phone' } });
  }
  await sso.touchIdentity(tx, id.issuer, id.subject, now);
  await repo.recordSuccess(tx, user.id, now);
  const idle = idleMinutesFor(
    p.config,
    grants.map((g) => g.role),
  );
  const s = await createSession(tx, user.id, idle, now, { ip: r.ip, userAgent: r.userAgent });
  await audit({
    action: 'auth.login',
    resourceType: 'user',
    resourceId: user.id,
    detail: { method: 'oidc', via, issuer: id.issuer, clientId: c.clientId },
  });
  return { ok: true, sessionToken: s.token, userId: user.id };
}
