/** The tag taxonomy and tags on people: who may set each tag, validity periods, evidence. */
import { type api, ROLES } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as records from '../residents/records.ts';
import { isDerived, maySet, rolesOver } from './access.ts';
import { loadReadable, recordChanges } from './people.ts';
import { assertEditable } from './transfer.ts';
import { card } from './views.ts';

type TagRow = Awaited<ReturnType<typeof records.allTags>>[number];

const view = (t: TagRow) => ({
  code: t.code,
  name: t.name,
  nameEn: t.name_en,
  category: t.category,
  sensitive: t.sensitive,
  derived: isDerived(t),
  levels: t.levels,
  setterRoles: t.setter_roles,
  viewerRoles: t.viewer_roles,
  minAge: t.min_age,
  maxAge: t.max_age,
  active: t.active,
  version: t.version,
});

export const list = async (ctx: Ctx) => ({ items: (await records.allTags(ctx.tx)).map(view) });

export async function update(ctx: Ctx, code: string, b: Static<typeof api.registry.updateTag.body>) {
  const t = await records.tagByCode(ctx.tx, code);
  if (!t) throw notFound();
  for (const [k, roles] of [
    ['setterRoles', b.setterRoles],
    ['viewerRoles', b.viewerRoles],
  ] as const)
    for (const [i, r] of (roles ?? []).entries())
      if (!(ROLES as readonly string[]).includes(r)) throw badRequest('kind_invalid', `/${k}/${i}`);
  if (isDerived(t) && b.setterRoles?.length) throw badRequest('tag_derived', '/setterRoles');
  const ok = await records.updateTag(ctx.tx, code, b.version, {
    ...(b.setterRoles ? { setter_roles: [...new Set(b.setterRoles)] } : {}),
    ...(b.viewerRoles ? { viewer_roles: [...new Set(b.viewerRoles)] } : {}),
    ...(b.active !== undefined ? { active: b.active } : {}),
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({ action: 'registry.tag.update', resourceType: 'registry_tag', resourceId: code, detail: b });
  return view((await records.tagByCode(ctx.tx, code))!);
}

/** The tag, if the caller may set it on this person (a tag they may not set is 403, an unknown one 422). */
async function settable(ctx: Ctx, personId: string, code: string) {
  const p = await loadReadable(ctx, personId);
  if (!ctx.can('registry.edit', p.place)) throw forbidden();
  await assertEditable(ctx, p.community_id, p.household_id);
  const t = await records.tagByCode(ctx.tx, code);
  if (!t?.active) throw badRequest('not_found', '/code');
  if (isDerived(t)) throw badRequest('tag_derived', '/code');
  if (!maySet(t, rolesOver(ctx, p.place))) throw forbidden('tag_not_settable');
  return { p, t };
}

export async function set(ctx: Ctx, personId: string, code: string, b: Static<typeof api.registry.setPersonTag.body>) {
  const { p, t } = await settable(ctx, personId, code);
  const level = b.level ?? null;
  if (t.has_level ? !level || !t.levels.includes(level) : level !== null) throw badRequest('tag_level', '/level');
  if (b.validTo && b.validTo < b.validFrom) throw badRequest('valid_to_before_from', '/validTo');
  await records.upsertPersonTag(ctx.tx, {
    community_id: p.community_id,
    person_id: p.id,
    tag_code: code,
    level,
    valid_from: b.validFrom,
    valid_to: b.validTo ?? null,
    evidence: b.evidence.trim(),
    set_by: ctx.user!.id,
    set_by_name: ctx.user!.name,
    set_at: ctx.now,
  });
  const period = `${b.validFrom}~${b.validTo ?? ''}${level ? ` ${level}` : ''}`;
  await recordChanges(ctx, p.community_id, p.id, [[`tag:${code}`, null, period]], b.evidence.trim());
  await records.touchPerson(ctx.tx, p.community_id, p.id, ctx.now);
  await ctx.audit({
    action: 'registry.person.tag.set',
    resourceType: 'person',
    resourceId: p.id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
    detail: { tag: code, level, validFrom: b.validFrom, validTo: b.validTo ?? null },
  });
  await ctx.emit({
    topic: 'registry.person.tagged',
    payload: { personId: p.id, tag: code },
    communityId: p.community_id,
  });
  return card(ctx, (await records.findPerson(ctx.tx, p.id))!);
}

export async function remove(ctx: Ctx, personId: string, code: string, reason: string) {
  const { p } = await settable(ctx, personId, code);
  if (!(await records.deletePersonTag(ctx.tx, p.community_id, p.id, code))) throw notFound();
  await recordChanges(ctx, p.community_id, p.id, [[`tag:${code}`, 'set', null]], reason);
  await records.touchPerson(ctx.tx, p.community_id, p.id, ctx.now);
  await ctx.audit({
    action: 'registry.person.tag.remove',
    resourceType: 'person',
    resourceId: p.id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
    detail: { tag: code, reason },
  });
  await ctx.emit({
    topic: 'registry.person.untagged',
    payload: { personId: p.id, tag: code },
    communityId: p.community_id,
  });
  return card(ctx, (await records.findPerson(ctx.tx, p.id))!);
}
