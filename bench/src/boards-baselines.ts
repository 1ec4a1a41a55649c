/**
 * The bare routes the community feed is compared with: a plain Fastify app in the same process, on the same
 * database pool, without plugins, sessions, access checks or response schemas. `/sql/feed/<reader>` runs the
 * feed's four statements as plain SQL — the notices of the reader's audience (district, street, community)
 * with their read marks, and the page of posts, each with the pinned ones on the first page; the reader's last
 * look with the unread posts since; the unread notices — in parallel on the pool, and merges them newest
 * first, as Linli does. `/sql1/feed/<reader>` runs them in turn on one connection, as Linli runs a read-only
 * request. `/static/<key>` serves Linli's own body. */
import Fastify, { type FastifyInstance } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export interface FeedQuery {
  communityId: string;
  userId: string;
  /** The notice paths the reader gets: the district, street and community above their home. */
  audience: string[];
  limit: number;
}

export interface BoardBaselineInput {
  db: Db;
  /** Per reader: `/sql/feed/<reader>`. */
  feeds: Record<string, FeedQuery>;
  /** Linli's own response bodies, served verbatim by `/static/<key>`. */
  bodies: Record<string, string>;
}

type Row = Record<string, unknown> & { id: string; in_pinned: boolean };
type Notice = Row & { published_at: Date; seen_at: Date | null };
type Post = Row & { created_at: Date; author_id: string; status: string };
type UnreadSince = { seen_at: Date | null; n: string };
export interface Before {
  at: Date;
  id: string;
}

const rows = async <T>(db: Db, q: RawBuilder<T>) => (await q.execute(db)).rows;

const NOTICE = sql`SELECT x.id, x.node_id, x.node_path, x.level, x.category, x.title, x.body, x.attachments, x.pinned,
    x.must_read, x.published_at, x.expires_at, x.withdrawn_at, x.created_by, x.author_name, x.version,
    (SELECT o.name FROM org_node o WHERE o.id = x.node_id) AS node_name, r.seen_at, r.confirmed_at
  FROM notice x LEFT JOIN notice_read r ON r.notice_id = x.id AND r.user_id = `;
const current = (now: Date) => sql`x.withdrawn_at IS NULL AND (x.expires_at IS NULL OR x.expires_at > ${now})`;

/** The feed's statements, named like Linli's repository functions: the first page's carry the pinned items. */
export function feedQueries(f: FeedQuery, before: Before | null, now: Date) {
  const me = f.userId;
  const audience = sql`x.node_path IN (${sql.join(f.audience)})`;
  const notices = sql`${NOTICE}${me} WHERE ${audience} AND ${current(now)}
      ${before ? sql`AND (x.published_at, x.id) < (${before.at}, ${before.id}::uuid)` : sql``}
      ORDER BY x.published_at DESC, x.id DESC LIMIT ${f.limit + 1}`;
  const pinnedNotices = sql`${NOTICE}${me} WHERE ${audience} AND x.pinned = true AND ${current(now)}
      ORDER BY x.published_at DESC LIMIT 10`;
  const posts = sql`SELECT * FROM board_post
      WHERE community_id = ${f.communityId} AND (status = 'visible' OR author_id = ${me})
      AND ${before ? sql`(created_at, id) < (${before.at}, ${before.id}::uuid)` : sql`true`}
      ORDER BY created_at DESC, id DESC LIMIT ${f.limit + 1}`;
  const pinnedPosts = sql`SELECT * FROM board_post
      WHERE community_id = ${f.communityId} AND status = 'visible' AND pinned = true
      ORDER BY created_at DESC LIMIT 10`;
  const withPinned = (page: RawBuilder<unknown>, pinned: RawBuilder<unknown>) =>
    before
      ? sql`SELECT a.*, false AS in_pinned FROM (${page}) a`
      : sql`SELECT a.*, false AS in_pinned FROM (${page}) a UNION ALL SELECT b.*, true FROM (${pinned}) b`;
  return {
    'notices.visibleAndPinned': sql<Notice>`${withPinned(notices, pinnedNotices)}`,
    'boards.postsAndPinned': sql<Post>`${withPinned(posts, pinnedPosts)}`,
    // The reader's last look and the posts by others since, counted up to UNREAD_POSTS_MAX (100), as Linli does.
    'boards.unreadSince': sql<UnreadSince>`
      SELECT s.seen_at, (SELECT count(*) FROM (SELECT 1 FROM board_post p WHERE p.community_id = ${f.communityId}
          AND p.status = 'visible' AND p.author_id <> ${me} AND p.created_at > coalesce(s.seen_at, '-infinity')
          LIMIT 100) x) AS n
      FROM (SELECT (SELECT seen_at FROM board_feed_seen WHERE user_id = ${me} AND community_id = ${f.communityId})
        AS seen_at) s`,
    'notices.unreadCount': sql<{ n: string }>`SELECT count(*) AS n FROM notice x
      LEFT JOIN notice_read r ON r.notice_id = x.id AND r.user_id = ${me}
      WHERE ${audience} AND x.withdrawn_at IS NULL AND r.user_id IS NULL
        AND (x.expires_at IS NULL OR x.expires_at > ${now})`,
  };
}

/**
 * One page of the feed: the same queries as Linli's feed, merged the same way; run in parallel on the pool,
 * or (`serial`) in turn on one connection, as Linli runs a read-only request.
 */
export async function feedPage(db: Db, f: FeedQuery, before: Before | null, serial = false) {
  if (serial) return db.connection().execute((c) => feedPageOn(c, f, before, true));
  return feedPageOn(db, f, before, false);
}

async function feedPageOn(db: Db, f: FeedQuery, before: Before | null, serial: boolean) {
  const me = f.userId;
  const q = feedQueries(f, before, new Date());
  const all = [
    () => rows(db, q['notices.visibleAndPinned']),
    () => rows(db, q['boards.postsAndPinned']),
    () => rows(db, q['boards.unreadSince']),
    () => rows(db, q['notices.unreadCount']),
  ] as const;
  const got: unknown[] = [];
  if (serial) for (const run of all) got.push(await run());
  else got.push(...(await Promise.all(all.map((run) => run()))));
  const [notices, posts, up, un] = got as [Notice[], Post[], UnreadSince[], { n: string }[]];
  const newest = (x: Date, y: Date) => +new Date(y) - +new Date(x);
  const [ns, pn] = [notices.filter((n) => !n.in_pinned), notices.filter((n) => n.in_pinned)];
  const [ps, pp] = [posts.filter((p) => !p.in_pinned), posts.filter((p) => p.in_pinned)];
  pn.sort((x, y) => newest(x.published_at, y.published_at));
  pp.sort((x, y) => newest(x.created_at, y.created_at));
  const seen = up[0]!.seen_at ? new Date(up[0]!.seen_at) : null;
  const unreadPost = (p: Post) => p.author_id !== me && (!seen || new Date(p.created_at) > seen);
  const notice = (n: Notice) => ({ type: 'notice', at: n.published_at, unread: !n.seen_at, notice: n });
  const post = (p: Post) => ({ type: 'post', at: p.created_at, unread: unreadPost(p), post: p });
  const merged = [
    ...ns.map((n) => ({ at: new Date(n.published_at).getTime(), id: n.id, item: notice(n) })),
    ...ps
      .filter((p) => p.status === 'visible' || p.author_id === me)
      .map((p) => ({ at: new Date(p.created_at).getTime(), id: p.id, item: post(p) })),
  ].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = merged.slice(0, f.limit);
  const last = page.at(-1);
  return {
    pinned: [...pn.map(notice), ...pp.map(post)],
    items: page.map((x) => x.item),
    nextCursor: merged.length > f.limit && last ? `${last.at}.${last.id}` : null,
    unreadCount: Number(up[0]!.n) + Number(un[0]!.n),
  };
}

export const parseCursor = (c: string | undefined): Before | null => {
  if (!c) return null;
  const [ms, id] = c.split('.');
  return { at: new Date(Number(ms)), id: id! };
};

export async function startBoardBaselines(b: BoardBaselineInput): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { key: string } }>('/static/:key', (req, reply) =>
    reply.type('application/json').send(b.bodies[req.params.key]),
  );
  app.get<{ Params: { reader: string }; Querystring: { cursor?: string } }>('/sql/feed/:reader', (req) =>
    feedPage(b.db, b.feeds[req.params.reader]!, parseCursor(req.query.cursor)),
  );
  app.get<{ Params: { reader: string }; Querystring: { cursor?: string } }>('/sql1/feed/:reader', (req) =>
    feedPage(b.db, b.feeds[req.params.reader]!, parseCursor(req.query.cursor), true),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}
