import { type Insertable, type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { tsQueryOf } from '../../platform/text/tokens.ts';
import type { DelibTables } from './tables.ts';

const d = (tx: Db) => tx.withTables<DelibTables>();

export type CovenantRow = Omit<Selectable<DelibTables['delib_covenant']>, 'search'>;
const COLUMNS = [
  'community_id',
  'id',
  'proposal_id',
  'title',
  'body',
  'current_no',
  'published_at',
  'updated_at',
  'version',
] as const;

export const covenantById = (tx: Db, id: string) =>
  d(tx).selectFrom('delib_covenant').select(COLUMNS).where('id', '=', id).executeTakeFirst();

export const covenantOfProposal = (tx: Db, communityId: string, proposalId: string) =>
  d(tx)
    .selectFrom('delib_covenant')
    .select(COLUMNS)
    .where('community_id', '=', communityId)
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();

export const insertCovenant = (
  tx: Db,
  row: Omit<Insertable<DelibTables['delib_covenant']>, 'search'>,
  tokens: string[],
) =>
  d(tx)
    .insertInto('delib_covenant')
    .values({ ...row, search: sql`array_to_tsvector(${tokens}::text[])` })
    .execute();

/** A new version in force; false when someone else revised it since `version`. */
export const reviseCovenant = async (
  tx: Db,
  c: { community_id: string; id: string },
  version: number,
  patch: { title: string; body: string; current_no: number; updated_at: Date },
  tokens: string[],
) =>
  Number(
    (
      await d(tx)
        .updateTable('delib_covenant')
        .set((eb) => ({
          ...patch,
          search: sql`array_to_tsvector(${tokens}::text[])`,
          version: eb('version', '+', 1),
        }))
        .where('community_id', '=', c.community_id)
        .where('id', '=', c.id)
        .where('version', '=', version)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const insertVersion = (tx: Db, row: Insertable<DelibTables['delib_covenant_version']>) =>
  d(tx).insertInto('delib_covenant_version').values(row).execute();

export const versionsOf = (tx: Db, communityId: string, covenantId: string) =>
  d(tx)
    .selectFrom('delib_covenant_version')
    .select(['no', 'title', 'author_label', 'published_at'])
    .where('community_id', '=', communityId)
    .where('covenant_id', '=', covenantId)
    .orderBy('no', 'desc')
    .execute();

export const acknowledge = (tx: Db, row: Insertable<DelibTables['delib_covenant_ack']>) =>
  d(tx)
    .insertInto('delib_covenant_ack')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute();

export const ackFacts = async (tx: Db, c: CovenantRow, userId: string) => {
  const r = await sql<{ n: number; mine: Date | null }>`
    SELECT count(*)::int AS n, max(acked_at) FILTER (WHERE user_id = ${userId}) AS mine
    FROM delib_covenant_ack WHERE community_id = ${c.community_id} AND covenant_id = ${c.id} AND no = ${c.current_no}`.execute(
    tx,
  );
  return r.rows[0]!;
};

/** A community's covenants, matching all query tokens when given, newest first. */
export const covenantsOf = (tx: Db, communityId: string, tokens: string[] | null) =>
  d(tx)
    .selectFrom('delib_covenant')
    .select(COLUMNS)
    .where('community_id', '=', communityId)
    .$if(tokens !== null, (q) =>
      q.where(tokens!.length ? sql<SqlBool>`search @@ ${tsQueryOf(tokens!)}::tsquery` : sql<SqlBool>`false`),
    )
    .orderBy('published_at', 'desc')
    .limit(200)
    .execute();
