/**
 * The case map's reads. Cases come through the inbox query (the very filters and scoping the inboxes
 * use, newest first); outlines from the org tree's `geometry` column.
 */
import type { Db } from '../../platform/db/engine.ts';
import { type Outline, outlinesOf, outlinesWithin } from '../org/geometry-repository.ts';
import { countCapped, type InboxQuery, inbox } from './listing-repository.ts';
import type { CaseRow } from './repository.ts';

export type { Outline };

/** The newest `cap` cases matching, and how many more match (counted up to `countCap`). */
export async function newestCases(
  tx: Db,
  query: Omit<InboxQuery, 'limit' | 'cursor'>,
  cap: number,
  countCap: number,
): Promise<{ rows: CaseRow[]; more: number }> {
  const rows = await inbox(tx, { ...query, cursor: null, limit: cap });
  if (rows.length <= cap) return { rows, more: 0 };
  return { rows: rows.slice(0, cap), more: (await countCapped(tx, query, countCap)) - cap };
}

/**
 * Outlines inside the scopes: communities and grids first, then buildings while the budget lasts (a whole
 * district's buildings would be too many to draw at once; its communities and grids are not).
 */
export async function outlinesIn(tx: Db, scopes: readonly string[], budget: number): Promise<Outline[]> {
  const areas = await outlinesWithin(tx, scopes, ['community', 'grid'], budget);
  const left = budget - areas.length;
  return left > 0 ? [...areas, ...(await outlinesWithin(tx, scopes, ['building'], left))] : areas;
}

/** Outlines of places (buildings, grids, communities) by id, for cases without a pin. */
export const placeOutlines = (tx: Db, ids: readonly string[]) => outlinesOf(tx, ids);
