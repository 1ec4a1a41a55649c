/**
 * Compound profiles (小区/院落档案): property management, entrances (counted and guarded for closed
 * management), facilities and resources, service providers. A profile belongs to a building-level node — a
 * tower block or a courtyard (院落) — and is edited as one document under one version.
 */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { invalid } from '../notices/text.ts';
import * as org from '../org/service.ts';
import * as repo from './places-repository.ts';
import { cleanText, optText, phoneFor, placesOf } from './places-text.ts';

type Body = Static<typeof api.registryPlaces.putCompound.body>;
type Node = { id: string; name: string; path: string; community_id: string };

const parsed = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);

async function views(ctx: Ctx, items: { node: Node; row: repo.CompoundRow | undefined }[]) {
  const places = await placesOf(
    ctx,
    items.map((i) => i.node),
  );
  const communities = new Map(
    (await org.getNodes(ctx.tx, [...new Set(items.map((i) => i.node.community_id))])).map((n) => [n.id, n.name]),
  );
  const counts = await repo.activeOrganisationsUnder(
    ctx.tx,
    items.map((i) => i.node),
  );
  return items.map(({ node, row }) => {
    const phone = (p: string | null) => phoneFor(ctx, node.path, p);
    const entrances = row ? parsed(row.entrances) : [];
    return {
      nodeId: node.id,
      communityId: node.community_id,
      communityName: communities.get(node.community_id) ?? '',
      name: node.name,
      place: places.get(node.path) ?? node.name,
      management: (row?.management ?? 'none') as never,
      companyName: row?.company_name ?? null,
      contactName: row?.contact_name ?? null,
      contactPhone: phone(row?.contact_phone ?? null),
      entrances,
      facilities: row ? (parsed(row.facilities) as never[]) : [],
      providers: (row ? parsed(row.providers) : []).map((p) => ({ ...p, phone: phone(p.phone) })),
      notes: row?.notes ?? null,
      entranceCount: entrances.length,
      guardedCount: entrances.filter((e) => e.guarded).length,
      organisationCount: counts.get(node.path) ?? 0,
      updatedByName: row?.updated_by_name ?? null,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      version: row?.version ?? 0,
      abilities: { edit: ctx.can('registry.edit', node.path) },
    };
  });
}

/** A building or courtyard node the caller may read; 404 otherwise, 422 for another kind of node. */
async function compoundNode(ctx: Ctx, nodeId: string): Promise<Node> {
  const node = await org.getNode(ctx.tx, nodeId);
  if (!node?.community_id || !ctx.can('registry.stats', node.path)) throw notFound();
  if (node.type !== 'building') throw badRequest('not_a_compound', '/nodeId');
  return node as Node;
}

export async function get(ctx: Ctx, nodeId: string) {
  const node = await compoundNode(ctx, nodeId);
  const row = await repo.compoundOf(ctx.tx, node.community_id, node.id);
  return (await views(ctx, [{ node, row }]))[0]!;
}

export async function list(ctx: Ctx, q: { nodeId?: string; limit?: number; offset?: number }) {
  const within = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !within) throw notFound();
  const scopes = listingScope(ctx.actor, 'registry.stats', within);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.compoundsIn(ctx.tx, scopes, limit, offset);
  const items = rows.map((row) => ({
    node: { id: row.node_id, name: row.name, path: row.path, community_id: row.community_id },
    row,
  }));
  return { items: await views(ctx, items), total, limit, offset };
}

/** The checked profile: plain text everywhere, a company name exactly when a company manages it. */
function profile(b: Body) {
  const companyName = optText(b.companyName, '/companyName') ?? null;
  if (b.management === 'company' && !companyName) throw invalid('/companyName', 'required');
  if (b.management !== 'company' && companyName) throw invalid('/companyName', 'company_without_management');
  const kinds = new Set<string>();
  b.facilities.forEach((f, i) => {
    // One line per kind, so counts add up (two 充电桩 lines would be counted twice by readers).
    if (f.kind !== 'other' && kinds.has(f.kind)) throw invalid(`/facilities/${i}/kind`, 'facility_duplicate');
    kinds.add(f.kind);
  });
  return {
    management: b.management,
    company_name: companyName,
    contact_name: optText(b.contactName, '/contactName') ?? null,
    contact_phone: b.contactPhone ?? null,
    entrances: b.entrances.map((e, i) => ({
      name: cleanText(e.name, `/entrances/${i}/name`),
      hours: optText(e.hours, `/entrances/${i}/hours`) ?? null,
      guarded: e.guarded,
      vehicles: e.vehicles ?? false,
    })),
    facilities: b.facilities.map((f, i) => ({
      kind: f.kind,
      count: f.count,
      notes: optText(f.notes, `/facilities/${i}/notes`) ?? null,
    })),
    providers: b.providers.map((p, i) => ({
      name: cleanText(p.name, `/providers/${i}/name`),
      service: cleanText(p.service, `/providers/${i}/service`),
      contactName: optText(p.contactName, `/providers/${i}/contactName`) ?? null,
      phone: p.phone ?? null,
    })),
    notes: optText(b.notes, '/notes') ?? null,
  };
}

export async function put(ctx: Ctx, nodeId: string, b: Body) {
  const node = await compoundNode(ctx, nodeId);
  if (!ctx.can('registry.edit', node.path)) throw forbidden();
  const p = profile(b);
  const before = await repo.compoundOf(ctx.tx, node.community_id, node.id);
  if ((before?.version ?? 0) !== b.version) throw conflict('version_conflict');
  const ok = await repo.saveCompound(
    ctx.tx,
    {
      community_id: node.community_id,
      node_id: node.id,
      ...p,
      updated_by: ctx.user!.id,
      updated_by_name: ctx.user!.name,
      updated_at: ctx.now,
    },
    b.version,
  );
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.compound.update',
    resourceType: 'org_node',
    resourceId: node.id,
    nodeId: node.id,
    nodePath: node.path,
    detail: {
      before: before
        ? { management: before.management, company_name: before.company_name, version: before.version }
        : null,
      after: {
        management: p.management,
        company_name: p.company_name,
        entrances: p.entrances.length,
        facilities: p.facilities.length,
        providers: p.providers.length,
      },
    },
  });
  await ctx.emit({
    topic: 'registry.compound.updated',
    payload: { nodeId: node.id, version: b.version + 1 },
    communityId: node.community_id,
  });
  return get(ctx, nodeId);
}
