/**
 * SQL over the resident tables for the registry (people, households, housing, tags, history). The registry
 * module reaches these through records.ts; nothing else writes person or household rows but join's addMember.
 */
import { type Insertable, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { RecordTables } from './records-tables.ts';

const r = (tx: Db) => tx.withTables<RecordTables>();

/** Where a person lives, as an org path: their room, or their community when the household has no room. */
export const PLACE = 'coalesce(rn.path, cn.path)';

/**
 * People whose place (their room, or their community when the household has no room) lies under one of the
 * scopes. Narrowed first to the communities the scopes reach (so a community's reader walks that community's
 * rows by index, not the district's); a community wholly inside a scope needs no per-person test, and only
 * scopes below a community (a grid, a building) look at each person's room — paths are digits and slashes,
 * nothing to escape.
 */
export function placeIn(scopes: readonly string[]): RawBuilder<SqlBool> {
  if (scopes.length === 0) return sql<SqlBool>`false`;
  const under = (col: string) =>
    sql.join(
      scopes.map((p) => sql`${sql.ref(col)} LIKE ${`${p}%`}`),
      sql` OR `,
    );
  // Communities under a scope (a range of the path index) or above it (its path's own ids, by primary key).
  const above = [...new Set(scopes.flatMap((p) => p.split('/').filter(Boolean)))];
  // A moved-out person (a tombstone left by a move to another community) lives nowhere: never listed or counted.
  return sql<SqlBool>`(p.moved_out_at IS NULL AND p.community_id IN (SELECT c.id FROM org_node c WHERE c.type = 'community'
      AND (c.id IN (${sql.join(above)}) OR ${under('c.path')}))
    AND (p.community_id IN (SELECT c.id FROM org_node c WHERE c.type = 'community' AND (${under('c.path')}))
      OR EXISTS (SELECT 1 FROM household h2 JOIN org_node r2 ON r2.id = h2.address_node_id
        WHERE h2.community_id = p.community_id AND h2.id = p.household_id AND (${under('r2.path')}))))`;
}

/** People with their household, room and community: the base of every registry read. */
export const peopleBase = (tx: Db) =>
  r(tx)
    .selectFrom('person as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
    )
    .leftJoin('org_node as rn', 'rn.id', 'h.address_node_id')
    .innerJoin('org_node as cn', 'cn.id', 'p.community_id')
    .leftJoin('housing_unit as hu', (j) =>
      j.onRef('hu.community_id', '=', 'h.community_id').onRef('hu.node_id', '=', 'h.address_node_id'),
    );

export const PERSON_COLUMNS = [
  'p.id',
  'p.community_id',
  'p.household_id',
  'p.user_id',
  'p.name',
  'p.relation',
  'p.phone',
  'p.id_masked',
  'p.sex',
  'p.birth_date',
  'p.residence_status',
  'p.version',
  'h.address_text',
  'h.address_node_id',
  'p.moved_out_at',
] as const;

export interface PersonRecord {
  id: string;
  community_id: string;
  household_id: string;
  user_id: string | null;
  name: string;
  relation: string;
  phone: string | null;
  id_masked: string;
  sex: string;
  birth_date: string;
  residence_status: string;
  version: number;
  address_text: string;
  address_node_id: string | null;
  moved_out_at: Date | null;
  place: string;
}

export async function findPerson(tx: Db, id: string): Promise<PersonRecord | undefined> {
  return (await peopleBase(tx)
    .select([...PERSON_COLUMNS, sql<string>`${sql.raw(PLACE)}`.as('place')])
    .where('p.id', '=', id)
    .executeTakeFirst()) as PersonRecord | undefined;
}

/** A page of people matching the conditions on p (already including the scope), ordered by address then name. */
export async function searchPeople(tx: Db, where: RawBuilder<SqlBool>, limit: number, offset: number) {
  const base = peopleBase(tx).where(where);
  const [rows, total] = await Promise.all([
    base
      .select([...PERSON_COLUMNS, sql<string>`${sql.raw(PLACE)}`.as('place')])
      .orderBy('h.address_text')
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    // Conditions are on p alone and every person has a household and a community: counted without the joins.
    sql<{ n: string }>`SELECT count(*) AS n FROM person p WHERE ${where}`.execute(tx),
  ]);
  return { rows: rows as PersonRecord[], total: Number(total.rows[0]?.n ?? 0) };
}

export const householdMembers = (tx: Db, communityId: string, householdId: string) =>
  r(tx)
    .selectFrom('person')
    .select(['id', 'name', 'relation', 'sex', 'birth_date'])
    .where('community_id', '=', communityId)
    .where('household_id', '=', householdId)
    .orderBy(sql`relation = 'head'`, 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const householdById = (tx: Db, communityId: string, id: string) =>
  r(tx)
    .selectFrom('household')
    .select(['id', 'address_node_id', 'address_text'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const householdsAt = (tx: Db, communityId: string, roomId: string) =>
  r(tx)
    .selectFrom('household')
    .select(['id', 'version'])
    .where('community_id', '=', communityId)
    .where('address_node_id', '=', roomId)
    .where(sql<SqlBool>`moved_out_at IS NULL`)
    .execute();

/** Where else (any community) this ID number is registered: a person lives in one household only. */
export const registeredElsewhere = (tx: Db, blind: string) =>
  r(tx)
    .selectFrom('person')
    .select(['community_id', 'id'])
    .where('id_blind', '=', blind)
    .where(sql<SqlBool>`moved_out_at IS NULL`)
    .executeTakeFirst();

export const hasHead = async (tx: Db, communityId: string, householdId: string) =>
  !!(await r(tx)
    .selectFrom('person')
    .select('id')
    .where('community_id', '=', communityId)
    .where('household_id', '=', householdId)
    .where('relation', '=', 'head')
    .executeTakeFirst());

export const insertHousehold = (tx: Db, h: Insertable<RecordTables['household']>) =>
  r(tx).insertInto('household').values(h).execute();

export const insertPerson = (tx: Db, p: Insertable<RecordTables['person']>) =>
  r(tx).insertInto('person').values(p).execute();

/** Compare-and-set update: false when the version moved on (someone else saved first). */
export async function updatePerson(
  tx: Db,
  communityId: string,
  id: string,
  version: number,
  set: Partial<{
    name: string;
    name_initials: string;
    phone: string | null;
    relation: string;
    residence_status: string;
  }>,
  at: Date,
): Promise<boolean> {
  const res = await r(tx)
    .updateTable('person')
    .set({ ...set, version: version + 1, updated_at: at })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Bumps the version after a tag change, so a card opened before it cannot overwrite it unseen. */
export const touchPerson = (tx: Db, communityId: string, id: string, at: Date) =>
  r(tx)
    .updateTable('person')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();

export const insertChanges = (tx: Db, rows: Insertable<RecordTables['person_change']>[]) =>
  rows.length === 0 ? Promise.resolve() : r(tx).insertInto('person_change').values(rows).execute();

export const changesOf = (tx: Db, communityId: string, personId: string) =>
  r(tx)
    .selectFrom('person_change')
    .select(['field', 'old_value', 'new_value', 'reason', 'changed_by_name', 'changed_at'])
    .where('community_id', '=', communityId)
    .where('person_id', '=', personId)
    .orderBy('changed_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();

export const idCipherOf = async (tx: Db, communityId: string, id: string) =>
  (
    await r(tx)
      .selectFrom('person')
      .select('id_cipher')
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .executeTakeFirst()
  )?.id_cipher;

// ---- housing ----------------------------------------------------------------------------------------

export const housingOf = (tx: Db, communityId: string, nodeId: string) =>
  r(tx)
    .selectFrom('housing_unit')
    .select(['floor_area', 'use', 'ownership', 'version'])
    .where('community_id', '=', communityId)
    .where('node_id', '=', nodeId)
    .executeTakeFirst();

/** Insert at version 0 → 1, or compare-and-set; false when someone else saved first. */
export async function saveHousing(
  tx: Db,
  h: { community_id: string; node_id: string; floor_area: number | null; use: string; ownership: string },
  version: number,
  by: string | null,
  at: Date,
): Promise<boolean> {
  if (version === 0) {
    const res = await r(tx)
      .insertInto('housing_unit')
      .values({ ...h, version: 1, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await r(tx)
    .updateTable('housing_unit')
    .set({
      floor_area: h.floor_area,
      use: h.use,
      ownership: h.ownership,
      version: version + 1,
      updated_at: at,
      updated_by: by,
    })
    .where('community_id', '=', h.community_id)
    .where('node_id', '=', h.node_id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---- pinyin backfill --------------------------------------------------------------------------------

export const peopleWithoutInitials = (tx: Db, limit: number) =>
  r(tx)
    .selectFrom('person')
    .select(['community_id', 'id', 'name'])
    .where('name_initials', 'is', null)
    .limit(limit)
    .execute();

export const setInitials = (tx: Db, communityId: string, id: string, initials: string) =>
  r(tx)
    .updateTable('person')
    .set({ name_initials: initials })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();

/** Contact facts of people by id (outreach lists show who to call and where). */
export const contactsOf = (tx: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : r(tx)
        .selectFrom('person as p')
        .innerJoin('household as h', (j) =>
          j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
        )
        .select(['p.id', 'p.name', 'p.phone', 'h.address_text', 'p.residence_status', 'p.version'])
        .where('p.id', 'in', ids)
        .execute();

/** People by ID blind index, in any community, with their room (imports upsert by it). */
export async function peopleByBlinds(tx: Db, blinds: string[]) {
  const out = [];
  for (let i = 0; i < blinds.length; i += 1000)
    out.push(
      ...(await r(tx)
        .selectFrom('person as p')
        .innerJoin('household as h', (j) =>
          j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
        )
        .select([
          'p.community_id',
          'p.id',
          'p.id_blind',
          'p.household_id',
          'h.address_node_id',
          'p.name',
          'p.phone',
          'p.relation',
          'p.residence_status',
          'p.version',
        ])
        .where('p.id_blind', 'in', blinds.slice(i, i + 1000))
        .where(sql<SqlBool>`p.moved_out_at IS NULL`)
        .execute()),
    );
  return out;
}

/** Households of rooms with whether each has a head (imports add people to them). */
export const householdsOfRooms = (tx: Db, communityId: string, roomIds: string[]) =>
  roomIds.length === 0
    ? Promise.resolve([])
    : r(tx)
        .selectFrom('household as h')
        .select([
          'h.id',
          'h.address_node_id',
          sql<boolean>`EXISTS (SELECT 1 FROM person p WHERE p.community_id = h.community_id
            AND p.household_id = h.id AND p.relation = 'head')`.as('has_head'),
        ])
        .where('h.community_id', '=', communityId)
        .where('h.address_node_id', 'in', roomIds)
        .where(sql<SqlBool>`h.moved_out_at IS NULL`)
        .orderBy('h.created_at')
        .execute();

export const householdByIdAnywhere = (tx: Db, id: string) =>
  r(tx)
    .selectFrom('household as h')
    .leftJoin('org_node as rn', 'rn.id', 'h.address_node_id')
    .innerJoin('org_node as cn', 'cn.id', 'h.community_id')
    .select([
      'h.community_id',
      'h.id',
      'h.address_node_id',
      'h.address_text',
      'h.version',
      sql<string>`${sql.raw(PLACE)}`.as('place'),
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();

/** Compare-and-set move of a household to another room; false when the version moved on. */
export async function moveHousehold(
  tx: Db,
  h: { community_id: string; id: string; version: number },
  to: { roomId: string; address: string },
): Promise<boolean> {
  const res = await r(tx)
    .updateTable('household')
    .set({ address_node_id: to.roomId, address_text: to.address, version: h.version + 1 })
    .where('community_id', '=', h.community_id)
    .where('id', '=', h.id)
    .where('version', '=', h.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
