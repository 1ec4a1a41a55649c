import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { ResidentTables } from './tables.ts';

const r = (tx: Db) => tx.withTables<ResidentTables>();

export const householdAt = (tx: Db, communityId: string, addressNodeId: string) =>
  r(tx)
    .selectFrom('household')
    .select(['id', 'address_text'])
    .where('community_id', '=', communityId)
    .where('address_node_id', '=', addressNodeId)
    .executeTakeFirst();

export const insertHousehold = (tx: Db, h: Omit<ResidentTables['household'], 'created_at'> & { created_at: Date }) =>
  r(tx).insertInto('household').values(h).execute();

export const personByBlind = (tx: Db, communityId: string, blind: string) =>
  r(tx)
    .selectFrom('person')
    .select(['id', 'household_id', 'user_id'])
    .where('community_id', '=', communityId)
    .where('id_blind', '=', blind)
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
    SELECT (SELECT count(*)::int FROM household WHERE community_id = ${communityId}) AS households,
           (SELECT count(*)::int FROM person WHERE community_id = ${communityId} AND user_id IS NOT NULL) AS verified`
    .execute(tx)
    .then((x) => x.rows[0]);
  return { households: row?.households ?? 0, verifiedResidents: row?.verified ?? 0 };
}
