import { loadGrants } from '../../platform/access/actor.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, endSession, idleMinutesFor, SESSION_COOKIE } from '../../platform/auth/session.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildMe } from './me.ts';
import { afterFailure, assertPasswordPolicy, lockState } from './policy.ts';
import * as repo from './repository.ts';

/** Sets the session cookie: httpOnly, same-site, secure when served over HTTPS. */
export function setSessionCookie(ctx: Ctx, token: string): void {
  ctx.reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.config.publicUrl.startsWith('https://'),
  });
}

/** Starts a session for a user and makes it the request's identity (so the audit names them). */
export async function signIn(
  ctx: Ctx,
  user: { id: string; name: string; phone: string; must_change_password: boolean },
) {
  if (ctx.session) await endSession(ctx.tx, ctx.session.tokenHash);
  const grants = await loadGrants(ctx.tx, user.id);
  const idle = idleMinutesFor(
    ctx.config,
    grants.map((g) => g.role),
  );
  const s = await createSession(ctx.tx, user.id, idle, ctx.now, { ip: ctx.ip, userAgent: ctx.userAgent });
  setSessionCookie(ctx, s.token);
  ctx.user = { id: user.id, name: user.name, phone: user.phone, mustChangePassword: user.must_change_password };
  ctx.grants = grants;
  ctx.actor = { userId: user.id, grants };
  return { ...s, idle, grants };
}

/**
 * Checks the password before the request's transaction opens (argon2 is slow by design and must not
 * hold a database connection). Unknown phones are verified against a dummy hash so timing reveals nothing.
 */
export async function checkPassword(db: Db, phone: string, password: string): Promise<PasswordCheck> {
  const user = await repo.findUserByPhone(db, phone);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    return { hash: null, ok: false };
  }
  return { hash: user.password_hash, ok: await verifyPassword(user.password_hash, password) };
}

export interface PasswordCheck {
  hash: string | null;
  ok: boolean;
}

export async function login(ctx: Ctx, phone: string, check: PasswordCheck) {
  const user = await repo.findUserByPhone(ctx.tx, phone);
  if (!user) throw new AppError(401, 'invalid_credentials');
  const lock = lockState(user.locked_until, ctx.now);
  if (lock.locked) throw new AppError(423, 'account_locked', { minutes: lock.minutesLeft });
  // The verdict counts only for the hash that was checked (a concurrent password change wins).
  if (!check.ok || check.hash !== user.password_hash) {
    const next = afterFailure(user.failed_logins, ctx.now);
    await repo.recordFailure(ctx.tx, user.id, next.failed, next.lockedUntil);
    ctx.user = { id: user.id, name: user.name, phone: user.phone, mustChangePassword: user.must_change_password };
    await ctx.audit({
      action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed',
      resourceType: 'user',
      resourceId: user.id,
    });
    // The failure count must survive the error response.
    if (next.lockedUntil) throw new AppError(423, 'account_locked', { minutes: 15 }, [], true);
    throw new AppError(401, 'invalid_credentials', {}, [], true);
  }
  await repo.recordSuccess(ctx.tx, user.id, ctx.now);
  const s = await signIn(ctx, user);
  await ctx.audit({ action: 'auth.login', resourceType: 'user', resourceId: user.id });
  const me = await buildMe(ctx.tx, ctx, ctx.user!, s.grants, s.idle);
  return { csrfToken: s.csrfToken, me, expiresAt: s.expiresAt.toISOString() };
}

export async function logout(ctx: Ctx) {
  if (ctx.session) await endSession(ctx.tx, ctx.session.tokenHash);
  ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
  await ctx.audit({ action: 'auth.logout', resourceType: 'user', resourceId: ctx.user?.id ?? null });
  return { ok: true as const };
}

export async function changePassword(ctx: Ctx, current: string, next: string) {
  const user = await repo.findUserById(ctx.tx, ctx.user!.id);
  if (!user || !(await verifyPassword(user.password_hash, current)))
    throw new AppError(422, 'wrong_current_password', {}, [
      { path: '/currentPassword', code: 'wrong_current_password' },
    ]);
  assertPasswordPolicy(next, '/newPassword');
  if (current === next)
    throw new AppError(422, 'password_reused', {}, [{ path: '/newPassword', code: 'password_reused' }]);
  await repo.setPassword(ctx.tx, user.id, await hashPassword(next), ctx.now);
  await repo.endOtherSessions(ctx.tx, user.id, ctx.session!.tokenHash);
  await ctx.audit({ action: 'auth.password_change', resourceType: 'user', resourceId: user.id });
  ctx.demoAccounts.delete(user.id);
  return { ok: true as const };
}
