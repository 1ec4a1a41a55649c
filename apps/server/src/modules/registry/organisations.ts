/**
 * Organisations in the community (商铺、企业、社会组织、机关事业单位): recorded by the committee and grid
 * workers at a node of their reach (`registry.edit`), read by everyone with registry statistics over it
 * (`registry.stats`: streets and the district too). Not personal data, but the contact phone is shown in full
 * only to those who may edit the record.
 */
import { randomUUID } from 'node:crypto';
import { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './places-repository.ts';
import { cleanText, creditCode, optText, phoneFor, placesOf } from './places-text.ts';

type Row = repo.OrganisationRow;
type CreateBody = Static<typeof api.registryPlaces.createOrganisation.body>;
type UpdateBody = Static<typeof api.registryPlaces.updateOrganisation.body>;

async function views(ctx: Ctx, rows: Row[]) {
  const places = await placesOf(ctx, rows);
  return rows.map((o) => ({
    id: o.id,
    communityId: o.community_id,
    communityName: o.community_name,
    kind: o.kind as never,
    name: o.name,
    creditCode: o.credit_code,
    nodeId: o.node_id,
    place: places.get(o.path) ?? '',
    address: o.address,
    contactName: o.contact_name,
    contactPhone: phoneFor(ctx, o.path, o.contact_phone),
    employees: o.employees,
    partyOrg: o.party_org,
    notes: o.notes,
    status: o.status as never,
    updatedAt: new Date(o.updated_at).toISOString(),
    version: o.version,
    abilities: { edit: ctx.can('registry.edit', o.path) },
  }));
}

export async function list(
  ctx: Ctx,
  q: { nodeId?: string; q?: string; kind?: string; status?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'registry.stats', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.organisationsIn(ctx.tx, scopes, { ...q, limit, offset });
  return { items: await views(ctx, rows), total, limit, offset };
}

/** An organisation the caller may read; anyone else gets 404 (no existence oracle). */
async function load(ctx: Ctx, id: string) {
  const o = await repo.organisationById(ctx.tx, id);
  if (!o || !ctx.can('registry.stats', o.path)) throw notFound();
  return o;
}

export const get = async (ctx: Ctx, id: string) => (await views(ctx, [await load(ctx, id)]))[0]!;

/** A node the caller may edit at, of a type an organisation sits at; else 422 on the field. */
async function placeNode(ctx: Ctx, nodeId: string) {
  const node = await org.getNode(ctx.tx, nodeId);
  if (!node?.community_id || !ctx.can('registry.edit', node.path))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  if (!(api.registryPlaces.ORGANISATION_NODE_TYPES as readonly string[]).includes(node.type))
    throw badRequest('node_kind', '/nodeId');
  return node as typeof node & { community_id: string };
}

/** The checked, normalised fields of a body (only those sent). */
function fields(b: Partial<CreateBody>) {
  const out = {
    kind: b.kind,
    name: b.name === undefined ? undefined : cleanText(b.name, '/name'),
    credit_code: creditCode(b.creditCode, '/creditCode'),
    address: optText(b.address, '/address'),
    contact_name: optText(b.contactName, '/contactName'),
    contact_phone: b.contactPhone,
    employees: b.employees,
    party_org: b.partyOrg,
    notes: optText(b.notes, '/notes'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<
    Omit<repo.PlaceTables['registry_organisation'], 'community_id' | 'id'>
  >;
}

async function codeFree(ctx: Ctx, communityId: string, code: string | null | undefined, self?: string) {
  if (!code) return;
  const other = await repo.organisationWithCode(ctx.tx, communityId, code);
  if (other && other.id !== self)
    throw new AppError(409, 'credit_code_taken', {}, [{ path: '/creditCode', code: 'credit_code_taken' }]);
}

export async function create(ctx: Ctx, b: CreateBody) {
  const set = fields(b);
  const node = await placeNode(ctx, b.nodeId);
  await codeFree(ctx, node.community_id, set.credit_code);
  const id = randomUUID();
  await repo.insertOrganisation(ctx.tx, {
    kind: b.kind,
    name: set.name!,
    party_org: false,
    ...set,
    community_id: node.community_id,
    id,
    node_id: node.id,
    status: 'active',
    created_by: ctx.user!.id,
    created_at: ctx.now,
    updated_by: ctx.user!.id,
    updated_at: ctx.now,
    version: 1,
  });
  await ctx.audit({
    action: 'registry.organisation.create',
    resourceType: 'registry_organisation',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { after: { ...set, node_id: node.id } },
  });
  await ctx.emit({
    topic: 'registry.organisation.created',
    payload: { organisationId: id, nodeId: node.id, kind: b.kind },
    communityId: node.community_id,
  });
  return get(ctx, id);
}

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const before = await load(ctx, id);
  if (!ctx.can('registry.edit', before.path)) throw forbidden();
  const set: Partial<repo.PlaceTables['registry_organisation']> = fields(b);
  if (b.status) set.status = b.status;
  let path = before.path;
  if (b.nodeId !== undefined && b.nodeId !== before.node_id) {
    const node = await placeNode(ctx, b.nodeId);
    // Organisations are community-owned rows; one that moved away is recorded by its new community.
    if (node.community_id !== before.community_id) throw badRequest('other_community', '/nodeId');
    set.node_id = node.id;
    path = node.path;
  }
  if (before.version !== b.version) throw conflict('version_conflict');
  await codeFree(ctx, before.community_id, set.credit_code, id);
  const changed = Object.fromEntries(
    Object.entries(set).filter(([k, v]) => v !== (before as Record<string, unknown>)[k]),
  );
  if (Object.keys(changed).length === 0) return get(ctx, id);
  const key = { community_id: before.community_id, id };
  if (
    !(await repo.updateOrganisation(ctx.tx, key, b.version, {
      ...changed,
      updated_by: ctx.user!.id,
      updated_at: ctx.now,
    }))
  )
    throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.organisation.update',
    resourceType: 'registry_organisation',
    resourceId: id,
    nodeId: set.node_id ?? before.node_id,
    nodePath: path,
    detail: {
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]])),
      after: changed,
    },
  });
  await ctx.emit({
    topic: 'registry.organisation.updated',
    payload: { organisationId: id, fields: Object.keys(changed) },
    communityId: before.community_id,
  });
  return get(ctx, id);
}

export async function remove(ctx: Ctx, id: string, version: number) {
  const before = await load(ctx, id);
  if (!ctx.can('registry.edit', before.path)) throw forbidden();
  if (before.version !== version) throw conflict('version_conflict');
  if (!(await repo.deleteOrganisation(ctx.tx, { community_id: before.community_id, id }, version)))
    throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.organisation.delete',
    resourceType: 'registry_organisation',
    resourceId: id,
    nodeId: before.node_id,
    nodePath: before.path,
    detail: { name: before.name, kind: before.kind, creditCode: before.credit_code },
  });
  await ctx.emit({
    topic: 'registry.organisation.deleted',
    payload: { organisationId: id },
    communityId: before.community_id,
  });
  return { ok: true as const };
}
