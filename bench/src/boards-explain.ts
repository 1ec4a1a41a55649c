/**
 * BENCH_EXPLAIN=1: prints the plans of the feed's queries on the generated data (EXPLAIN ANALYZE, run twice
 * so the second shows warm caches), for the first page and the deep page — where the feed's time goes.
 */
import { type RawBuilder, sql } from 'kysely';
import { type Before, type FeedQuery, feedQueries } from './boards-baselines.ts';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export async function explainFeed(db: Db, f: FeedQuery, newcomer: FeedQuery, pages: Record<string, Before | null>) {
  const explain = async (title: string, q: RawBuilder<unknown>) => {
    await sql`EXPLAIN ANALYZE ${q}`.execute(db);
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${q}`.execute(db);
    console.log(`\n-- ${title}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  };
  for (const [page, before] of Object.entries(pages))
    for (const [name, q] of Object.entries(feedQueries(f, before, new Date())))
      if (q) await explain(`${page} page: ${name}`, q);
  // A reader who never marked the feed seen: every visible post by others is unread.
  await explain('never looked: boards.unreadSince', feedQueries(newcomer, null, new Date())['boards.unreadSince']);
}
