import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { ResidentTables } from './tables.ts';

const r = (tx: Db) => tx.withTables<ResidentTables>();
const current = sql<SqlBool>`moved_out_at IS NULL`;

export const householdAt = (tx: Db, communityId: string, addressNodeId: string) =>
  r(tx)
    .selectFrom('household')
    .select(['id', 'address_text'])
    .where('community_id', '=', communityId)
    .where('address_node_id', '=', addressNodeId)
    // Moved-out rows (a household gone to another community) are kept as history, not as residents.
    .where(current)
    .executeTakeFirst();

export const insertHousehold = (tx: Db, h: Omit<ResidentTables['household'], 'created_at'> & { created_at: Date }) =>
  r(tx).insertInto('household').values(h).execute();

export const personByBlind = (tx: Db, communityId: string, blind: string) =>
  r(tx)
    .selectFrom('person')
    .select(['id', 'household_id', 'user_id'])
    .where('community_id', '=', communityId)
    .where('id_blind', '=', blind)
    .where(current)
    .executeTakeFirst();

export const insertPerson = (tx: Db, p: Omit<ResidentTables['person'], 'created_at'> & { created_at: Date }) =>
  r(tx).insertInto('person').values(p).execute();

export const linkPersonToUser = (tx: Db, communityId: string, personId: string, userId: string, phone: string) =>
  r(tx)
    .updateTable('person')
    .set({ user_id: userId, phone })
    .where('community_id', '=', communityId)
    .where('id', '=', personId)
    .execute();

/** The household a signed-in user belongs to in a community, with its members. */
export async function homeOf(tx: Db, communityId: string, userId: string) {
  const me = await r(tx)
    .selectFrom('person as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
    )
    .select(['h.id', 'h.address_text', 'h.address_node_id'])
    .where('p.community_id', '=', communityId)
    .where('p.user_id', '=', userId)
    .where(sql<SqlBool>`p.moved_out_at IS NULL`)
    .executeTakeFirst();
  if (!me) return null;
  const members = await r(tx)
    .selectFrom('person')
    .select(['name', 'relation'])
    .where('community_id', '=', communityId)
    .where('household_id', '=', me.id)
    .orderBy('created_at')
    .execute();
  return { householdId: me.id, address: me.address_text, addressNodeId: me.address_node_id, members };
}

export async function counts(tx: Db, communityId: string): Promise<{ households: number; verifiedResidents: number }> {
  const row = await sql<{ households: number; verified: number }>`
    SELECT (SELECT count(*)::int FROM household WHERE community_id = ${communityId} AND moved_out_at IS NULL) AS households,
           (SELECT count(*)::int FROM person WHERE community_id = ${communityId} AND user_id IS NOT NULL
             AND moved_out_at IS NULL) AS verified`
    .execute(tx)
    .then((x) => x.rows[0]);
  return { households: row?.households ?? 0, verifiedResidents: row?.verified ?? 0 };
}

/**
 * Households whose address node lies under `path`, with that node's path and the accounts of their members
 * (for read rates of notices: a household is reached when any member confirmed).
 */
export async function householdsUnder(tx: Db, path: string) {
  const rows = await r(tx)
    .selectFrom('household as h')
    .innerJoin('org_node as n', 'n.id', 'h.address_node_id')
    .leftJoin('person as p', (j) =>
      j.onRef('p.community_id', '=', 'h.community_id').onRef('p.household_id', '=', 'h.id'),
    )
    .select(['h.id', 'h.community_id', 'h.address_text', 'n.path', 'p.user_id'])
    .where('n.path', 'like', `${path}%`)
    .where(sql<SqlBool>`h.moved_out_at IS NULL`)
    .orderBy('n.path')
    .orderBy('h.id')
    .execute();
  const out = new Map<string, { id: string; communityId: string; address: string; path: string; userIds: string[] }>();
  for (const x of rows) {
    const h = out.get(x.id) ?? {
      id: x.id,
      communityId: x.community_id,
      address: x.address_text,
      path: x.path,
      userIds: [],
    };
    if (x.user_id) h.userIds.push(x.user_id);
    out.set(x.id, h);
  }
  return [...out.values()];
}

/** Name, sex and address of a user's person record in a community (for real-name display on boards). */
export const memberFacts = (tx: Db, communityId: string, userId: string) =>
  r(tx)
    .selectFrom('person as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
    )
    .select(['p.name', 'p.sex', 'h.address_node_id'])
    .where('p.community_id', '=', communityId)
    .where('p.user_id', '=', userId)
    .where(sql<SqlBool>`p.moved_out_at IS NULL`)
    .executeTakeFirst();
