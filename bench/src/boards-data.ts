/**
 * Generates the boards of the grown district in bulk SQL: neighbours' posts in every community (the measured
 * one gets `posts` visible posts over two years, plus some held and hidden ones), their comments, likes and
 * follows, and notices at the district, every street, every community and the measured community's grids,
 * with the measured community's residents' read marks and last looks at the feed. One `INSERT … SELECT` per
 * table, from plan tables that are dropped again.
 */
import { type RawBuilder, sql } from 'kysely';
import * as load from './boards-load.ts';
import { NOTICE_TEXTS, POST_TEXTS } from './boards-texts.ts';
import { type Linli, searchTokens } from './linli.ts';

type Db = Linli['database']['db'];

export interface BoardsSize {
  /** Visible posts in the measured community. */
  posts: number;
  /** Posts in each other community. */
  otherPosts: number;
  now: Date;
}

export interface BoardsWorld {
  community: { id: string; path: string; name: string; streetPath: string; districtPath: string };
  resident: { phone: string; userId: string; seenAt: Date };
  /** A neighbour of the resident who never marked the feed seen: every post by others is unread to them. */
  newcomer: { phone: string; userId: string };
  rows: Record<string, number>;
  seconds: Record<string, number>;
}

const DAY = 86_400_000;
const SPAN_DAYS = 730;
/** Notices per node: the district, each street, the measured community (others get a few), its grids. */
const NOTICES = { district: 120, street: 40, measured: 200, community: 8, grid: 10 };
const TABLES = [
  'board_post',
  'board_comment',
  'board_like',
  'board_follow',
  'notice',
  'notice_read',
  'board_feed_seen',
];
const PLAN_TABLES = [
  'bench_board_post_plan',
  'bench_board_author',
  'bench_board_community',
  'bench_board_text',
  'bench_board_notice_node',
  'bench_board_notice_text',
];

const exec = (db: Db, q: RawBuilder<unknown>) => q.execute(db);
const count = async (db: Db, q: RawBuilder<{ n: number }>) => (await q.execute(db)).rows[0]!.n;

/** The measured community: the first residential community the growth added. */
async function measured(db: Db) {
  const [c] = (
    await sql<{ id: string; path: string; name: string; street_path: string; district_path: string }>`
      SELECT c.id, c.path, c.name, s.path AS street_path, d.path AS district_path
      FROM org_node c JOIN org_node s ON s.id = c.parent_id JOIN org_node d ON d.id = s.parent_id
      WHERE c.type = 'community' AND c.kind = 'residential' AND c.sort_key >= 200000
      ORDER BY c.sort_key LIMIT 1`.execute(db)
  ).rows;
  if (!c) throw new Error('the district has not been grown: no generated residential community');
  return c;
}

async function plan(db: Db, s: BoardsSize, communityId: string) {
  const now = s.now;
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_community AS
    SELECT (row_number() OVER (ORDER BY c.id) - 1)::int AS k, c.id, c.name, c.id = ${communityId}::bigint AS measured,
      CASE WHEN c.id = ${communityId}::bigint THEN ${s.posts}::int ELSE ${s.otherPosts}::int END AS n_visible,
      CASE WHEN c.id = ${communityId}::bigint THEN ${Math.round(s.posts / 100) + 1}::int
        ELSE ${Math.ceil(s.otherPosts / 100)}::int END AS n_other,
      (SELECT g.user_id FROM role_grant g WHERE g.node_id = c.id AND g.role = 'community_secretary'
        ORDER BY g.created_at, g.id LIMIT 1) AS secretary_id, 0 AS n_res
    FROM org_node c WHERE c.type = 'community'`,
  );
  // Residents by community, labelled as the server labels them (王女士·3号楼) from a building of their community.
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_author AS
    SELECT r.community_id, r.k, r.user_id,
      left(u.name, 1) || CASE WHEN get_byte(decode(md5(u.id::text), 'hex'), 0) % 2 = 0 THEN '女士' ELSE '先生' END
        || coalesce('·' || (SELECT b.name FROM org_node b WHERE b.community_id = r.community_id AND b.type = 'building'
          ORDER BY b.sort_key, b.id OFFSET r.k % 24 LIMIT 1), '') AS label
    FROM (SELECT n.community_id, (row_number() OVER (PARTITION BY n.community_id ORDER BY g.user_id) - 1)::int AS k,
        g.user_id
      FROM role_grant g JOIN org_node n ON n.id = g.node_id WHERE g.role = 'resident' AND n.community_id IS NOT NULL) r
    JOIN app_user u ON u.id = r.user_id`,
  );
  await exec(db, sql`CREATE INDEX ON bench_board_author (community_id, k)`);
  await exec(
    db,
    sql`UPDATE bench_board_community c SET n_res = (SELECT count(*) FROM bench_board_author a WHERE a.community_id = c.id)`,
  );
  const bad = await count(
    db,
    sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_board_community WHERE n_res < 2 OR secretary_id IS NULL`,
  );
  if (bad > 0) throw new Error(`${bad} communities lack residents or a secretary`);
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_text AS
    SELECT (k - 1)::int AS k, board, kind, title, body
    FROM unnest(${POST_TEXTS.map((t) => t.board)}::text[], ${POST_TEXTS.map((t) => t.kind)}::text[],
      ${POST_TEXTS.map((t) => t.title)}::text[], ${POST_TEXTS.map((t) => t.body)}::text[])
      WITH ORDINALITY AS t(board, kind, title, body, k)`,
  );
  // One row per post: community, author (some neighbours post much more than others), template, time and
  // the draws that decide its stage, comments and likes. Held and hidden posts come after the visible ones;
  // the measured resident's last post is held for review (they still see it in their feed).
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_post_plan AS
    SELECT g.*, gen_random_uuid() AS id,
      CASE WHEN g.i <= g.n_visible THEN 'visible' WHEN g.i % 2 = 0 THEN 'hidden' ELSE 'held' END AS status,
      CASE WHEN g.i > g.n_visible OR g.r_c < 0.55 THEN 0 ELSE 1 + floor(power(random(), 2) * 8)::int END AS n_comments,
      CASE WHEN g.i > g.n_visible OR g.r_l < 0.5 THEN 0
        ELSE 1 + floor(power(random(), 3) * least(30, g.n_res - 2))::int END AS like_count
    FROM (
      SELECT c.id AS community_id, c.n_res, c.n_visible, c.secretary_id, i, random() AS r_c, random() AS r_l,
        random() AS r_stage, floor(random() * ${POST_TEXTS.length})::int AS t,
        CASE WHEN c.measured AND i = c.n_visible + c.n_other THEN c.n_res - 1
          ELSE floor(power(random(), 1.6) * c.n_res)::int END AS ak,
        date_trunc('milliseconds', CASE WHEN c.measured AND i = c.n_visible + c.n_other
          THEN ${now}::timestamptz - interval '2 hours'
          ELSE ${now}::timestamptz - interval '5 minutes' - random() * interval '${sql.raw(String(SPAN_DAYS))} days' END)
          AS created_at
      FROM bench_board_community c CROSS JOIN generate_series(1, c.n_visible + c.n_other) i) g`,
  );
  // Notices: who publishes at each node, and the texts of each level with their search tokens.
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_notice_node AS
    SELECT n.id AS node_id, n.path AS node_path, n.type AS level, n.community_id,
      CASE n.type WHEN 'district' THEN ${NOTICES.district}::int WHEN 'street' THEN ${NOTICES.street}::int
        WHEN 'grid' THEN ${NOTICES.grid}::int
        ELSE CASE WHEN n.id = ${communityId}::bigint THEN ${NOTICES.measured}::int ELSE ${NOTICES.community}::int END
      END AS n,
      (SELECT g.user_id FROM role_grant g WHERE g.node_id = CASE WHEN n.type = 'grid' THEN n.community_id ELSE n.id END
        AND g.role IN ('district_admin', 'street_dispatcher', 'community_secretary') ORDER BY g.created_at, g.id LIMIT 1)
        AS publisher_id
    FROM org_node n
    WHERE n.type IN ('district', 'street', 'community') OR (n.type = 'grid' AND n.community_id = ${communityId}::bigint)`,
  );
  const noPublisher = await count(
    db,
    sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_board_notice_node WHERE publisher_id IS NULL`,
  );
  if (noPublisher > 0) throw new Error(`${noPublisher} org nodes have nobody to publish their notices`);
  const tokens = NOTICE_TEXTS.map((t) =>
    searchTokens(`${t.title}\n${t.body}`.replaceAll(/\{[nm]\}/g, '')).join('\u0001'),
  );
  await exec(
    db,
    sql`CREATE UNLOGGED TABLE bench_board_notice_text AS
    SELECT level, (row_number() OVER (PARTITION BY level ORDER BY o) - 1)::int AS k,
      count(*) OVER (PARTITION BY level)::int AS of, category, title, body, string_to_array(tokens, ${'\u0001'}) AS tokens
    FROM unnest(${NOTICE_TEXTS.map((t) => t.level)}::text[], ${NOTICE_TEXTS.map((t) => t.category)}::text[],
      ${NOTICE_TEXTS.map((t) => t.title)}::text[], ${NOTICE_TEXTS.map((t) => t.body)}::text[], ${tokens}::text[])
      WITH ORDINALITY AS t(level, category, title, body, tokens, o)`,
  );
}

export async function generateBoards(db: Db, s: BoardsSize): Promise<BoardsWorld> {
  const c = await measured(db);
  const seconds: Record<string, number> = {};
  const timed = async (name: string, f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    seconds[name] = Math.round(performance.now() - t0) / 1000;
  };
  for (const t of PLAN_TABLES) await exec(db, sql`DROP TABLE IF EXISTS ${sql.table(t)}`);
  await timed('plan', () => plan(db, s, c.id));
  const [resident, newcomer] = (
    await sql<{ phone: string; user_id: string; k: number }>`
      SELECT u.phone, a.user_id, a.k FROM bench_board_author a JOIN app_user u ON u.id = a.user_id
      WHERE a.community_id = ${c.id}::bigint ORDER BY a.k DESC LIMIT 2`.execute(db)
  ).rows;
  const audience = [c.district_path, c.street_path, c.path];
  await timed('board_post', () => exec(db, load.posts(s.now)));
  await timed('board_comment', () => exec(db, load.comments(s.now)));
  await timed('board_like', () => exec(db, load.likes(s.now)));
  await timed('board_follow', () => exec(db, load.follows));
  await timed('notice', () => exec(db, load.notices(s.now)));
  await timed('notice_read', () => exec(db, load.reads(s.now, c.id, audience)));
  await timed('board_feed_seen', () => exec(db, load.seen(s.now, c.id, resident!.k, newcomer!.k)));
  const visible = await count(
    db,
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM board_post WHERE community_id = ${c.id}::bigint AND status = 'visible'`,
  );
  if (visible !== s.posts) throw new Error(`the measured community has ${visible} visible posts, not ${s.posts}`);
  for (const t of PLAN_TABLES) await exec(db, sql`DROP TABLE ${sql.table(t)}`);
  await timed('analyze', async () => {
    // The grown org tree and its people too: the feed joins notices to their node's name.
    for (const t of [...TABLES, 'org_node', 'role_grant', 'app_user'])
      await exec(db, sql`VACUUM ANALYZE ${sql.table(t)}`);
  });
  const rows: Record<string, number> = {};
  for (const t of TABLES) rows[t] = await count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`);
  return {
    community: { id: c.id, path: c.path, name: c.name, streetPath: c.street_path, districtPath: c.district_path },
    resident: { phone: resident!.phone, userId: resident!.user_id, seenAt: new Date(s.now.getTime() - DAY) },
    newcomer: { phone: newcomer!.phone, userId: newcomer!.user_id },
    rows,
    seconds,
  };
}
