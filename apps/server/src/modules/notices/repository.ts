import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { tsQueryOf } from '../../platform/text/tokens.ts';
import type { Audience } from './audience.ts';
import type { NoticeTables } from './tables.ts';

const n = (tx: Db) => tx.withTables<NoticeTables>();

export type NoticeInsert = Omit<Insertable<NoticeTables['notice']>, 'search'>;

export const insert = (tx: Db, row: NoticeInsert, tokens: string[]) =>
  n(tx)
    .insertInto('notice')
    .values({ ...row, search: sql`array_to_tsvector(${tokens}::text[])` })
    .execute();

const COLUMNS = [
  'x.id',
  'x.node_id',
  'x.node_path',
  'x.level',
  'x.category',
  'x.title',
  'x.body',
  'x.attachments',
  'x.pinned',
  'x.must_read',
  'x.published_at',
  'x.expires_at',
  'x.withdrawn_at',
  'x.created_by',
  'x.author_name',
  'x.version',
  'o.name as node_name',
] as const;

/** A notice with the name of its node and the given user's read state. */
const base = (tx: Db, userId: string) =>
  n(tx)
    .selectFrom('notice as x')
    .innerJoin('org_node as o', 'o.id', 'x.node_id')
    .leftJoin('notice_read as r', (j) => j.onRef('r.notice_id', '=', 'x.id').on('r.user_id', '=', userId))
    .select([...COLUMNS, 'r.seen_at', 'r.confirmed_at']);

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof byId>>>;

export const byId = (tx: Db, id: string, userId: string) => base(tx, userId).where('x.id', '=', id).executeTakeFirst();

export interface PageQuery {
  userId: string;
  category?: string;
  tokens?: string[];
  before?: { at: Date; id: string } | null;
  limit: number;
}

const paged = <Q extends ReturnType<typeof base>>(q: Q, p: PageQuery) => {
  let out = q;
  if (p.category) out = out.where('x.category', '=', p.category) as Q;
  if (p.tokens?.length) out = out.where(sql<SqlBool>`x.search @@ ${tsQueryOf(p.tokens)}::tsquery`) as Q;
  if (p.before) out = out.where(sql<SqlBool>`(x.published_at, x.id) < (${p.before.at}, ${p.before.id}::uuid)`) as Q;
  return out
    .orderBy('x.published_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(p.limit + 1)
    .execute();
};

const inAudience = (a: Audience) =>
  sql<SqlBool>`(${a.above.length ? sql`x.node_path IN (${sql.join(a.above)})` : sql`false`}${sql.join(
    a.within.map((w) => sql` OR x.node_path LIKE ${`${w}%`}`),
    sql``,
  )})`;

/** Current notices (not withdrawn, not expired) a reader gets. */
export const visible = (tx: Db, a: Audience, now: Date, p: PageQuery) =>
  paged(
    base(tx, p.userId)
      .where(inAudience(a))
      .where('x.withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('x.expires_at', 'is', null), eb('x.expires_at', '>', now)])),
    p,
  );

/** Current pinned notices a reader gets (few: shown above the feed). */
export const pinned = (tx: Db, a: Audience, now: Date, userId: string) =>
  base(tx, userId)
    .where(inAudience(a))
    .where('x.pinned', '=', true)
    .where('x.withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('x.expires_at', 'is', null), eb('x.expires_at', '>', now)]))
    .orderBy('x.published_at', 'desc')
    .limit(10)
    .execute();

/** Every notice published inside the scopes, whatever its state. */
export const inScopes = (tx: Db, scopes: string[], p: PageQuery) =>
  paged(
    base(tx, p.userId).where(
      sql<SqlBool>`(${sql.join(
        scopes.map((s) => sql`x.node_path LIKE ${`${s}%`}`),
        sql` OR `,
      )})`,
    ),
    p,
  );

export async function update(
  tx: Db,
  id: string,
  version: number,
  patch: Omit<Updateable<NoticeTables['notice']>, 'id' | 'version' | 'search'>,
  tokens: string[] | null,
): Promise<boolean> {
  const r = await n(tx)
    .updateTable('notice')
    .set((eb) => ({
      ...patch,
      ...(tokens ? { search: sql`array_to_tsvector(${tokens}::text[])` } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records that a user opened (and maybe confirmed) a notice; the first time of each is kept. */
export async function markRead(
  tx: Db,
  row: { userId: string; noticeId: string; communityId: string | null; at: Date; confirm: boolean },
) {
  return n(tx)
    .insertInto('notice_read')
    .values({
      user_id: row.userId,
      notice_id: row.noticeId,
      community_id: row.communityId,
      seen_at: row.at,
      confirmed_at: row.confirm ? row.at : null,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'notice_id']).doUpdateSet({
        confirmed_at: sql`coalesce(notice_read.confirmed_at, excluded.confirmed_at)`,
      }),
    )
    .returning(['seen_at', 'confirmed_at'])
    .executeTakeFirstOrThrow();
}

/** Users who confirmed a notice. */
export const confirmedUsers = async (tx: Db, noticeId: string): Promise<Set<string>> =>
  new Set(
    (
      await n(tx)
        .selectFrom('notice_read')
        .select('user_id')
        .where('notice_id', '=', noticeId)
        .where('confirmed_at', 'is not', null)
        .execute()
    ).map((r) => r.user_id),
  );

/** Current notices the reader has not opened yet. */
export const unreadCount = async (tx: Db, a: Audience, now: Date, userId: string) =>
  Number(
    (
      await n(tx)
        .selectFrom('notice as x')
        .leftJoin('notice_read as r', (j) => j.onRef('r.notice_id', '=', 'x.id').on('r.user_id', '=', userId))
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where(inAudience(a))
        .where('x.withdrawn_at', 'is', null)
        .where('r.user_id', 'is', null)
        .where((eb) => eb.or([eb('x.expires_at', 'is', null), eb('x.expires_at', '>', now)]))
        .executeTakeFirstOrThrow()
    ).n,
  );
