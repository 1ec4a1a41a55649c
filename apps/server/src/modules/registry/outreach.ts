/**
 * 政策找人: a rule over the registry, its live count in the caller's reach, and outreach tasks for the grid
 * workers of every person it matches, with their outcomes and coverage by grid and community.
 */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import { isDerived } from './access.ts';
import { cell, exactIn } from './cells.ts';
import * as repo from './outreach-repository.ts';

type Rule = api.registryOutreach.Rule;

/** The rule's tags must exist; returns the age bounds of the derived ones for the compiler. */
async function checkRule(ctx: Ctx, rule: Rule): Promise<records.AgeTags> {
  const tags = new Map((await records.allTags(ctx.tx)).map((t) => [t.code, t]));
  const errors: { path: string; code: string }[] = [];
  rule.all.forEach((c, i) => {
    const named: [string, string][] =
      'tag' in c
        ? [[`/rule/all/${i}/tag`, c.tag]]
        : 'anyTag' in c
          ? c.anyTag.map((t, j) => [`/rule/all/${i}/anyTag/${j}`, t] as [string, string])
          : 'household' in c && c.household.memberTag
            ? [[`/rule/all/${i}/household/memberTag`, c.household.memberTag]]
            : [];
    for (const [path, code] of named) if (!tags.has(code)) errors.push({ path, code: 'not_found' });
  });
  if (errors.length > 0) throw new AppError(422, 'validation_failed', {}, errors);
  return new Map(
    [...tags.values()].filter((t) => isDerived(t)).map((t) => [t.code, { min: t.min_age, max: t.max_age }]),
  );
}

function compiled(ctx: Ctx, rule: Rule, ages: records.AgeTags, reach: records.Reach) {
  // Household conditions read whole households: only those of the communities in reach.
  const rule$ = records.compileRule(rule, records.chinaToday(ctx.now), ages, records.reachedCommunities(reach));
  return { from: rule$.from, where: records.sqlAnd([records.inReach(reach), rule$.where]) };
}

async function where(ctx: Ctx, rule: Rule, scopes: string[]) {
  const [ages, reach] = await Promise.all([checkRule(ctx, rule), records.reachOf(ctx.tx, scopes)]);
  return compiled(ctx, rule, ages, reach);
}

/** Communities per statement of a district-wide count with household conditions (see preview). */
const COUNT_CHUNK = 150;

export async function preview(ctx: Ctx, b: { rule: Rule; nodeId?: string }) {
  const node = b.nodeId ? await org.getNode(ctx.tx, b.nodeId) : null;
  if (b.nodeId && !node) throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  const scopes = listingScope(ctx.actor, 'registry.stats', node);
  const [ages, reach] = await Promise.all([checkRule(ctx, b.rule), records.reachOf(ctx.tx, scopes)]);
  // PostgreSQL runs a window (household sizes and ages) in one process: a district's count goes out as a few
  // statements over disjoint sets of communities, side by side on the pool (this route reads only).
  const windows = b.rule.all.some((c) => 'household' in c);
  const parts = windows ? records.splitReach(reach, COUNT_CHUNK) : [reach];
  const found = (
    await Promise.all(
      parts.map((r) => {
        const q = compiled(ctx, b.rule, ages, r);
        return records.countByCommunity(ctx.tx, q.where, q.from);
      }),
    )
  )
    .flat()
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const paths = new Map(
    (
      await org.getNodes(
        ctx.tx,
        found.map((c) => c.id),
      )
    ).map((n) => [n.id, n.path]),
  );
  const exact = new Map(found.map((c) => [c.id, exactIn(ctx, paths.get(c.id)!)]));
  const total = found.reduce((s, c) => s + c.count, 0);
  return {
    count: cell(
      total,
      found.every((c) => exact.get(c.id)),
    ),
    byCommunity: found.map((c) => ({ ...c, count: cell(c.count, exact.get(c.id)!) })),
  };
}

type CoverageRow = Awaited<ReturnType<typeof repo.coverage>>[number];
const EMPTY = { total: 0, pending: 0, informed: 0, applied: 0, notEligible: 0, unreachable: 0 };
const coverageOf = (c: CoverageRow | undefined) =>
  c
    ? {
        total: Number(c.total),
        pending: Number(c.pending),
        informed: Number(c.informed),
        applied: Number(c.applied),
        notEligible: Number(c.not_eligible),
        unreachable: Number(c.unreachable),
      }
    : EMPTY;

type PolicyRow = NonNullable<Awaited<ReturnType<typeof repo.policyById>>>;
const policyView = (p: Omit<PolicyRow, 'node_path'>, c: CoverageRow | undefined) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  nodeId: p.node_id,
  nodeName: p.node_name,
  rule: (typeof p.rule === 'string' ? JSON.parse(p.rule) : p.rule) as Rule,
  createdByName: p.creator,
  createdAt: new Date(p.created_at).toISOString(),
  coverage: coverageOf(c),
});

export async function create(ctx: Ctx, b: Static<typeof api.registryOutreach.createPolicy.body>) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !ctx.can('policy.manage', node.path))
    throw new AppError(422, 'validation_failed', {}, [{ path: '/nodeId', code: 'not_found' }]);
  const scopes = listingScope(ctx.actor, 'policy.manage', node);
  const q = await where(ctx, b.rule, scopes);
  const found = await records.matches(ctx.tx, q.where, q.from);
  const id = randomUUID();
  await repo.insertPolicy(ctx.tx, {
    id,
    node_id: node.id,
    node_path: node.path,
    name: b.name.trim(),
    description: b.description?.trim() ?? '',
    rule: JSON.stringify(b.rule),
    task_count: found.length,
    created_by: ctx.user!.id,
    created_at: ctx.now,
  });
  await repo.insertTasks(ctx.tx, id, found, ctx.now);
  await ctx.audit({
    action: 'registry.policy.create',
    resourceType: 'outreach_policy',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { name: b.name, rule: b.rule, tasks: found.length },
  });
  const grids = [...new Set(found.map((f) => f.grid_id).filter((g): g is string => g !== null))];
  await ctx.emit({
    topic: 'registry.policy.created',
    payload: { policyId: id, nodeId: node.id, grids, tasks: found.length },
  });
  const [cov] = await repo.coverage(ctx.tx, [id], scopes, false);
  return policyView((await repo.policyById(ctx.tx, id))!, cov);
}

export async function list(ctx: Ctx, q: { nodeId?: string; limit?: number; offset?: number }) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'registry.stats', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.policiesIn(ctx.tx, scopes, limit, offset);
  const cov = await repo.coverage(
    ctx.tx,
    rows.map((r) => r.id),
    scopes,
    false,
  );
  return {
    items: rows.map((r) =>
      policyView(
        r,
        cov.find((c) => c.policy_id === r.id),
      ),
    ),
    total,
    limit,
    offset,
  };
}

export async function coverage(ctx: Ctx, id: string) {
  const p = await repo.policyById(ctx.tx, id);
  const scopes = listingScope(ctx.actor, 'registry.stats');
  if (!p || !(ctx.can('registry.stats', p.node_path) || (await repo.hasTasksIn(ctx.tx, id, scopes)))) throw notFound();
  const [total] = await repo.coverage(ctx.tx, [id], scopes, false);
  const byGrid = await repo.coverage(ctx.tx, [id], scopes, true);
  return {
    policy: policyView(p, total),
    byGrid: byGrid.map((g) => ({
      gridId: g.grid_id,
      gridName: g.grid_name ?? '',
      communityId: g.community_id!,
      communityName: g.community_name ?? '',
      coverage: coverageOf(g),
    })),
  };
}

type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.taskOf>>>;

async function taskViews(ctx: Ctx, rows: TaskRow[]) {
  const people = new Map(
    (await records.contactsOf(ctx.tx, [...new Set(rows.map((r) => r.person_id))])).map((p) => [p.id, p]),
  );
  return rows.map((t) => {
    const p = people.get(t.person_id);
    return {
      policyId: t.policy_id,
      policyName: t.policy_name,
      personId: t.person_id,
      name: p?.name ?? '',
      address: p?.address_text ?? '',
      phone: p?.phone ?? null,
      gridName: t.grid_name ?? '',
      status: t.status as never,
      note: t.note,
      outcomeAt: t.outcome_at ? new Date(t.outcome_at).toISOString() : null,
      version: t.version,
    };
  });
}

export async function tasks(
  ctx: Ctx,
  q: { policyId?: string; status?: string; nodeId?: string; limit?: number; offset?: number },
) {
  const node = q.nodeId ? await org.getNode(ctx.tx, q.nodeId) : null;
  if (q.nodeId && !node) throw notFound();
  const scopes = listingScope(ctx.actor, 'outreach.work', node);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const { rows, total } = await repo.tasksIn(ctx.tx, scopes, { ...q, limit, offset });
  const items = await taskViews(ctx, rows);
  await ctx.audit({
    action: 'registry.outreach.list',
    resourceType: 'person',
    nodeId: node?.id ?? null,
    nodePath: node?.path ?? scopes[0] ?? null,
    detail: { count: items.length, ids: items.map((i) => i.personId) },
  });
  return { items, total, limit, offset };
}

export async function record(
  ctx: Ctx,
  policyId: string,
  personId: string,
  b: Static<typeof api.registryOutreach.recordOutcome.body>,
) {
  const t = await repo.taskOf(ctx.tx, policyId, personId);
  if (!t || !ctx.can('outreach.work', t.place_path)) throw notFound();
  if (t.version !== b.version) throw conflict('version_conflict');
  const ok = await repo.saveOutcome(ctx.tx, t, b.version, {
    status: b.outcome,
    note: b.note?.trim() || null,
    outcome_by: ctx.user!.id,
    outcome_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.outreach.outcome',
    resourceType: 'person',
    resourceId: personId,
    nodePath: t.place_path,
    detail: { policyId, outcome: b.outcome, before: t.status },
  });
  await ctx.emit({
    topic: 'registry.outreach.recorded',
    payload: { policyId, personId, outcome: b.outcome },
    communityId: t.community_id,
  });
  return (await taskViews(ctx, [(await repo.taskOf(ctx.tx, policyId, personId))!]))[0]!;
}
