/**
 * 诉求地图: outlines below the chosen node and the caller's cases as points, for a map drawn without a
 * tile server. Which cases: exactly an inbox's (`boxQuery`), capped at the newest `CASE_MAP_LIMIT`.
 * A case without a map pin stands at the centre of its building, else its grid, else its community.
 */
import { type api, geo } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { boxQuery } from './box-query.ts';
import { newestCases, type Outline, outlinesIn, placeOutlines } from './map-repository.ts';
import type { CaseRow } from './repository.ts';
import { lookupsFor, toSummary } from './views.ts';

type Query = Static<typeof api.caseMap.caseMap.querystring>;
type CaseMap = Static<typeof api.caseMap.CaseMap>;
type MapCase = CaseMap['cases'][number];

const CASE_LIMIT = 2000;
const OUTLINE_BUDGET = 5000;
const COUNT_CAP = 100_000;

const parentIdOf = (path: string) => path.split('/').filter(Boolean).at(-2) ?? null;

const toOutline = (o: Outline): CaseMap['outlines'][number] => ({
  id: o.id,
  name: o.name,
  type: o.type as api.caseMap.OutlineType,
  parentId: parentIdOf(o.path),
  geometry: o.geometry,
});

/** The centre of the deepest outlined node on a case's place path (building, grid, community). */
function standIn(row: CaseRow, centres: Map<string, geo.Position>): geo.Position | null {
  const ids = row.place_path.split('/').filter(Boolean).reverse();
  for (const id of ids) {
    const c = centres.get(id);
    if (c) return c;
  }
  return null;
}

export async function caseMap(ctx: Ctx, f: Query): Promise<CaseMap> {
  const within = f.nodeId ? await org.getNode(ctx.tx, f.nodeId) : null;
  if (f.nodeId && !within) throw badRequest('not_found', '/nodeId');
  // Outlines of the caller's reach (404 for a node outside it), whether or not the box has cases.
  const scopes = listingScope(ctx.actor, 'case.read', within);
  const query = await boxQuery(ctx, f.box ?? 'all', { nodeId: f.nodeId, categoryId: f.categoryId });
  const [outlines, found] = await Promise.all([
    outlinesIn(ctx.tx, scopes, OUTLINE_BUDGET),
    query ? newestCases(ctx.tx, query, CASE_LIMIT, COUNT_CAP) : { rows: [], more: 0 },
  ]);
  const types = new Set<string>(['community', 'grid', 'building']);
  const centres = new Map(outlines.map((o) => [o.id, geo.centroid(o.geometry)]));
  const unpinned = found.rows.filter((r) => r.lat === null || r.lng === null);
  const missing = [...new Set(unpinned.flatMap((r) => r.place_path.split('/').filter(Boolean)))].filter(
    (id) => !centres.has(id),
  );
  for (const o of await placeOutlines(ctx.tx, missing))
    if (types.has(o.type)) centres.set(o.id, geo.centroid(o.geometry));

  const lookups = await lookupsFor(ctx.tx, found.rows, ctx.lang);
  const cases: MapCase[] = [];
  for (const r of found.rows) {
    const pinned = r.lat !== null && r.lng !== null;
    const at = pinned ? ([r.lng!, r.lat!] as geo.Position) : standIn(r, centres);
    if (!at) continue;
    const s = toSummary(r, lookups, ctx.now);
    cases.push({
      id: s.id,
      no: s.no,
      title: s.title,
      status: s.status,
      categoryName: s.categoryName,
      colour: s.sla?.colour ?? 'none',
      lat: at[1],
      lng: at[0],
      pinned,
      placeName: s.placeName,
      createdAt: s.createdAt,
    });
  }
  const shown = outlines.map(toOutline);
  const bbox = geo.mergeBBoxes([
    geo.bbox(outlines.map((o) => o.geometry)),
    geo.bboxOfPoints(cases.map((c) => [c.lng, c.lat])),
  ]);
  return { outlines: shown, cases, omitted: found.more + found.rows.length - cases.length, bbox };
}
