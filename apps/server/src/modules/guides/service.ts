import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { ancestorPaths, audienceOf, reads } from '../notices/audience.ts';
import { invalid, plainText } from '../notices/text.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';
import { guideQuery, guideTokens, initialsOf } from './search.ts';

type Detail = Static<typeof api.guides.GuideDetail>;

const districtPathOf = (path: string) => ancestorPaths(path)[0]!;

const summary = (r: repo.GuideRow) => ({
  id: r.id,
  nodeId: r.node_id,
  nodeName: r.node_name,
  baseId: r.base_id,
  category: r.category as Detail['category'],
  title: r.title,
  audience: r.audience,
  active: r.active,
});

const detailOf = (ctx: Ctx, r: repo.GuideRow): Detail => ({
  ...summary(r),
  materials: r.materials,
  steps: r.steps,
  place: r.place,
  hours: r.hours,
  fees: r.fees,
  onlineUrl: r.online_url,
  faqs: (r.faqs ?? []) as Detail['faqs'],
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
  abilities: {
    edit: ctx.can('guide.manage', r.node_path),
    // A community cadre may override a district item for their own community.
    override:
      r.base_id === null && ctx.grants.some((g) => g.nodeType === 'community' && ctx.can('guide.manage', g.path)),
  },
});

/** The node whose guides the caller asks for: given, or their home community, or their district. */
async function targetNode(ctx: Ctx, nodeId: string | undefined) {
  const fallback =
    ctx.grants.find((g) => g.communityPath)?.communityPath ??
    (ctx.grants[0] ? districtPathOf(ctx.grants[0].path) : null);
  const id = nodeId ?? fallback?.split('/').filter(Boolean).at(-1);
  const node = id ? await org.getNode(ctx.tx, id) : null;
  if (!node || !['district', 'community'].includes(node.type) || !reads(audienceOf(ctx.actor), node.path))
    throw notFound();
  return node;
}

type ListQuery = Static<typeof api.guides.listGuides.querystring>;

/** A community's guides: the district's items, each replaced by the community's override if any, and its own. */
export async function list(ctx: Ctx, q: ListQuery) {
  const node = await targetNode(ctx, q.nodeId);
  const query = q.q ? guideQuery(q.q) : null;
  if (query && query.tokens.length === 0 && !query.initials)
    return { node: { id: node.id, name: node.name }, items: [] };
  const paths = node.type === 'community' ? [districtPathOf(node.path), node.path] : [node.path];
  const [rows, overridden] = await Promise.all([
    repo.atPaths(ctx.tx, paths, query, q.category),
    node.type === 'community' ? repo.overriddenAt(ctx.tx, node.path) : new Set<string>(),
  ]);
  return { node: { id: node.id, name: node.name }, items: rows.filter((r) => !overridden.has(r.id)).map(summary) };
}

export async function detail(ctx: Ctx, id: string) {
  const r = await repo.byId(ctx.tx, id);
  if (!r || !reads(audienceOf(ctx.actor), r.node_path)) throw notFound();
  return detailOf(ctx, r);
}

type Fields = Omit<Static<typeof api.guides.createGuide.body>, 'nodeId' | 'baseId'>;

function clean(f: Partial<Fields>) {
  const lines = (xs: string[] | undefined, path: string) => xs?.map((x, i) => plainText(x, `${path}/${i}`));
  return {
    ...(f.category !== undefined ? { category: f.category } : {}),
    ...(f.title !== undefined ? { title: plainText(f.title, '/title') } : {}),
    ...(f.audience !== undefined ? { audience: plainText(f.audience, '/audience') } : {}),
    ...(f.materials !== undefined ? { materials: lines(f.materials, '/materials')! } : {}),
    ...(f.steps !== undefined ? { steps: lines(f.steps, '/steps')! } : {}),
    ...(f.place !== undefined ? { place: f.place.trim() } : {}),
    ...(f.hours !== undefined ? { hours: f.hours.trim() } : {}),
    ...(f.fees !== undefined ? { fees: f.fees.trim() } : {}),
    ...(f.onlineUrl !== undefined ? { online_url: f.onlineUrl } : {}),
    ...(f.faqs !== undefined
      ? {
          faqs: JSON.stringify(
            f.faqs.map((x, i) => ({ q: plainText(x.q, `/faqs/${i}/q`), a: plainText(x.a, `/faqs/${i}/a`) })),
          ),
        }
      : {}),
  };
}

type CreateBody = Static<typeof api.guides.createGuide.body>;

export async function create(ctx: Ctx, b: CreateBody) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !['district', 'community'].includes(node.type)) throw invalid('/nodeId', 'not_found');
  if (!ctx.can('guide.manage', node.path)) {
    if (ctx.grants.some((g) => ancestorPaths(g.path).includes(node.path)))
      throw new AppError(403, 'guide_level_forbidden', { level: node.type });
    throw invalid('/nodeId', 'not_found');
  }
  if (b.baseId) {
    const base = await repo.byId(ctx.tx, b.baseId);
    if (!base || node.type !== 'community' || base.node_path !== districtPathOf(node.path) || base.base_id)
      throw invalid('/baseId', 'not_found');
    if ((await repo.overriddenAt(ctx.tx, node.path)).has(base.id)) throw conflict('already_overridden');
  }
  const f = clean(b);
  const row = {
    category: b.category,
    title: f.title!,
    audience: f.audience!,
    materials: f.materials ?? [],
    steps: f.steps ?? [],
    place: f.place ?? '',
    hours: f.hours ?? '',
    fees: f.fees ?? '',
    online_url: b.onlineUrl ?? null,
    faqs: f.faqs ?? '[]',
  };
  const id = randomUUID();
  await repo.insert(
    ctx.tx,
    {
      id,
      node_id: node.id,
      node_path: node.path,
      base_id: b.baseId ?? null,
      ...row,
      initials: initialsOf(row.title),
      updated_at: ctx.now,
      updated_by: ctx.user!.id,
    },
    guideTokens(row),
  );
  await ctx.audit({
    action: b.baseId ? 'guide.override' : 'guide.create',
    resourceType: 'service_guide',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { title: row.title, baseId: b.baseId ?? null },
  });
  return detailOf(ctx, (await repo.byId(ctx.tx, id))!);
}

type UpdateBody = Static<typeof api.guides.updateGuide.body>;

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const before = await repo.byId(ctx.tx, id);
  if (!before || !reads(audienceOf(ctx.actor), before.node_path)) throw notFound();
  // She reads it, so it exists for her: changing another level's item is forbidden, not "not found".
  if (!ctx.can('guide.manage', before.node_path)) throw new AppError(403, 'forbidden');
  const f = clean(b);
  const merged = {
    title: f.title ?? before.title,
    audience: f.audience ?? before.audience,
    materials: f.materials ?? before.materials,
    steps: f.steps ?? before.steps,
  };
  const patch = {
    ...f,
    ...(b.active !== undefined ? { active: b.active } : {}),
    initials: initialsOf(merged.title),
    updated_at: ctx.now,
    updated_by: ctx.user!.id,
  };
  if (!(await repo.update(ctx.tx, id, b.version, patch, guideTokens(merged)))) throw conflict('version_conflict');
  await ctx.audit({
    action: 'guide.update',
    resourceType: 'service_guide',
    resourceId: id,
    nodeId: before.node_id,
    nodePath: before.node_path,
    detail: { title: merged.title, changed: Object.keys(b).filter((k) => k !== 'version') },
  });
  return detailOf(ctx, (await repo.byId(ctx.tx, id))!);
}
