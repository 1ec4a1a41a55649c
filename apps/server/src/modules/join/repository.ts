import { sql } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { JoinTables } from './tables.ts';

const j = (tx: Db) => tx.withTables<JoinTables>();

export type ApplicationRow = Awaited<ReturnType<typeof getApplication>> & object;

/** Applications with the names and paths a view and an access check need. */
const withContext = (tx: Db) =>
  j(tx)
    .selectFrom('join_application as a')
    .innerJoin('org_node as c', 'c.id', 'a.community_id')
    .leftJoin('org_node as addr', 'addr.id', 'a.address_node_id')
    .leftJoin('app_user as d', 'd.id', 'a.decided_by')
    .select([
      'a.community_id',
      'a.id',
      'a.user_id',
      'a.name',
      'a.phone',
      'a.id_cipher',
      'a.id_masked',
      'a.sex',
      'a.birth_date',
      'a.address_node_id',
      'a.address_text',
      'a.status',
      'a.reason',
      'a.decided_at',
      'a.created_at',
      'a.version',
      'c.name as community_name',
      'd.name as decided_by_name',
      // Access is decided at the address when there is one, else at the community.
      sql<string>`coalesce(addr.path, c.path)`.as('path'),
    ]);

export const getApplication = (tx: Db, id: string) => withContext(tx).where('a.id', '=', id).executeTakeFirst();

export const applicationsOfUser = (tx: Db, userId: string) =>
  withContext(tx).where('a.user_id', '=', userId).orderBy('a.created_at', 'desc').execute();

export async function listApplications(
  tx: Db,
  scopes: string[],
  f: { status?: string; q?: string; limit: number; offset: number },
) {
  // Narrow to the communities overlapping the scope first, so the (community_id, status, created_at)
  // index does the work and the cost follows the caller's area, not the district's size.
  const communities = tx
    .selectFrom('org_node as oc')
    .select('oc.id')
    .where('oc.type', '=', 'community')
    .where((eb) =>
      eb.or(
        scopes.flatMap((p) => [eb('oc.path', 'like', `${p}%`), eb(sql.val(p), 'like', sql<string>`oc.path || '%'`)]),
      ),
    );
  const base = withContext(tx)
    .where('a.community_id', 'in', communities)
    .where((eb) => pathIn(eb, 'coalesce(addr.path, c.path)', scopes))
    .$if(!!f.status, (q) => q.where('a.status', '=', f.status!))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('a.name', 'like', `%${f.q}%`), eb('a.phone', 'like', `${f.q}%`)])));
  const [items, total] = await Promise.all([
    base.orderBy('a.created_at', 'desc').orderBy('a.id').limit(f.limit).offset(f.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export const liveApplicationFor = (tx: Db, communityId: string, blind: string) =>
  j(tx)
    .selectFrom('join_application')
    .select(['id', 'status'])
    .where('community_id', '=', communityId)
    .where('id_blind', '=', blind)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirst();

export const insertApplication = (
  tx: Db,
  a: Omit<JoinTables['join_application'], 'version' | 'created_at' | 'decided_at'> & { created_at: Date },
) => j(tx).insertInto('join_application').values(a).execute();

/** Decides only a still-pending application at the version the cadre saw: exactly one decision wins. */
export async function decide(
  tx: Db,
  key: { communityId: string; id: string; version: number },
  d: { status: string; reason: string | null; by: string; at: Date },
): Promise<boolean> {
  const r = await j(tx)
    .updateTable('join_application')
    .set((eb) => ({
      status: d.status,
      reason: d.reason,
      decided_by: d.by,
      decided_at: d.at,
      version: eb('version', '+', 1),
    }))
    .where('community_id', '=', key.communityId)
    .where('id', '=', key.id)
    .where('status', '=', 'pending')
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const linkVersion = (tx: Db, communityId: string) =>
  j(tx)
    .selectFrom('join_link')
    .select(['token_version', 'rotated_at'])
    .where('community_id', '=', communityId)
    .executeTakeFirst();

export async function rotateLink(tx: Db, communityId: string, by: string, at: Date): Promise<number> {
  const row = await j(tx)
    .insertInto('join_link')
    .values({ community_id: communityId, token_version: 2, rotated_at: at, rotated_by: by })
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet((eb) => ({
        token_version: eb('join_link.token_version', '+', 1),
        rotated_at: at,
        rotated_by: by,
      })),
    )
    .returning('token_version')
    .executeTakeFirstOrThrow();
  return row.token_version;
}
