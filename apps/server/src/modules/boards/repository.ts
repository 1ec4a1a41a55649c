import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { BoardTables } from './tables.ts';

const b = (tx: Db) => tx.withTables<BoardTables>();

export type PostRow = Selectable<BoardTables['board_post']>;

export const insertPost = (tx: Db, row: Insertable<BoardTables['board_post']>) =>
  b(tx).insertInto('board_post').values(row).execute();

export const postById = (tx: Db, id: string) =>
  b(tx).selectFrom('board_post').selectAll().where('id', '=', id).executeTakeFirst();

export const postByCase = (tx: Db, caseId: string) =>
  b(tx).selectFrom('board_post').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export async function updatePost(
  tx: Db,
  p: { community_id: string; id: string },
  version: number,
  patch: Omit<Updateable<BoardTables['board_post']>, 'id' | 'community_id' | 'version'>,
): Promise<boolean> {
  const r = await b(tx)
    .updateTable('board_post')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('community_id', '=', p.community_id)
    .where('id', '=', p.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Counter changes that must not conflict with the author's edits (no version bump). */
export const bump = (
  tx: Db,
  p: { community_id: string; id: string },
  column: 'comment_count' | 'like_count' | 'report_count',
  by: number,
) =>
  b(tx)
    .updateTable('board_post')
    .set((eb) => ({ [column]: eb(column, '+', by) }))
    .where('community_id', '=', p.community_id)
    .where('id', '=', p.id)
    .returning(column)
    .executeTakeFirstOrThrow() as Promise<Record<typeof column, number>>;

export interface Before {
  at: Date;
  id: string;
}

const before = (c: Before | null | undefined) =>
  c ? sql<SqlBool>`(created_at, id) < (${c.at}, ${c.id}::uuid)` : sql<SqlBool>`true`;

type PageQuery = { board?: string; before?: Before | null; limit: number; userId: string };

const pageOf = (tx: Db, communityId: string, q: PageQuery) =>
  b(tx)
    .selectFrom('board_post')
    .selectAll()
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb('status', '=', 'visible'), eb('author_id', '=', q.userId)]))
    .$if(!!q.board, (x) => x.where('board', '=', q.board!))
    .where(before(q.before))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);

/** Visible posts of a community (plus the user's own held or hidden ones), newest first. */
export const postsOf = (tx: Db, communityId: string, q: PageQuery) => pageOf(tx, communityId, q).execute();

const pinnedOf = (tx: Db, communityId: string) =>
  b(tx)
    .selectFrom('board_post')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'visible')
    .where('pinned', '=', true)
    .orderBy('created_at', 'desc')
    .limit(10);

/** A page of posts and, with `withPinned` (the feed's first page), the pinned ones: one statement. */
export async function postsAndPinned(tx: Db, communityId: string, q: PageQuery, withPinned: boolean) {
  const page = pageOf(tx, communityId, q);
  if (!withPinned) return { page: await page.execute(), pinned: [] };
  const rows = await b(tx)
    .selectFrom(page.as('a'))
    .selectAll()
    .select(sql<boolean>`false`.as('in_pinned'))
    .unionAll(
      b(tx).selectFrom(pinnedOf(tx, communityId).as('p')).selectAll().select(sql<boolean>`true`.as('in_pinned')),
    )
    .execute();
  const newest = (x: PostRow, y: PostRow) => +new Date(y.created_at) - +new Date(x.created_at);
  return {
    page: rows.filter((r) => !r.in_pinned).sort((x, y) => newest(x, y) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0)),
    pinned: rows.filter((r) => r.in_pinned).sort(newest),
  };
}

/**
 * Unread posts are counted up to this many (a badge shows "99+"): a reader who never marked the feed seen, or
 * not for months, would otherwise count every post of the community on every feed page (40 ms at 100,000).
 */
export const UNREAD_POSTS_MAX = 100;

/**
 * When the reader last looked at the community's feed (null: never), and how many visible posts by others
 * came since (up to UNREAD_POSTS_MAX) — one statement, as the feed asks for both on every page.
 */
export async function unreadSince(
  tx: Db,
  communityId: string,
  userId: string,
): Promise<{ seen: Date | null; unread: number }> {
  const { rows } = await sql<{ seen_at: Date | string | null; n: string }>`
    SELECT s.seen_at, (SELECT count(*) FROM (SELECT 1 FROM board_post p WHERE p.community_id = ${communityId}
        AND p.status = 'visible' AND p.author_id <> ${userId} AND p.created_at > coalesce(s.seen_at, '-infinity')
        LIMIT ${UNREAD_POSTS_MAX}) x) AS n
    FROM (SELECT (SELECT seen_at FROM board_feed_seen WHERE user_id = ${userId} AND community_id = ${communityId})
      AS seen_at) s`.execute(tx);
  const r = rows[0]!;
  return { seen: r.seen_at ? new Date(r.seen_at) : null, unread: Number(r.n) };
}

export const commentsOf = (tx: Db, communityId: string, postId: string) =>
  b(tx)
    .selectFrom('board_comment')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('post_id', '=', postId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();

export const insertComment = (tx: Db, row: Insertable<BoardTables['board_comment']>) =>
  b(tx).insertInto('board_comment').values(row).execute();

export const setCommentStatus = (tx: Db, communityId: string, postId: string, id: string, status: string) =>
  b(tx)
    .updateTable('board_comment')
    .set({ status })
    .where('community_id', '=', communityId)
    .where('post_id', '=', postId)
    .where('id', '=', id)
    .executeTakeFirst();

export const liked = async (tx: Db, communityId: string, postId: string, userId: string) =>
  !!(await b(tx)
    .selectFrom('board_like')
    .select('user_id')
    .where('community_id', '=', communityId)
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .executeTakeFirst());

/** Adds or removes a like; true when something changed. */
export async function setLike(tx: Db, communityId: string, postId: string, userId: string, on: boolean, at: Date) {
  if (on) {
    const r = await b(tx)
      .insertInto('board_like')
      .values({ community_id: communityId, post_id: postId, user_id: userId, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return !!r;
  }
  const r = await b(tx)
    .deleteFrom('board_like')
    .where('community_id', '=', communityId)
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertReport(tx: Db, row: Insertable<BoardTables['board_report']>): Promise<boolean> {
  const r = await b(tx)
    .insertInto('board_report')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return !!r;
}

const inScopes = (scopes: string[]) =>
  sql<SqlBool>`community_id IN (SELECT id FROM org_node WHERE type = 'community' AND (${sql.join(
    scopes.map((s) => sql`path LIKE ${`${s}%`} OR ${s} LIKE path || '%'`),
    sql` OR `,
  )}))`;

/** Posts held for review or reported, in communities inside (or containing) the scopes, oldest first. */
export const queuePosts = (tx: Db, scopes: string[]) =>
  b(tx)
    .selectFrom('board_post')
    .selectAll()
    .where(inScopes(scopes))
    .where((eb) =>
      eb.or([eb('status', '=', 'held'), eb.and([eb('status', '=', 'visible'), eb('report_count', '>', 0)])]),
    )
    .orderBy('updated_at')
    .limit(200)
    .execute();

export const queueComments = (tx: Db, scopes: string[]) =>
  b(tx)
    .selectFrom('board_comment as c')
    .innerJoin('board_post as p', (j) =>
      j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.post_id'),
    )
    .selectAll('c')
    .select('p.title as post_title')
    .where(sql<SqlBool>`c.${inScopes(scopes)}`)
    .where('c.status', '=', 'held')
    .orderBy('c.created_at')
    .limit(200)
    .execute();

export const wordsAt = (tx: Db, nodeIds: string[]) =>
  nodeIds.length === 0
    ? Promise.resolve([])
    : b(tx)
        .selectFrom('board_word as w')
        .innerJoin('org_node as n', 'n.id', 'w.node_id')
        .select(['w.id', 'w.node_id', 'w.word', 'n.name as node_name'])
        .where('w.node_id', 'in', nodeIds)
        .orderBy('n.depth')
        .orderBy('w.word')
        .execute();

export const insertWords = (tx: Db, nodeId: string, words: string[], at: Date) =>
  b(tx)
    .insertInto('board_word')
    .values(words.map((word) => ({ node_id: nodeId, word, created_at: at })))
    .onConflict((oc) => oc.columns(['node_id', 'word']).doNothing())
    .execute();

export const wordById = (tx: Db, id: string) =>
  b(tx)
    .selectFrom('board_word as w')
    .innerJoin('org_node as n', 'n.id', 'w.node_id')
    .select(['w.id', 'w.node_id', 'w.word', 'n.path'])
    .where('w.id', '=', id)
    .executeTakeFirst();

export const deleteWord = (tx: Db, id: string) => b(tx).deleteFrom('board_word').where('id', '=', id).execute();

export const setFeedSeen = (tx: Db, userId: string, communityId: string, at: Date) =>
  b(tx)
    .insertInto('board_feed_seen')
    .values({ user_id: userId, community_id: communityId, seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'community_id']).doUpdateSet({ seen_at: at }))
    .execute();

export const following = async (tx: Db, communityId: string, postId: string, userId: string) =>
  !!(await b(tx)
    .selectFrom('board_follow')
    .select('user_id')
    .where('community_id', '=', communityId)
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .executeTakeFirst());

export async function setFollow(tx: Db, communityId: string, postId: string, userId: string, on: boolean, at: Date) {
  if (on)
    await b(tx)
      .insertInto('board_follow')
      .values({ community_id: communityId, post_id: postId, user_id: userId, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else
    await b(tx)
      .deleteFrom('board_follow')
      .where('community_id', '=', communityId)
      .where('post_id', '=', postId)
      .where('user_id', '=', userId)
      .execute();
}

export const followers = async (tx: Db, communityId: string, postId: string) =>
  (
    await b(tx)
      .selectFrom('board_follow')
      .select('user_id')
      .where('community_id', '=', communityId)
      .where('post_id', '=', postId)
      .execute()
  ).map((r) => r.user_id);
