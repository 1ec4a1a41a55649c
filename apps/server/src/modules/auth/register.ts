/**
 * Self-registration on a public form (a join link, a village's 乡愁乡音 page): the account is created with
 * the applicant's real name, phone and password, and the applicant is signed in.
 */
import { randomUUID } from 'node:crypto';
import { checkPassword } from '@linli/contracts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { assertPasswordPolicy } from './policy.ts';
import { signIn } from './service.ts';

/** Hashes a new applicant's password before the transaction opens (only when it meets the policy). */
export async function hashNewPassword(body: { password?: string }): Promise<string | null> {
  return body.password && !checkPassword(body.password) ? hashPassword(body.password) : null;
}

/**
 * Creates the account and signs in; returns the new session's CSRF token. `node` is where the audit entry
 * is filed (the community applied to).
 */
export async function registerAccount(
  ctx: Ctx,
  passwordHash: string | null,
  b: { name: string; phone: string; password?: string },
  node: { id: string; path: string },
): Promise<string> {
  if (!b.password) throw new AppError(422, 'validation_failed', {}, [{ path: '/password', code: 'password_required' }]);
  assertPasswordPolicy(b.password, '/password');
  const taken = await ctx.tx.selectFrom('app_user').select('id').where('phone', '=', b.phone).executeTakeFirst();
  if (taken) throw conflict('phone_registered');
  const user = { id: randomUUID(), name: b.name.trim(), phone: b.phone, must_change_password: false };
  await ctx.tx
    .insertInto('app_user')
    .values({
      ...user,
      password_hash: passwordHash ?? (await hashPassword(b.password)),
      password_changed_at: ctx.now,
      created_at: ctx.now,
    })
    .execute();
  const { csrfToken } = await signIn(ctx, user);
  await ctx.audit({
    action: 'auth.register',
    resourceType: 'user',
    resourceId: user.id,
    nodeId: node.id,
    nodePath: node.path,
  });
  return csrfToken;
}
