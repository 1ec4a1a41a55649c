/**
 * The boards phase: the community home feed (issue 5) of a community with 100,000 posts among 600
 * communities. Grows the district unless an earlier phase did, generates the boards, checks that a generated
 * post renders and that the raw SQL baseline returns Linli's pages, then measures the first page and a deep
 * cursor page as a resident of the measured community.
 */
import { api } from '@linli/contracts';
import type { Request } from 'autocannon';
import { sql } from 'kysely';
import { parseCursor, startBoardBaselines } from './boards-baselines.ts';
import { generateBoards } from './boards-data.ts';
import { explainFeed } from './boards-explain.ts';
import { growDistrict, type OrgSize } from './cases-org.ts';
import { tableSizes } from './data.ts';
import { DEMO_PASSWORD, type Running, session } from './linli.ts';
import { type MeasuredStep, measureSteps, type Settings } from './measure.ts';
import type { DataPoint, Scenario, Target } from './report.ts';

export const FEED_SQL = 'bare raw SQL (same queries, merged)';
const FEED_SQL_SERIAL = 'bare raw SQL (same queries in turn, one connection)';
const FEED_STATIC = 'bare static JSON (same body)';
const LIMIT = 20;
const fmt = (n: number) => n.toLocaleString('en-US');

const env = (name: string, dflt: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be an integer ≥ 1, got "${v}"`);
  return n;
};

type Feed = {
  pinned: Item[];
  items: Item[];
  nextCursor: string | null;
  unreadCount: number;
};
type Item = { type: string; notice?: { id: string }; post?: { id: string } };
const idsOf = (items: Item[]) => items.map((i) => `${i.type}:${i.notice?.id ?? i.post?.id}`).join();

async function fetchOk(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** The district grows once: when the cases phase already grew it, its communities are reused. */
async function ensureDistrict(db: Running['linli']['database']['db'], org: OrgSize) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM org_node WHERE type = 'community' AND sort_key >= 200000`.execute(db);
  if (rows[0]!.n > 0) return false;
  await growDistrict(db, org);
  return true;
}

export async function prepareBoards(server: Running, org: OrgSize) {
  const { db } = server.linli.database;
  const pg = server.databaseUrl !== null;
  const size = {
    posts: env('BENCH_POSTS', pg ? 100_000 : 10_000),
    otherPosts: env('BENCH_POSTS_OTHER', pg ? 500 : 50),
  };
  let t0 = performance.now();
  const grown = await ensureDistrict(db, org);
  const orgSeconds = Math.round(performance.now() - t0) / 1000;
  t0 = performance.now();
  const world = await generateBoards(db, { ...size, now: new Date() });
  const loadSeconds = Math.round(performance.now() - t0) / 1000;
  const communities = (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_node WHERE type = 'community'`.execute(db)
  ).rows[0]!.n;
  console.log(
    `${grown ? `Grew the district in ${orgSeconds} s` : 'The district was already grown'}; generated the boards in ` +
      `${loadSeconds} s: ${JSON.stringify(world.rows)} ${JSON.stringify(world.seconds)}`,
  );
  const c = world.community;
  const resident = await session(server.url, world.resident.phone, DEMO_PASSWORD);
  const feedUrl = api.boards.communityFeed.url.replace(':id', c.id);

  // A generated post renders through the API: its replied thread, labels and counts as generated.
  const [sample] = (
    await sql<{ id: string; comment_count: number }>`
      SELECT id, comment_count FROM board_post WHERE community_id = ${c.id} AND status = 'visible'
        AND stage = 'replied' AND comment_count >= 3 ORDER BY created_at DESC LIMIT 1`.execute(db)
  ).rows;
  const detail = JSON.parse(
    await fetchOk(server.url + api.boards.getPost.url.replace(':id', sample!.id), resident.cookie),
  ) as { authorLabel: string; commentCount: number; comments: { official: boolean; authorLabel: string }[] };
  if (
    detail.comments.length !== sample!.comment_count ||
    detail.commentCount !== sample!.comment_count ||
    !detail.comments.some((c) => c.official) ||
    !/^\p{Script=Han}(女士|先生)/u.test(detail.authorLabel)
  )
    throw new Error(`generated post ${sample!.id} renders as ${JSON.stringify(detail).slice(0, 400)}`);

  // The deep page starts in the middle of the community's posts (about a year back).
  const [deep] = (
    await sql<{ created_at: Date; id: string }>`
      SELECT created_at, id FROM board_post WHERE community_id = ${c.id} AND status = 'visible'
      ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(size.posts / 2)} LIMIT 1`.execute(db)
  ).rows;
  const deepQuery = `?cursor=${new Date(deep!.created_at).getTime()}.${deep!.id}`;
  const newcomer = await session(server.url, world.newcomer.phone, DEMO_PASSWORD);
  // The pages measured: who reads, which page.
  const pages = {
    first: { reader: 'resident', cookie: resident.cookie, query: '' },
    deep: { reader: 'resident', cookie: resident.cookie, query: deepQuery },
    newcomer: { reader: 'newcomer', cookie: newcomer.cookie, query: '' },
  } as const;
  const bodies: Record<string, string> = {};
  for (const [key, p] of Object.entries(pages)) bodies[key] = await fetchOk(server.url + feedUrl + p.query, p.cookie);
  const reader = (userId: string) => ({
    communityId: c.id,
    userId,
    audience: [c.districtPath, c.streetPath, c.path],
    limit: LIMIT,
  });
  const feeds = { resident: reader(world.resident.userId), newcomer: reader(world.newcomer.userId) };
  if (process.env.BENCH_EXPLAIN)
    await explainFeed(db, feeds.resident, feeds.newcomer, { first: null, deep: parseCursor(deepQuery.slice(8)) });
  const base = await startBoardBaselines({ db, feeds, bodies });
  // The SQL baseline must answer what Linli answers, or the comparison means nothing.
  const workload: Record<string, string> = {};
  for (const [key, p] of Object.entries(pages)) {
    const mine = JSON.parse(bodies[key]!) as Feed;
    for (const route of ['sql', 'sql1']) {
      const bare = JSON.parse(await fetchOk(`${base.url}/${route}/feed/${p.reader}${p.query}`)) as Feed;
      for (const part of ['pinned', 'items'] as const)
        if (idsOf(mine[part]) !== idsOf(bare[part]))
          throw new Error(`the raw SQL feed baseline /${route}'s ${key} page differs from Linli's in ${part}`);
      if (mine.unreadCount !== bare.unreadCount || mine.nextCursor !== bare.nextCursor)
        throw new Error(
          `the raw SQL feed baseline /${route}'s ${key} page: unread ${bare.unreadCount}, cursor ${bare.nextCursor}; ` +
            `Linli: ${mine.unreadCount}, ${mine.nextCursor}`,
        );
    }
    const notices = mine.items.filter((i) => i.type === 'notice').length;
    workload[`feed ${key === 'newcomer' ? 'first page, never looked' : `${key} page`}`] =
      `${mine.items.length} items (${notices} notices), ${mine.pinned.length} pinned, ` +
      `${fmt(mine.unreadCount)} unread; ${fmt(bodies[key]!.length)} bytes`;
  }
  const audienceNotices = (
    await sql<{ n: number; current: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE withdrawn_at IS NULL
        AND (expires_at IS NULL OR expires_at > now()))::int AS current
      FROM notice WHERE node_path IN (${sql.join([c.districtPath, c.streetPath, c.path])})`.execute(db)
  ).rows[0]!;
  Object.assign(workload, {
    boards: `${fmt(size.posts)} visible posts in ${c.name} (plus held and hidden ones) over two years, ${fmt(size.otherPosts)} in each of the other ${fmt(communities - 1)} communities; ${fmt(world.rows.board_comment!)} comments, ${fmt(world.rows.board_like!)} likes, ${fmt(world.rows.notice!)} notices (${audienceNotices.n} in the resident's audience, ${audienceNotices.current} current)`,
    'boards load time': `${loadSeconds} s (${Object.entries(world.seconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})${grown ? `; org growth ${orgSeconds} s` : ''}`,
    'feed reader': `a resident of ${c.name} (community grant), who last looked at the feed a day ago; deep page cursor at post ${fmt(Math.floor(size.posts / 2))}; and a neighbour who never marked the feed seen (every post by others unread)`,
  });

  const get = (path: string, cookie?: string): Request[] => [
    { method: 'GET', path, ...(cookie ? { headers: { cookie } } : {}) },
  ];
  const step = (key: keyof typeof pages, name: string, label: string): MeasuredStep => {
    const p = pages[key];
    return {
      name,
      solo: true,
      linli: { name: label, target: 'linli', url: server.url, requests: get(feedUrl + p.query, p.cookie) },
      baselines: [
        { name: FEED_STATIC, target: 'baseline', url: base.url, requests: get(`/static/${key}`) },
        { name: FEED_SQL, target: 'baseline', url: base.url, requests: get(`/sql/feed/${p.reader}${p.query}`) },
        {
          name: FEED_SQL_SERIAL,
          target: 'baseline',
          url: base.url,
          requests: get(`/sql1/feed/${p.reader}${p.query}`),
        },
      ],
    };
  };
  const steps: MeasuredStep[] = [
    step('first', 'feed first page', 'GET /api/communities/:id/feed (resident)'),
    step('deep', 'feed deep page', 'GET /api/communities/:id/feed?cursor= (resident, deep)'),
    step('newcomer', 'feed first page, never looked', 'GET /api/communities/:id/feed (never marked seen)'),
  ];
  return { steps, workload, close: () => base.app.close() };
}

/** Measures the feed (the whole boards phase, for run.ts). */
export async function boardsPhase(
  server: Running,
  org: OrgSize,
  settings: Settings,
  workload: Record<string, string>,
  data: DataPoint[],
): Promise<Scenario[]> {
  console.log(`\nBoards: the home feed of a community among ${org.communities}…`);
  const phase = await prepareBoards(server, org);
  try {
    for (const [k, v] of Object.entries(phase.workload)) console.log(`  ${k}: ${v}`);
    Object.assign(workload, phase.workload);
    const rows = await tableSizes(server.linli.database.db);
    console.log(
      `Rows: ${Object.entries(rows)
        .map(([t, n]) => `${t}=${n}`)
        .join(' ')}`,
    );
    data.push({ label: 'before boards runs', rows });
    console.log('\nMeasuring the community feed');
    return await measureSteps(phase.steps, settings);
  } finally {
    await phase.close();
  }
}

/**
 * The issue's done-when: the feed's p99 ≤ 30 ms (one request at a time, and under 10 connections, where it is
 * mostly queueing) and its throughput ≥ 0.5 of the bare route running the same queries.
 */
export function boardTargets(scenarios: Scenario[]): Target[] {
  const out: Target[] = [];
  for (const s of scenarios.filter((x) => x.name.startsWith('feed '))) {
    if (s.solo)
      out.push({ what: `${s.name}: p99, 1 connection`, value: s.solo.p99, target: '≤ 30 ms', ok: s.solo.p99 <= 30 });
    out.push({ what: `${s.name}: p99, 10 connections`, value: s.linli.p99, target: '≤ 30 ms', ok: s.linli.p99 <= 30 });
    const b = s.baselines.find((x) => x.name === FEED_SQL);
    const r = b && b.reqPerSec > 0 ? s.linli.reqPerSec / b.reqPerSec : 0;
    out.push({ what: `${s.name}: ratio to ${FEED_SQL}`, value: r, target: '≥ 0.5', ok: r >= 0.5 });
  }
  return out;
}
