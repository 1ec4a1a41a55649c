/** The bulk loads of the boards data, one `INSERT … SELECT` per table from the plan tables (boards-data.ts). */
import { type RawBuilder, sql } from 'kysely';
import { COMMENTS, REPLIES } from './boards-texts.ts';

/** Building numbers in the texts: `{n}`, and `{m}` a different one. */
const numbered = (col: RawBuilder<string>, i: RawBuilder<unknown>) =>
  sql`replace(replace(${col}, '{n}', (1 + ${i} % 24)::text), '{m}', (1 + (${i} + 7) % 24)::text)`;

/** Where a post stands, by its board and age: older posts have mostly run their course. */
const stageOf = (now: Date) => sql`CASE t.board
  WHEN 'local' THEN CASE WHEN p.r_stage < CASE WHEN p.created_at < ${now}::timestamptz - interval '3 days'
    THEN 0.7 ELSE 0.3 END THEN 'replied' ELSE 'open' END
  WHEN 'help' THEN CASE WHEN p.created_at < ${now}::timestamptz - interval '14 days' THEN
      CASE WHEN p.r_stage < 0.4 THEN 'thanked' WHEN p.r_stage < 0.7 THEN 'done' WHEN p.r_stage < 0.9 THEN 'closed'
      ELSE 'open' END
    ELSE CASE WHEN p.r_stage < 0.5 THEN 'open' WHEN p.r_stage < 0.8 THEN 'taken' ELSE 'done' END END
  ELSE CASE WHEN p.created_at < ${now}::timestamptz - interval '14 days' THEN
      CASE WHEN p.r_stage < 0.6 THEN 'closed' WHEN p.r_stage < 0.9 THEN 'handed_over' ELSE 'open' END
    ELSE CASE WHEN p.r_stage < 0.6 THEN 'open' ELSE 'reserved' END END END`;

/** Posts in creation order. A local post the committee replied to has the reply as its first comment. */
export const posts = (now: Date) => sql`
  INSERT INTO board_post (community_id, id, board, kind, title, body, attachments, author_id, author_label,
    status, stage, taker_id, taker_label, thanks, held_words, moderation_reason, comment_count, like_count,
    report_count, pinned, created_at, updated_at, version)
  SELECT x.community_id, x.id, x.board, x.kind, x.title, x.body, '{}', a.user_id, a.label, x.status, x.stage,
    CASE WHEN x.has_taker THEN tk.user_id END, CASE WHEN x.has_taker THEN tk.label END,
    CASE WHEN x.stage = 'thanked' THEN '谢谢邻居帮忙,太感谢了!' END,
    CASE WHEN x.status = 'held' THEN '{高利贷}'::text[] ELSE '{}' END,
    CASE WHEN x.status = 'hidden' THEN '广告信息,与社区生活无关' END,
    x.n_comments + CASE WHEN x.stage = 'replied' THEN 1 ELSE 0 END, x.like_count, 0,
    x.status = 'visible' AND x.i % 40000 = 7, x.created_at,
    CASE WHEN x.stage = 'open' THEN x.created_at
      ELSE least(${now}::timestamptz, x.created_at + interval '26 hours') END,
    CASE WHEN x.stage = 'open' THEN 1 ELSE 2 END
  FROM (
    SELECT y.*, y.stage IN ('taken', 'done', 'thanked', 'reserved', 'handed_over')
      OR (y.board = 'giveaway' AND y.stage = 'closed') AS has_taker
    FROM (
      SELECT p.*, t.board, t.kind, ${numbered(sql`t.title`, sql`p.i`)} AS title,
        ${numbered(sql`t.body`, sql`p.i`)} || CASE WHEN p.status = 'held' THEN '有需要高利贷的邻居私信我。' ELSE '' END
          AS body,
        CASE WHEN p.status = 'visible' THEN ${stageOf(now)} ELSE 'open' END AS stage
      FROM bench_board_post_plan p JOIN bench_board_text t ON t.k = p.t) y) x
  JOIN bench_board_author a ON a.community_id = x.community_id AND a.k = x.ak
  JOIN bench_board_author tk ON tk.community_id = x.community_id AND tk.k = (x.ak + 1 + x.i % (x.n_res - 1)) % x.n_res
  ORDER BY x.created_at`;

/** Comments in time order after their post: the committee's reply first (as 孙丽·银杏社区), then neighbours. */
export const comments = (now: Date) => sql`
  INSERT INTO board_comment (community_id, post_id, id, author_id, author_label, official, body, status, held_words,
    created_at)
  SELECT p.community_id, p.id, gen_random_uuid(),
    CASE WHEN o.official THEN c.secretary_id ELSE a.user_id END,
    CASE WHEN o.official THEN su.name || '·' || c.name ELSE a.label END,
    o.official,
    CASE WHEN o.official THEN (${REPLIES}::text[])[1 + (p.i + j) % ${REPLIES.length}]
      ELSE (${COMMENTS}::text[])[1 + (p.i * 7 + j) % ${COMMENTS.length}] END,
    'visible', '{}', least(${now}::timestamptz - interval '1 minute', p.created_at + j * interval '53 minutes')
  FROM bench_board_post_plan p
  JOIN board_post bp ON bp.community_id = p.community_id AND bp.id = p.id
  JOIN bench_board_community c ON c.id = p.community_id
  JOIN app_user su ON su.id = c.secretary_id
  CROSS JOIN LATERAL generate_series(1, bp.comment_count) j
  CROSS JOIN LATERAL (SELECT bp.stage = 'replied' AND j = 1 AS official) o
  JOIN bench_board_author a ON a.community_id = p.community_id AND a.k = (p.ak + 3 * j) % p.n_res
  WHERE bp.comment_count > 0
  ORDER BY 10`;

/** Likes by distinct neighbours other than the author (like_count < residents − 1). */
export const likes = (now: Date) => sql`
  INSERT INTO board_like (community_id, post_id, user_id, created_at)
  SELECT p.community_id, p.id, a.user_id, least(${now}::timestamptz, p.created_at + j * interval '17 minutes')
  FROM bench_board_post_plan p CROSS JOIN LATERAL generate_series(1, p.like_count) j
  JOIN bench_board_author a ON a.community_id = p.community_id AND a.k = (p.ak + j) % p.n_res
  WHERE p.like_count > 0`;

/** Authors follow their own posts, as the server makes them. */
export const follows = sql`
  INSERT INTO board_follow (community_id, post_id, user_id, created_at)
  SELECT p.community_id, p.id, a.user_id, p.created_at
  FROM bench_board_post_plan p JOIN bench_board_author a ON a.community_id = p.community_id AND a.k = p.ak`;

/**
 * Notices at every node of the plan, in publication order. The first two of each node above the grids are
 * pinned and recent (current for 60 days), the third pinned long ago (expired); 30 % expire after a month,
 * one in 20 is must-read, one in 50 was withdrawn.
 */
export const notices = (now: Date) => sql`
  INSERT INTO notice (id, node_id, node_path, level, category, title, body, attachments, pinned, must_read,
    published_at, expires_at, withdrawn_at, created_by, author_name, search, version, updated_at)
  SELECT gen_random_uuid(), x.node_id, x.node_path, x.level, t.category, ${numbered(sql`t.title`, sql`x.i`)},
    ${numbered(sql`t.body`, sql`x.i`)}, '{}', x.pinned, x.i % 20 = 3, x.published_at,
    CASE WHEN x.pinned THEN x.published_at + interval '60 days'
      WHEN x.i % 10 < 3 THEN x.published_at + interval '30 days' END,
    CASE WHEN NOT x.pinned AND x.i % 50 = 17 THEN x.published_at + interval '2 hours' END,
    x.publisher_id, u.name, array_to_tsvector(t.tokens), 1, x.published_at
  FROM (
    SELECT n.*, i, i <= 3 AND n.level <> 'grid' AS pinned,
      date_trunc('milliseconds', ${now}::timestamptz - interval '10 minutes' - CASE WHEN i <= 2 AND n.level <> 'grid'
        THEN random() * interval '20 days' ELSE random() * interval '730 days' END) AS published_at
    FROM bench_board_notice_node n CROSS JOIN generate_series(1, n.n) i) x
  JOIN bench_board_notice_text t ON t.level = x.level AND t.k = x.i % t.of
  JOIN app_user u ON u.id = x.publisher_id
  ORDER BY x.published_at`;

/** The measured community's residents opened most older notices of their audience and confirmed must-reads. */
export const reads = (now: Date, communityId: string, audience: string[]) => sql`
  INSERT INTO notice_read (user_id, notice_id, community_id, seen_at, confirmed_at)
  SELECT a.user_id, x.id, a.community_id, s.seen, CASE WHEN x.must_read AND s.r < 0.8 THEN s.seen END
  FROM notice x JOIN bench_board_author a ON a.community_id = ${communityId}::bigint
  CROSS JOIN LATERAL (SELECT random() AS r, random() AS pick,
    least(${now}::timestamptz, x.published_at + random() * interval '3 days') AS seen, x.id AS dep) s
  WHERE x.node_path IN (${sql.join(audience)}) AND x.withdrawn_at IS NULL
    AND s.pick < CASE WHEN x.published_at < ${now}::timestamptz - interval '7 days' THEN 0.6 ELSE 0.3 END`;

/** When each resident of the measured community last looked at its feed: the measured one a day ago, the newcomer never. */
export const seen = (now: Date, communityId: string, residentK: number, newcomerK: number) => sql`
  INSERT INTO board_feed_seen (user_id, community_id, seen_at)
  SELECT a.user_id, a.community_id, CASE WHEN a.k = ${residentK}::int THEN ${new Date(now.getTime() - 86_400_000)}::timestamptz
    ELSE date_trunc('milliseconds', ${now}::timestamptz - random() * interval '7 days') END
  FROM bench_board_author a WHERE a.community_id = ${communityId}::bigint AND a.k <> ${newcomerK}::int`;
