/**
 * Duplicate suggestions on intake: open cases of the same category within 100 m or in the same building,
 * ranked by Chinese-aware text similarity. Only cases the caller may see are suggested (a resident sees
 * public ones), so suggestions never reveal a neighbour's private report.
 */
import type { api, cases } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { textSimilarity } from '../../platform/text/tokens.ts';
import { placeOf } from './intake.ts';
import * as q from './listing-repository.ts';
import { viewOf } from './policy.ts';
import { lookupsFor, toSummary } from './views.ts';

type Query = Static<typeof api.cases.duplicateSuggestions.querystring>;

const RADIUS_M = 100;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** The building (courtyard) a place belongs to, as a path prefix; null above building level. */
const buildingPathOf = (path: string): string | null => {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 5 ? `/${ids.slice(0, 5).join('/')}/` : null;
};

export async function suggest(ctx: Ctx, f: Query) {
  const place = await placeOf(ctx.tx, f.placeId);
  if (!place || (!ctx.can('community.read', place.path) && !ctx.can('case.read', place.path))) throw notFound();
  const point = f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : null;
  const buildingPath = buildingPathOf(place.path);
  const rows = await q.duplicateCandidates(ctx.tx, {
    communityId: place.communityId,
    categoryId: f.categoryId,
    buildingPath,
    point,
    excludeId: f.excludeId ?? null,
  });
  const scored = rows.flatMap((r) => {
    const doc = { ...(r.state as Omit<cases.CaseState, 'timeline'>), timeline: [] };
    const view = viewOf(ctx.actor, ctx.grants, doc, r.is_public);
    if (!view) return [];
    const distance = point && r.lat !== null && r.lng !== null ? distanceM(point, { lat: r.lat, lng: r.lng }) : null;
    const sameBuilding = buildingPath !== null && r.place_path.startsWith(buildingPath);
    if (!sameBuilding && (distance === null || distance > RADIUS_M)) return [];
    return [{ r, view, distance, sameBuilding, similarity: f.text ? textSimilarity(f.text, r.description) : 0 }];
  });
  scored.sort((a, b) => b.similarity - a.similarity || Number(b.sameBuilding) - Number(a.sameBuilding));
  const top = scored.slice(0, 10);
  const lookups = await lookupsFor(
    ctx.tx,
    top.map((s) => s.r),
    ctx.lang,
  );
  return {
    items: top.map((s) => ({
      ...toSummary(s.r, lookups, ctx.now, s.view),
      distanceM: s.distance === null ? null : Math.round(s.distance),
      sameBuilding: s.sameBuilding,
      similarity: Math.round(s.similarity * 100) / 100,
    })),
  };
}
