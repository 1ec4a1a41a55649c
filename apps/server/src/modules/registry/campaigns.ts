/**
 * Update campaigns: a snapshot of everyone registered under a node, item by item for their grid's workers,
 * who confirm each record or correct it (through the same person update: only changed fields, with history).
 */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import * as repo from './campaigns-repository.ts';
import * as people from './people.ts';

export async function create(ctx: Ctx, b: Static<typeof api.registryCampaigns.createCampaign.body>) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !ctx.can('policy.manage', node.path))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  const scopes = listingScope(ctx.actor, 'policy.manage', node);
  const found = await records.matches(ctx.tx, records.inReach(await records.reachOf(ctx.tx, scopes)));
  const id = randomUUID();
  await repo.insertCampaign(
    ctx.tx,
    {
      id,
      node_id: node.id,
      node_path: node.path,
      name: b.name.trim(),
      item_count: found.length,
      created_by: ctx.user!.id,
      created_at: ctx.now,
    },
    found,
  );
  await ctx.audit({
    action: 'registry.campaign.create',
    resourceType: 'registry_campaign',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { name: b.name, items: found.length },
  });
  await ctx.emit({
    topic: 'registry.campaign.created',
    payload: { campaignId: id, nodeId: node.id, items: found.length },
  });
  return (await list(ctx, { nodeId: node.id })).items.find((c) => c.id === id)!;
}

export async function list(ctx: Ctx, q: { nodeId?: string; limit?: number; offset?: number }) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'registry.stats', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.campaignsIn(ctx.tx, scopes, limit, offset);
  return {
    items: rows.map((c) => ({
      id: c.id,
      name: c.name,
      nodeId: c.node_id,
      nodeName: c.node_name,
      createdAt: new Date(c.created_at).toISOString(),
      progress: {
        total: Number(c.total),
        pending: Number(c.pending),
        confirmed: Number(c.confirmed),
        changed: Number(c.changed),
      },
    })),
    total,
    limit,
    offset,
  };
}

type Item = NonNullable<Awaited<ReturnType<typeof repo.itemOf>>>;

async function views(ctx: Ctx, rows: Item[]) {
  const people = new Map(
    (await records.contactsOf(ctx.tx, [...new Set(rows.map((r) => r.person_id))])).map((p) => [p.id, p]),
  );
  return rows.map((i) => {
    const p = people.get(i.person_id)!;
    return {
      campaignId: i.campaign_id,
      campaignName: i.campaign_name,
      personId: i.person_id,
      name: p.name,
      address: p.address_text,
      phone: p.phone,
      residenceStatus: p.residence_status as never,
      personVersion: p.version,
      status: i.status as never,
      doneAt: i.done_at ? new Date(i.done_at).toISOString() : null,
      version: i.version,
    };
  });
}

export async function items(ctx: Ctx, q: { campaignId?: string; status?: string; limit?: number; offset?: number }) {
  const scopes = listingScope(ctx.actor, 'registry.edit');
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.itemsIn(ctx.tx, scopes, { ...q, limit, offset });
  const out = await views(ctx, rows);
  await ctx.audit({
    action: 'registry.campaign.items',
    resourceType: 'person',
    nodePath: scopes[0] ?? null,
    detail: { count: out.length, ids: out.map((i) => i.personId) },
  });
  return { items: out, total, limit, offset };
}

export async function confirm(
  ctx: Ctx,
  campaignId: string,
  personId: string,
  b: Static<typeof api.registryCampaigns.confirmItem.body>,
) {
  const item = await repo.itemOf(ctx.tx, campaignId, personId);
  if (!item || !ctx.can('registry.edit', item.place_path)) throw notFound();
  if (item.version !== b.version) throw conflict('version_conflict');
  // Corrections go through the person update: compare-and-set on the person, history with the campaign's name.
  const before = await people.loadReadable(ctx, personId);
  const after = await people.update(ctx, personId, {
    version: b.personVersion,
    reason: `信息核实(${item.campaign_name})`,
    ...(b.phone !== undefined ? { phone: b.phone } : {}),
    ...(b.residenceStatus ? { residenceStatus: b.residenceStatus } : {}),
  });
  const changed = after.version !== before.version;
  if (
    !(await repo.markItem(ctx.tx, item, b.version, {
      status: changed ? 'changed' : 'confirmed',
      done_by: ctx.user!.id,
      done_at: ctx.now,
    }))
  )
    throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.campaign.confirm',
    resourceType: 'person',
    resourceId: personId,
    nodePath: item.place_path,
    detail: { campaignId, changed },
  });
  return (await views(ctx, [(await repo.itemOf(ctx.tx, campaignId, personId))!]))[0]!;
}
