/**
 * A search in two steps: the matches first, found by the index their kind uses (characters, initials, tails,
 * blind index) and capped, then only those listed with their household and place in address order. Sorting
 * every match in a district to show twenty (a common surname, a one-letter initial) took a second.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

export interface Hit {
  community_id: string;
  id: string;
}

/** Up to `limit` people (alias p) meeting `where`, in no particular order. */
export async function searchHits(tx: Db, where: RawBuilder<SqlBool>, limit: number): Promise<Hit[]> {
  const r = await sql<Hit>`SELECT p.community_id, p.id FROM person p WHERE ${where} LIMIT ${limit}`.execute(tx);
  return r.rows;
}

/** People (alias p) among the hits: primary-key lookups. */
export const amongHits = (hits: readonly Hit[]): RawBuilder<SqlBool> =>
  hits.length === 0
    ? sql<SqlBool>`false`
    : sql<SqlBool>`(p.community_id, p.id) IN (SELECT c, i FROM unnest(${hits.map((h) => h.community_id)}::bigint[],
        ${hits.map((h) => h.id)}::uuid[]) AS t(c, i))`;
