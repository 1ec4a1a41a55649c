/**
 * Bulk writes of households, people and their history for registry imports: one statement per table per
 * batch, the rows passed as one array per column (`unnest`), so a batch of thousands costs a few round trips
 * and no parameter limit applies.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

export interface NewHousehold {
  communityId: string;
  id: string;
  roomId: string;
  address: string;
}

export interface NewPerson {
  communityId: string;
  id: string;
  householdId: string;
  name: string;
  initials: string;
  relation: string;
  phone: string | null;
  cipher: string;
  blind: string;
  masked: string;
  sex: string;
  birthDate: string;
  residence: string;
}

export interface NewChange {
  communityId: string;
  personId: string;
  field: string;
  old: string | null;
  next: string | null;
}

const col = <T, K extends keyof T>(rows: readonly T[], k: K) => rows.map((r) => r[k]);

/**
 * New households and their people, each person with a "created" history row, in one statement: the history
 * rows come from the people's RETURNING (no third array round trip), and the foreign keys between the three
 * are checked at the statement's end, when all of them are there.
 */
export async function insertHouseholdsAndPeople(
  tx: Db,
  households: readonly NewHousehold[],
  people: readonly NewPerson[],
  who: { id: string | null; name: string | null; reason: string; at: Date },
): Promise<void> {
  if (people.length === 0 && households.length === 0) return;
  const at = who.at;
  await sql`WITH h AS (
      INSERT INTO household (community_id, id, address_node_id, address_text, created_at, version)
      SELECT c, i, r, a, ${at}, 1
      FROM unnest(${col(households, 'communityId')}::bigint[], ${col(households, 'id')}::uuid[],
        ${col(households, 'roomId')}::bigint[], ${col(households, 'address')}::text[]) AS t(c, i, r, a)
    ), p AS (
      INSERT INTO person (community_id, id, household_id, user_id, name, name_initials, relation, phone,
        id_cipher, id_blind, id_masked, sex, birth_date, residence_status, created_at, updated_at)
      SELECT c, i, h, NULL, n, ini, rel, ph, ci, bl, ma, sx, bd, rs, ${at}, ${at}
      FROM unnest(${col(people, 'communityId')}::bigint[], ${col(people, 'id')}::uuid[],
        ${col(people, 'householdId')}::uuid[], ${col(people, 'name')}::text[], ${col(people, 'initials')}::text[],
        ${col(people, 'relation')}::text[], ${col(people, 'phone')}::text[], ${col(people, 'cipher')}::text[],
        ${col(people, 'blind')}::text[], ${col(people, 'masked')}::text[], ${col(people, 'sex')}::text[],
        ${col(people, 'birthDate')}::text[], ${col(people, 'residence')}::text[])
        AS t(c, i, h, n, ini, rel, ph, ci, bl, ma, sx, bd, rs)
      RETURNING community_id, id, name
    )
    INSERT INTO person_change (community_id, id, person_id, field, old_value, new_value, reason, changed_by,
      changed_by_name, changed_at)
    SELECT community_id, gen_random_uuid(), id, 'created', NULL, name, ${who.reason}, ${who.id}, ${who.name}, ${at}
    FROM p`.execute(tx);
}

export async function insertChanges(
  tx: Db,
  rows: readonly NewChange[],
  who: { id: string | null; name: string | null; reason: string; at: Date },
): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO person_change (community_id, id, person_id, field, old_value, new_value, reason, changed_by,
      changed_by_name, changed_at)
    SELECT c, gen_random_uuid(), p, f, o, n, ${who.reason}, ${who.id}, ${who.name}, ${who.at}
    FROM unnest(${col(rows, 'communityId')}::bigint[], ${col(rows, 'personId')}::uuid[], ${col(rows, 'field')}::text[],
      ${col(rows, 'old')}::text[], ${col(rows, 'next')}::text[]) AS t(c, p, f, o, n)`.execute(tx);
}

/**
 * People by blind index in any community, with their room (one query per batch). The blinds are looked up in
 * person_blind before the moved-out test (OFFSET 0 keeps it outside): with `moved_out_at IS NULL` beside them,
 * and the statistics of a table an import is growing, the planner read the whole partial unique index
 * (community_id, id_blind) for every batch — an import that slowed down as it went.
 */
export async function peopleByBlinds(tx: Db, blinds: readonly string[]) {
  if (blinds.length === 0) return [];
  const r = await sql<{
    community_id: string;
    id: string;
    id_blind: string;
    address_node_id: string | null;
    name: string;
    phone: string | null;
    relation: string;
    residence_status: string;
    version: number;
  }>`SELECT p.community_id, p.id, p.id_blind, h.address_node_id, p.name, p.phone, p.relation, p.residence_status,
      p.version
    FROM (SELECT * FROM person WHERE id_blind = ANY(${blinds}::text[]) OFFSET 0) p
    JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    WHERE p.moved_out_at IS NULL`.execute(tx);
  return r.rows;
}

/** The households of rooms (one per room), with whether each has a head. */
export async function householdsOfRooms(tx: Db, rooms: readonly { communityId: string; roomId: string }[]) {
  if (rooms.length === 0) return [];
  const r = await sql<{ community_id: string; id: string; address_node_id: string; has_head: boolean }>`
    SELECT h.community_id, h.id, h.address_node_id,
      EXISTS (SELECT 1 FROM person p WHERE p.community_id = h.community_id AND p.household_id = h.id
        AND p.relation = 'head') AS has_head
    FROM unnest(${col(rooms, 'communityId')}::bigint[], ${col(rooms, 'roomId')}::bigint[]) AS t(c, r)
    JOIN household h ON h.community_id = t.c AND h.address_node_id = t.r AND h.moved_out_at IS NULL`.execute(tx);
  return r.rows;
}
