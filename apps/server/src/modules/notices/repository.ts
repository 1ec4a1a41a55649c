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
] as const;

/**
 * A notice with the name of its node and the given user's read state. The name is a subquery, which
 * PostgreSQL evaluates only for the rows of the page: a join made it hash or scan the whole org tree first
 * (17,000 nodes in a district of 600 communities) on every feed page.
 */
const base = (tx: Db, userId: string) =>
  n(tx)
    .selectFrom('notice as x')
    .leftJoin('notice_read as r', (j) => j.onRef('r.notice_id', '=', 'x.id').on('r.user_id', '=', userId))
    .select([...COLUMNS, 'r.seen_at', 'r.confirmed_at'])
    .select(sql<string>`(SELECT o.name FROM org_node o WHERE o.id = x.node_id)`.as('node_name'));

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof byId>>>;

export const byId = (tx: Db, id: string, userId: string) => base(tx, userId).where('x.id', '=', id).executeTakeFirst();

export interface PageQuery {
  userId: string;
  category?: string;
  tokens?: string[];
  before?: { at: Date; id: string } | null;
  limit: number;
}

const pageOf = <Q extends ReturnType<typeof base>>(q: Q, p: PageQuery) => {
  let out = q;
  if (p.category) out = out.where('x.category', '=', p.category) as Q;
  if (p.tokens?.length) out = out.where(sql<SqlBool>`x.search @@ ${tsQueryOf(p.tokens)}::tsquery`) as Q;
  if (p.before) out = out.where(sql<SqlBool>`(x.published_at, x.id) < (${p.before.at}, ${p.before.id}::uuid)`) as Q;
  return out
    .orderBy('x.published_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(p.limit + 1);
};

const paged = <Q extends ReturnType<typeof base>>(q: Q, p: PageQuery) => pageOf(q, p).execute();

const inAudience = (a: Audience) =>
  sql<SqlBool>`(${a.above.length ? sql`x.node_path IN (${sql.join(a.above)})` : sql`false`}${sql.join(
    a.within.map((w) => sql` OR x.node_path LIKE ${`${w}%`}`),
    sql``,
  )}${a.affairs?.length ? sql` OR (x.category = 'affairs_public' AND x.node_path IN (${sql.join(a.affairs)}))` : sql``})`;

const current = (tx: Db, a: Audience, now: Date, userId: string) =>
  base(tx, userId)
    .where(inAudience(a))
    .where('x.withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('x.expires_at', 'is', null), eb('x.expires_at', '>', now)]));

/** Current notices (not withdrawn, not expired) a reader gets. */
export const visible = (tx: Db, a: Audience, now: Date, p: PageQuery) => paged(current(tx, a, now, p.userId), p);

/** Current pinned notices a reader gets (few: shown above the feed). */
const pinnedOf = (tx: Db, a: Audience, now: Date, userId: string) =>
  current(tx, a, now, userId).where('x.pinned', '=', true).orderBy('x.published_at', 'desc').limit(10);

/**
 * A page of current notices and, with `withPinned` (the feed's first page), the pinned ones: one statement,
 * as `visible` and `pinned` give them.
 */
export async function visibleAndPinned(tx: Db, a: Audience, now: Date, p: PageQuery, withPinned: boolean) {
  const page = pageOf(current(tx, a, now, p.userId), p);
  if (!withPinned) return { page: await page.execute(), pinned: [] };
  const rows = await n(tx)
    .selectFrom(page.as('a'))
    .selectAll()
    .select(sql<boolean>`false`.as('in_pinned'))
    .unionAll(
      n(tx)
        .selectFrom(pinnedOf(tx, a, now, p.userId).as('b'))
        .selectAll()
        .select(sql<boolean>`true`.as('in_pinned')),
    )
    .execute();
  const newest = (x: NoticeRow, y: NoticeRow) => +new Date(y.published_at) - +new Date(x.published_at);
  return {
    page: rows.filter((r) => !r.in_pinned).sort((x, y) => newest(x, y) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0)),
    pinned: rows.filter((r) => r.in_pinned).sort(newest),
  };
}

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
