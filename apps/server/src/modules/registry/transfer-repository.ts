/**
 * SQL of household transfers between communities: the transfer rows, and the move itself — copying a household,
 * its people, their history and tags to the receiving community's key with new ids, re-targeting pending
 * outreach tasks, and leaving the old rows as a tombstone (moved_out_at). See docs/adr/0009-registry.md.
 */
import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

export interface TransferTable {
  from_community_id: string;
  id: string;
  household_id: string;
  to_community_id: string;
  status: string;
  reason: string;
  from_address: string;
  members: number;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  note: string | null;
  to_room_id: string | null;
  to_address: string | null;
  new_household_id: string | null;
  version: number;
}
export type TransferRow = Selectable<TransferTable> & {
  from_name: string;
  from_path: string;
  to_name: string;
  to_path: string;
};
const t = (tx: Db) => tx.withTables<{ household_transfer: TransferTable }>();

export const insertTransfer = (tx: Db, row: TransferTable) =>
  t(tx).insertInto('household_transfer').values(row).execute();

const withCommunities = (tx: Db) =>
  t(tx)
    .selectFrom('household_transfer as x')
    .innerJoin('org_node as f', 'f.id', 'x.from_community_id')
    .innerJoin('org_node as o', 'o.id', 'x.to_community_id')
    .selectAll('x')
    .select(['f.name as from_name', 'f.path as from_path', 'o.name as to_name', 'o.path as to_path']);

export const transferById = (tx: Db, id: string) =>
  withCommunities(tx).where('x.id', '=', id).executeTakeFirst() as Promise<TransferRow | undefined>;

/** Transfers into (or out of) the communities under any of `scopes`, newest first. */
export function transfersUnder(tx: Db, side: 'to' | 'from', scopes: readonly string[], pendingOnly: boolean) {
  if (scopes.length === 0) return Promise.resolve([] as TransferRow[]);
  const col = side === 'to' ? 'o.path' : 'f.path';
  let q = withCommunities(tx).where(
    sql<boolean>`(${sql.join(
      scopes.map((s) => sql`${sql.ref(col)} LIKE ${`${s}%`}`),
      sql` OR `,
    )})`,
  );
  if (pendingOnly) q = q.where('x.status', '=', 'pending');
  return q.orderBy('x.requested_at', 'desc').limit(100).execute() as Promise<TransferRow[]>;
}

/** Compare-and-set of a pending transfer's decision; false when someone else decided (or edited) first. */
export async function decide(
  tx: Db,
  x: { from_community_id: string; id: string; version: number },
  set: Partial<TransferTable>,
): Promise<boolean> {
  const res = await t(tx)
    .updateTable('household_transfer')
    .set({ ...set, version: x.version + 1 })
    .where('from_community_id', '=', x.from_community_id)
    .where('id', '=', x.id)
    .where('version', '=', x.version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const pendingOf = (tx: Db, communityId: string, householdId: string) =>
  t(tx)
    .selectFrom('household_transfer')
    .select(['id'])
    .where('from_community_id', '=', communityId)
    .where('household_id', '=', householdId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

/** Whether a household may be edited: not moved out, no transfer pending. */
export async function householdState(tx: Db, communityId: string, householdId: string) {
  const r = await sql<{ moved_out: boolean; pending: boolean }>`
    SELECT h.moved_out_at IS NOT NULL AS moved_out,
      EXISTS (SELECT 1 FROM household_transfer x WHERE x.from_community_id = h.community_id
        AND x.household_id = h.id AND x.status = 'pending') AS pending
    FROM household h WHERE h.community_id = ${communityId} AND h.id = ${householdId}`.execute(tx);
  return r.rows[0];
}

/** Bumps a household's version when its transfer starts or ends (a move form opened before it is stale). */
export async function bumpHousehold(tx: Db, communityId: string, id: string, version: number): Promise<boolean> {
  const r = await sql`UPDATE household SET version = version + 1
    WHERE community_id = ${communityId} AND id = ${id} AND version = ${version} AND moved_out_at IS NULL`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface MemberRow {
  id: string;
  name: string;
  relation: string;
  sex: string;
  birth_date: string;
}

/** The members of a household (current or tombstone), head first. */
export async function membersOf(tx: Db, communityId: string, householdId: string): Promise<MemberRow[]> {
  const r = await sql<MemberRow>`SELECT id, name, relation, sex, birth_date FROM person
    WHERE community_id = ${communityId} AND household_id = ${householdId}
    ORDER BY relation = 'head' DESC, created_at, id`.execute(tx);
  return r.rows;
}

export interface Move {
  from: string;
  householdId: string;
  to: string;
  roomId: string;
  address: string;
  at: Date;
}

/**
 * Copies the household and its people to the receiving community with new ids, with every history and tag
 * row, and turns the old rows into a tombstone. Returns the new household id, old → new person ids and the
 * accounts linked to the people.
 */
export async function carryOver(
  tx: Db,
  m: Move,
): Promise<{ householdId: string; ids: Map<string, string>; userIds: string[] }> {
  const householdId = randomUUID();
  const old = await sql<{ id: string; user_id: string | null }>`SELECT id, user_id FROM person
    WHERE community_id = ${m.from} AND household_id = ${m.householdId} AND moved_out_at IS NULL ORDER BY id`.execute(
    tx,
  );
  const oldIds = old.rows.map((r) => r.id);
  const newIds = oldIds.map(() => randomUUID());
  const ids = new Map(oldIds.map((o, i) => [o, newIds[i]!]));
  await sql`INSERT INTO household (community_id, id, address_node_id, address_text, created_at, version)
    VALUES (${m.to}, ${householdId}, ${m.roomId}, ${m.address}, ${m.at}, 1)`.execute(tx);
  // The old person rows with their new ids, as a join table.
  const map = sql`unnest(${oldIds}::uuid[], ${newIds}::uuid[]) AS k(o, n)`;
  await sql`INSERT INTO person (community_id, id, household_id, user_id, name, relation, phone, id_cipher, id_blind,
      id_masked, sex, birth_date, created_at, residence_status, name_initials, version, updated_at)
    SELECT ${m.to}, k.n, ${householdId}, p.user_id, p.name, p.relation, p.phone, p.id_cipher, p.id_blind,
      p.id_masked, p.sex, p.birth_date, p.created_at, p.residence_status, p.name_initials, 1, ${m.at}
    FROM person p JOIN ${map} ON k.o = p.id WHERE p.community_id = ${m.from}`.execute(tx);
  // History in its original order (seq is assigned in insert order).
  await sql`INSERT INTO person_change (community_id, id, person_id, field, old_value, new_value, reason, changed_by,
      changed_by_name, changed_at)
    SELECT ${m.to}, gen_random_uuid(), k.n, c.field, c.old_value, c.new_value, c.reason, c.changed_by,
      c.changed_by_name, c.changed_at
    FROM person_change c JOIN ${map} ON k.o = c.person_id WHERE c.community_id = ${m.from}
    ORDER BY c.seq`.execute(tx);
  await sql`INSERT INTO person_tag (community_id, person_id, tag_code, level, valid_from, valid_to, evidence, set_by,
      set_by_name, set_at)
    SELECT ${m.to}, k.n, g.tag_code, g.level, g.valid_from, g.valid_to, g.evidence, g.set_by, g.set_by_name, g.set_at
    FROM person_tag g JOIN ${map} ON k.o = g.person_id WHERE g.community_id = ${m.from}`.execute(tx);
  // The tombstone: kept, with where they went; no longer current.
  await sql`UPDATE person p SET moved_out_at = ${m.at}, moved_to_community_id = ${m.to}, moved_to_person_id = k.n,
      version = p.version + 1, updated_at = ${m.at}
    FROM ${map} WHERE p.community_id = ${m.from} AND p.id = k.o`.execute(tx);
  await sql`UPDATE household SET moved_out_at = ${m.at}, moved_to_community_id = ${m.to},
      moved_to_household_id = ${householdId}, version = version + 1
    WHERE community_id = ${m.from} AND id = ${m.householdId}`.execute(tx);
  const userIds = old.rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
  return { householdId, ids, userIds };
}

/**
 * Pending outreach tasks follow the people to their new community (a new row under the new key: the community
 * is the distribution column); tasks already worked stay in the old community as history.
 */
export async function retargetTasks(
  tx: Db,
  from: string,
  to: string,
  ids: Map<string, string>,
  place: string,
  gridId: string | null,
): Promise<number> {
  if (ids.size === 0) return 0;
  const map = sql`unnest(${[...ids.keys()]}::uuid[], ${[...ids.values()]}::uuid[]) AS k(o, n)`;
  const moved = await sql`INSERT INTO outreach_task (community_id, policy_id, person_id, grid_id, place_path, status,
      note, outcome_by, outcome_at, version, created_at)
    SELECT ${to}, t.policy_id, k.n, ${gridId}, ${place}, t.status, t.note, t.outcome_by, t.outcome_at, 1, t.created_at
    FROM outreach_task t JOIN ${map} ON k.o = t.person_id
    WHERE t.community_id = ${from} AND t.status = 'pending'`.execute(tx);
  await sql`DELETE FROM outreach_task t USING ${map}
    WHERE t.community_id = ${from} AND t.person_id = k.o AND t.status = 'pending'`.execute(tx);
  return Number(moved.numAffectedRows ?? 0);
}

/** Adds one history row per person (a community's key, person ids, the same change for each). */
export async function addChange(
  tx: Db,
  communityId: string,
  personIds: readonly string[],
  c: { field: string; old: string; new: string; reason: string; by: string; byName: string; at: Date },
) {
  if (personIds.length === 0) return;
  await sql`INSERT INTO person_change (community_id, id, person_id, field, old_value, new_value, reason, changed_by,
      changed_by_name, changed_at)
    SELECT ${communityId}, gen_random_uuid(), p, ${c.field}, ${c.old}, ${c.new}, ${c.reason}, ${c.by}, ${c.byName},
      ${c.at}
    FROM unnest(${[...personIds]}::uuid[]) AS p`.execute(tx);
}

export const setNewHousehold = (tx: Db, from: string, id: string, householdId: string) =>
  t(tx)
    .updateTable('household_transfer')
    .set({ new_household_id: householdId })
    .where('from_community_id', '=', from)
    .where('id', '=', id)
    .execute();

/** Communities whose name contains `q`, with their street (a name is public: it is on every join link). */
export async function communitiesNamed(tx: Db, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await sql<{ id: string; name: string; street_name: string | null }>`
    SELECT c.id::text AS id, c.name, s.name AS street_name FROM org_node c LEFT JOIN org_node s ON s.id = c.parent_id
    WHERE c.type = 'community' AND c.name LIKE ${like} ORDER BY c.path LIMIT 20`.execute(tx);
  return r.rows;
}
