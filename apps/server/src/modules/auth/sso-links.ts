/**
 * District admins pre-link an external identity (the configured issuer's subject) to a staff account, so
 * its first single sign-on needs no phone number match. An account is within reach when one of its staff
 * grants lies in the admin's `platform.manage` subtree; anyone else "does not exist" (404).
 */
import { type api, isStaffRole, type Role } from '@linli/contracts';
import type { Static } from 'typebox';
import { loadGrants } from '../../platform/access/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as repo from './repository.ts';
import * as sso from './sso-repository.ts';

type Link = Static<typeof api.sso.SsoLink>;

export const ssoInfo = (ctx: Ctx) => ({
  enabled: !!ctx.config.oidc,
  label: ctx.config.oidc?.label ?? null,
  startUrl: ctx.config.oidc ? '/api/auth/oidc/start' : null,
});

const issuerOf = (ctx: Ctx) => {
  if (!ctx.config.oidc) throw new AppError(404, 'sso_not_configured');
  return ctx.config.oidc.issuer;
};

/** The staff account if the caller reaches it, else 404. */
async function reachableStaff(ctx: Ctx, userId: string) {
  const user = await repo.findUserById(ctx.tx, userId);
  const grants = user ? await loadGrants(ctx.tx, user.id) : [];
  const staff = grants.filter((g) => isStaffRole(g.role as Role));
  if (!user || !staff.some((g) => ctx.can('platform.manage', g.path))) throw notFound();
  return { user, staff };
}

const toView = (r: sso.IdentityRow & { user_name: string }): Link => ({
  issuer: r.issuer,
  subject: r.subject,
  userId: r.user_id,
  userName: r.user_name,
  linkedVia: r.linked_via,
  linkedAt: r.linked_at.toISOString(),
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
});

export async function listLinks(ctx: Ctx, userId: string | undefined) {
  // Without single sign-on there are no identities to show (and none can be made).
  if (!ctx.config.oidc) return { items: [] };
  const issuer = ctx.config.oidc.issuer;
  if (userId) await reachableStaff(ctx, userId);
  const rows = await sso.links(ctx.tx, issuer, userId ? [userId] : null);
  // Only links of accounts the caller reaches (a district admin reaches all staff of the district).
  const visible: typeof rows = [];
  for (const r of rows) {
    const grants = await loadGrants(ctx.tx, r.user_id);
    if (grants.some((g) => isStaffRole(g.role as Role) && ctx.can('platform.manage', g.path))) visible.push(r);
  }
  return { items: visible.map(toView) };
}

export async function createLink(ctx: Ctx, b: { userId: string; subject: string }) {
  const issuer = issuerOf(ctx);
  const { user, staff } = await reachableStaff(ctx, b.userId);
  const subject = b.subject.trim();
  const existing = await sso.identity(ctx.tx, issuer, subject);
  if (existing && existing.user_id !== user.id)
    throw new AppError(409, 'sso_link_taken', {}, [{ path: '/subject', code: 'sso_link_taken' }]);
  if (!existing)
    await sso.insertIdentity(ctx.tx, {
      issuer,
      subject,
      user_id: user.id,
      linked_via: 'admin',
      linked_by: ctx.user!.id,
      linked_at: ctx.now,
      last_login_at: null,
    });
  await ctx.audit({
    action: 'sso.link',
    resourceType: 'user',
    resourceId: user.id,
    nodePath: staff[0]!.path,
    detail: { issuer, subject, via: 'admin' },
  });
  const row = (await sso.links(ctx.tx, issuer, [user.id])).find((r) => r.subject === subject)!;
  return toView(row);
}

export async function removeLink(ctx: Ctx, subject: string) {
  const issuer = issuerOf(ctx);
  const existing = await sso.identity(ctx.tx, issuer, subject);
  if (!existing) throw notFound();
  await reachableStaff(ctx, existing.user_id);
  await sso.deleteIdentity(ctx.tx, issuer, subject);
  await ctx.audit({
    action: 'sso.unlink',
    resourceType: 'user',
    resourceId: existing.user_id,
    detail: { issuer, subject },
  });
  return { ok: true as const };
}
