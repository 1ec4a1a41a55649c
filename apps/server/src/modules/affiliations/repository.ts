import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { AffiliationTables } from './tables.ts';

const a = (tx: Db) => tx.withTables<AffiliationTables>();

/** An affiliation with its community's name and path and the reviewer's name. */
const withContext = (tx: Db) =>
  a(tx)
    .selectFrom('affiliation as f')
    .innerJoin('org_node as c', 'c.id', 'f.community_id')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .leftJoin('app_user as d', 'd.id', 'f.decided_by')
    .select([
      'f.community_id',
      'f.id',
      'f.user_id',
      'f.kind',
      'f.name',
      'f.detail',
      'f.status',
      'f.reason',
      'f.decided_at',
      'f.created_at',
      'f.version',
      'c.name as community_name',
      'c.path',
      'u.phone',
      'd.name as decided_by_name',
    ]);

export type AffiliationRow = NonNullable<Awaited<ReturnType<typeof byId>>>;

export const byId = (tx: Db, id: string) => withContext(tx).where('f.id', '=', id).executeTakeFirst();

export const insert = (tx: Db, row: Insertable<AffiliationTables['affiliation']>) =>
  a(tx).insertInto('affiliation').values(row).execute();

export const ofUser = (tx: Db, userId: string) =>
  withContext(tx).where('f.user_id', '=', userId).orderBy('f.created_at', 'desc').limit(50).execute();

export const live = (tx: Db, communityId: string, userId: string, kind: string) =>
  a(tx)
    .selectFrom('affiliation')
    .select('id')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirst();

export async function queue(
  tx: Db,
  q: { communityId: string; kind: string; status?: string; limit: number; offset: number },
) {
  const base = withContext(tx)
    .where('f.community_id', '=', q.communityId)
    .where('f.kind', '=', q.kind)
    .$if(!!q.status, (x) => x.where('f.status', '=', q.status!));
  const [items, total] = await Promise.all([
    base.orderBy('f.created_at', 'asc').orderBy('f.id').limit(q.limit).offset(q.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Moves a pending affiliation on, guarded by its version (a lost race updates nothing). */
export async function decide(
  tx: Db,
  f: { community_id: string; id: string },
  version: number,
  to: { status: string; reason: string | null; by: string | null; at: Date },
): Promise<boolean> {
  const r = await a(tx)
    .updateTable('affiliation')
    .set((eb) => ({
      status: to.status,
      reason: to.reason,
      decided_by: to.by,
      decided_at: to.at,
      version: eb('version', '+', 1),
    }))
    .where('community_id', '=', f.community_id)
    .where('id', '=', f.id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
