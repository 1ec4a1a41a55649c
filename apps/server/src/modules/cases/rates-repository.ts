/** The rates' SQL: one aggregate query grouped by child node, category or department. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { scopeFilter } from './listing-repository.ts';
import { c } from './repository.ts';

export interface RateCounts {
  key: string | null;
  total: string;
  responded: string;
  accepted_on_time: string;
  resolved: string;
  resolved_on_time: string;
  ever_resolved: string;
  median_accept: number | null;
  median_resolve: number | null;
  ratings: string | null;
  score_sum: string | null;
  satisfied: string | null;
  reopened: string;
}

export type GroupBy = { kind: 'node'; depth: number } | { kind: 'category' } | { kind: 'department' } | { kind: 'all' };

const minutes = (a: string, b: string) => sql.raw(`extract(epoch FROM (case_record.${a} - case_record.${b})) / 60`);

export function rateCounts(
  tx: Db,
  scopes: readonly string[],
  from: Date,
  to: Date,
  group: GroupBy,
): Promise<RateCounts[]> {
  const key =
    group.kind === 'node'
      ? sql<string>`split_part(case_record.place_path, '/', ${group.depth + 2})`
      : group.kind === 'category'
        ? sql<string>`case_record.category_id::text`
        : group.kind === 'department'
          ? sql<string>`a.department_id::text`
          : sql<string>`'all'`;
  let q = c(tx)
    .selectFrom('case_record')
    .leftJoin(
      sql<{ n: string; s: string; good: string }>`LATERAL (SELECT count(*) AS n, sum((r->>'score')::int) AS s,
        count(*) FILTER (WHERE (r->>'score')::int >= 4) AS good FROM jsonb_array_elements(case_record.state->'ratings') r)`.as(
        'rt',
      ),
      (j) => j.onTrue(),
    );
  if (group.kind === 'department')
    q = q.innerJoin('case_assignment as a', (j) =>
      j.onRef('a.community_id', '=', 'case_record.community_id').onRef('a.case_id', '=', 'case_record.id'),
    );
  return q
    .select([
      key.as('key'),
      sql<string>`count(*)`.as('total'),
      sql<string>`count(case_record.accepted_at)`.as('responded'),
      sql<string>`count(*) FILTER (WHERE case_record.accepted_at <= case_record.accept_due_at)`.as('accepted_on_time'),
      sql<string>`count(case_record.resolved_at)`.as('resolved'),
      sql<string>`count(*) FILTER (WHERE case_record.resolved_at IS NOT NULL AND case_record.overdue_count = 0)`.as(
        'resolved_on_time',
      ),
      sql<string>`count(*) FILTER (WHERE case_record.resolved_at IS NOT NULL OR (case_record.state->>'reopenCount')::int > 0)`.as(
        'ever_resolved',
      ),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('accepted_at', 'created_at')})`.as(
        'median_accept',
      ),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('resolved_at', 'created_at')})`.as(
        'median_resolve',
      ),
      sql<string>`sum(rt.n)`.as('ratings'),
      sql<string>`sum(rt.s)`.as('score_sum'),
      sql<string>`sum(rt.good)`.as('satisfied'),
      sql<string>`count(*) FILTER (WHERE (case_record.state->>'reopenCount')::int > 0)`.as('reopened'),
    ])
    .where((eb) => scopeFilter(eb as never, scopes))
    .where('case_record.status', 'not in', ['merged', 'cancelled'])
    .where('case_record.created_at', '>=', from)
    .where('case_record.created_at', '<=', to)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute() as Promise<RateCounts[]>;
}
