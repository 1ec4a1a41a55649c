/**
 * Which people and households a form answer may name: the current ones (not moved out) living under the
 * task's target. A filler picks them from the target's list; an id from anywhere else is refused on submit,
 * so an answer never points the requester at someone outside what they asked about.
 */
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import * as records from '../residents/records.ts';

export type Target = { communityId: string; path: string };

export async function refsUnder(tx: Db, t: Target, ids: { people: string[]; households: string[] }) {
  const base = () =>
    records
      .peopleBase(tx)
      .where(records.placeIn([t.path]))
      .where(sql<SqlBool>`p.community_id = ${t.communityId}`);
  const [people, households] = await Promise.all([
    ids.people.length ? base().where('p.id', 'in', ids.people).select('p.id').execute() : [],
    ids.households.length ? base().where('h.id', 'in', ids.households).select('h.id').distinct().execute() : [],
  ]);
  return { people: new Set(people.map((r) => r.id)), households: new Set(households.map((r) => r.id)) };
}
