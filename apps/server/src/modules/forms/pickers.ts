/**
 * Pickers for a task's person, household and building fields: what lives in the task's target, for a caller
 * who may fill it. People and households come from the registry's own search (scoped and audited there as a
 * `registry.people.list`, like any listing of names); buildings from the org tree.
 */
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as registry from '../registry/people.ts';
import * as repo from './repository.ts';

type Kind = api.formPickers.PickerKind;
type Item = api.formPickers.PickerItemT;
const LIMIT = 50;
/** People read to gather households: a household has a handful of members, so this fills a page of them. */
const HOUSEHOLD_PEOPLE = 200;

export async function picker(ctx: Ctx, taskId: string, kind: Kind, q?: string) {
  const t = await repo.taskById(ctx.tx, taskId);
  // A task outside the caller's form.fill reach does not exist for them (no existence oracle).
  if (!t || !ctx.can('form.fill', t.target_path)) throw notFound();
  const query = q?.trim() || undefined;
  if (kind === 'building') return buildings(ctx, t.target_path, query);
  const limit = kind === 'person' ? LIMIT : HOUSEHOLD_PEOPLE;
  const found = await registry.list(ctx, { nodeId: t.target_node_id, q: query, limit });
  if (kind === 'person') {
    const items: Item[] = found.items.map((p) => ({ id: p.id, label: p.name, detail: p.address ?? '' }));
    return { items, more: found.total > items.length };
  }
  return households(found.items, found.total > found.items.length);
}

type Row = Awaited<ReturnType<typeof registry.list>>['items'][number];

/** Households of the people found, the head named first; a contact-only row carries no household. */
function households(people: Row[], truncated: boolean) {
  const byId = new Map<string, { address: string; names: string[] }>();
  for (const p of people) {
    if (!('householdId' in p)) continue;
    const h = byId.get(p.householdId) ?? { address: p.address ?? '', names: [] };
    if (p.relation === 'head') h.names.unshift(p.name);
    else h.names.push(p.name);
    byId.set(p.householdId, h);
  }
  const all = [...byId].map(([id, h]) => ({ id, label: h.address, detail: h.names.join('、') }));
  all.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
  return { items: all.slice(0, LIMIT), more: truncated || all.length > LIMIT };
}

async function buildings(ctx: Ctx, path: string, q?: string) {
  const nodes = await org.descendants(ctx.tx, path, ['grid', 'building']);
  const grids = new Map(nodes.filter((n) => n.type === 'grid').map((n) => [n.id, n.name]));
  const needle = q?.toLowerCase();
  const all = nodes
    .filter((n) => n.type === 'building' && (!needle || n.name.toLowerCase().includes(needle)))
    .map((n) => ({ id: n.id, label: n.name, detail: grids.get(n.parent_id ?? '') ?? '' }));
  return { items: all.slice(0, LIMIT), more: all.length > LIMIT };
}
