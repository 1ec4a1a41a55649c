/** Registry people: scoped listing and search, the audited card and reveal, registration and edits. */
import { randomUUID } from 'node:crypto';
import { type api, validateIdNumber } from '@linli/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { blindIndex, decrypt } from '../../platform/crypto/secret-box.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import { protectIdNumber } from '../residents/service.ts';
import { isDerived, mayView, rolesOver, tagScopes } from './access.ts';
import { parseQuery, queryWhere } from './search.ts';
import { assertEditable } from './transfer.ts';
import { card, rows } from './views.ts';

/** The most matches a search lists (a surname or a single initial can match tens of thousands). */
export const SEARCH_CAP = 1000;

const all = (xs: RawBuilder<SqlBool>[]) => sql<SqlBool>`(${sql.join(xs, sql` AND `)})`;

export async function list(
  ctx: Ctx,
  q: { nodeId?: string; q?: string; tag?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  let scopes = listingScope(ctx.actor, 'registry.contact', node);
  const where: RawBuilder<SqlBool>[] = [];
  if (q.tag) {
    // Filtering by a tag says who has it: only for full-record readers who may see that tag.
    const tag = await records.tagByCode(ctx.tx, q.tag);
    if (!tag) throw badRequest('validation_failed', '/tag');
    scopes = tagScopes(ctx, listingScope(ctx.actor, 'person.read', node), tag);
    if (scopes.length === 0) throw forbidden();
    const today = records.chinaToday(ctx.now);
    const ages = new Map(isDerived(tag) ? [[tag.code, { min: tag.min_age, max: tag.max_age }]] : []);
    where.push(records.ruleWhere({ all: [{ tag: tag.code, has: true }] }, today, ages));
  }
  const reach = await records.reachOf(ctx.tx, scopes);
  where.unshift(records.inReach(reach));
  const parsed = q.q ? parseQuery(q.q) : null;
  if (parsed) where.push(queryWhere(parsed, (id) => blindIndex(ctx.keys, id), records.reachedCommunities(reach)));
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  let found: Awaited<ReturnType<typeof records.searchPeople>>;
  let capped = false;
  if (parsed) {
    // More matches than anyone reads through: the first SEARCH_CAP are listed, and the caller told to narrow.
    const hits = await records.searchHits(ctx.tx, all(where), SEARCH_CAP + 1);
    capped = hits.length > SEARCH_CAP;
    found = await records.searchPeople(ctx.tx, records.amongHits(hits.slice(0, SEARCH_CAP)), limit, offset);
  } else found = await records.searchPeople(ctx.tx, all(where), limit, offset);
  const items = await rows(ctx, found.rows);
  await ctx.audit({
    action: 'registry.people.list',
    resourceType: 'person',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
    detail: {
      count: items.length,
      total: found.total,
      search: parsed?.kind ?? null,
      tag: q.tag ?? null,
      ids: items.map((i) => i.id),
    },
  });
  return { items, total: found.total, limit, offset, ...(capped ? { capped } : {}) };
}

/** A person the caller may read in full; anyone else gets 404 (no existence oracle). */
async function load(ctx: Ctx, id: string) {
  const p = await records.findPerson(ctx.tx, id);
  if (!p || !ctx.can('person.read', p.place)) throw notFound();
  return p;
}

export async function get(ctx: Ctx, id: string) {
  const p = await load(ctx, id);
  await ctx.audit({
    action: 'registry.person.read',
    resourceType: 'person',
    resourceId: id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
  });
  return card(ctx, p);
}

export async function history(ctx: Ctx, id: string) {
  const p = await load(ctx, id);
  // A sensitive tag's history is as sensitive as the tag.
  const roles = rolesOver(ctx, p.place);
  const hidden = new Set((await records.allTags(ctx.tx)).filter((t) => !mayView(t, roles)).map((t) => `tag:${t.code}`));
  const items = (await records.changesOf(ctx.tx, p.community_id, id)).filter((c) => !hidden.has(c.field));
  await ctx.audit({
    action: 'registry.person.history',
    resourceType: 'person',
    resourceId: id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
  });
  return {
    items: items.map((c) => ({
      field: c.field,
      oldValue: c.old_value,
      newValue: c.new_value,
      reason: c.reason,
      changedByName: c.changed_by_name,
      changedAt: new Date(c.changed_at).toISOString(),
    })),
  };
}

export async function revealId(ctx: Ctx, id: string, purpose: string) {
  const p = await load(ctx, id);
  if (!ctx.can('person.reveal_id', p.place)) throw forbidden();
  const cipher = (await records.idCipherOf(ctx.tx, p.community_id, id))!;
  await ctx.audit({
    action: 'registry.person.reveal_id',
    resourceType: 'person',
    resourceId: id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
    detail: { purpose },
  });
  return { idNumber: decrypt(ctx.keys, cipher) };
}

type CreateBody = Static<typeof api.registry.createPerson.body>;

/** A room the caller may edit, else 422 on roomId (a room out of reach is "no such room"). */
export async function editableRoom(ctx: Ctx, roomId: string, path?: string) {
  const room = await org.getNode(ctx.tx, roomId);
  if (!room?.community_id || !ctx.can('registry.edit', room.path)) {
    // A room named in the URL is 404; one named in the body is "no such room" on its field.
    if (!path) throw notFound();
    throw new AppError(422, 'validation_failed', {}, [{ path, code: 'not_found' }]);
  }
  if (room.type !== 'room') throw badRequest('not_a_room', path ?? '/id');
  return room as typeof room & { community_id: string };
}

/** "1号楼 1单元 302室" from the room's ancestors below the community. */
export async function addressOf(ctx: Ctx, room: { path: string; name: string; type: string }) {
  const chain = [...(await org.ancestorsOf(ctx.tx, room.path)), room];
  return chain
    .filter((n) => ['building', 'unit', 'room'].includes(n.type))
    .map((n) => n.name)
    .join(' ');
}

export async function create(ctx: Ctx, b: CreateBody) {
  const room = await editableRoom(ctx, b.roomId, '/roomId');
  const problem = validateIdNumber(b.idNumber, ctx.now);
  if (problem)
    throw badRequest(
      problem === 'checksum' ? 'id_checksum' : problem === 'birth_date' ? 'id_birth_date' : 'id_format',
      '/idNumber',
    );
  const id = protectIdNumber(ctx.keys, b.idNumber);
  if (await records.registeredElsewhere(ctx.tx, id.blind)) throw badRequest('already_registered', '/idNumber');
  const communityId = room.community_id;
  let householdId = b.householdId;
  if (householdId) {
    const h = await records.householdById(ctx.tx, communityId, householdId);
    if (!h || h.address_node_id !== room.id) throw badRequest('not_found', '/householdId');
    await assertEditable(ctx, communityId, householdId);
    if (b.relation === 'head' && (await records.hasHead(ctx.tx, communityId, householdId)))
      throw badRequest('head_exists', '/relation');
  } else {
    if (b.relation !== 'head') throw badRequest('head_required', '/relation');
    householdId = randomUUID();
    await records.insertHousehold(ctx.tx, {
      community_id: communityId,
      id: householdId,
      address_node_id: room.id,
      address_text: await addressOf(ctx, room),
      created_at: ctx.now,
      version: 1,
    });
  }
  const personId = randomUUID();
  await records.insertPerson(ctx.tx, {
    community_id: communityId,
    id: personId,
    household_id: householdId,
    user_id: null,
    name: b.name.trim(),
    name_initials: records.initialsOf(b.name),
    relation: b.relation,
    phone: b.phone ?? null,
    id_cipher: id.cipher,
    id_blind: id.blind,
    id_masked: id.masked,
    sex: id.sex,
    birth_date: id.birthDate,
    residence_status: b.residenceStatus,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await changes(ctx, communityId, personId, [['created', null, b.name.trim()]], '登记');
  await ctx.audit({
    action: 'registry.person.create',
    resourceType: 'person',
    resourceId: personId,
    nodeId: room.id,
    nodePath: room.path,
    detail: { householdId, newHousehold: !b.householdId },
  });
  await ctx.emit({ topic: 'registry.person.created', payload: { personId, communityId, householdId }, communityId });
  return card(ctx, (await records.findPerson(ctx.tx, personId))!);
}

async function changes(
  ctx: Ctx,
  communityId: string,
  personId: string,
  list: [string, string | null, string | null][],
  reason: string,
) {
  await records.insertChanges(
    ctx.tx,
    list.map(([field, old_value, new_value]) => ({
      community_id: communityId,
      id: randomUUID(),
      person_id: personId,
      field,
      old_value,
      new_value,
      reason,
      changed_by: ctx.user?.id ?? null,
      changed_by_name: ctx.user?.name ?? null,
      changed_at: ctx.now,
    })),
  );
}

type UpdateBody = Static<typeof api.registry.updatePerson.body>;

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const p = await load(ctx, id);
  if (!ctx.can('registry.edit', p.place)) throw forbidden();
  await assertEditable(ctx, p.community_id, p.household_id);
  if (p.version !== b.version) throw conflict('version_conflict');
  const set: Parameters<typeof records.updatePerson>[4] = {};
  const diff: [string, string | null, string | null][] = [];
  const field = <K extends 'name' | 'phone' | 'relation' | 'residenceStatus'>(
    k: K,
    col: string,
    old: string | null,
  ) => {
    const v = b[k];
    if (v === undefined || v === old) return;
    diff.push([k, old, v]);
    (set as Record<string, unknown>)[col] = v;
  };
  field('name', 'name', p.name);
  field('phone', 'phone', p.phone);
  field('relation', 'relation', p.relation);
  field('residenceStatus', 'residence_status', p.residence_status);
  if (diff.length === 0) return card(ctx, p);
  if (set.name) set.name_initials = records.initialsOf(set.name);
  if (set.relation === 'head' && (await records.hasHead(ctx.tx, p.community_id, p.household_id)))
    throw badRequest('head_exists', '/relation');
  if (!(await records.updatePerson(ctx.tx, p.community_id, id, b.version, set, ctx.now)))
    throw conflict('version_conflict');
  await changes(ctx, p.community_id, id, diff, b.reason);
  await ctx.audit({
    action: 'registry.person.update',
    resourceType: 'person',
    resourceId: id,
    nodeId: p.address_node_id ?? p.community_id,
    nodePath: p.place,
    detail: { fields: diff.map(([f]) => f), reason: b.reason },
  });
  await ctx.emit({
    topic: 'registry.person.updated',
    payload: { personId: id, communityId: p.community_id, fields: diff.map(([f]) => f) },
    communityId: p.community_id,
  });
  return card(ctx, (await records.findPerson(ctx.tx, id))!);
}

export { changes as recordChanges, load as loadReadable };
