/**
 * Inbox SQL. Scopes arrive as org paths from the one scoping helper; a district, street or community
 * path becomes an equality on its id column (so the inbox indexes serve it), deeper paths a prefix match.
 */
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { tsQueryOf } from '../../platform/text/tokens.ts';
import { CASE_COLUMNS, type CaseRow, c } from './repository.ts';
import type { CaseTables } from './tables.ts';

type EB = ExpressionBuilder<CaseTables, 'case_record'>;

export interface Cursor {
  at: Date;
  id: string;
}

export interface InboxQuery {
  scopes: readonly string[];
  /** Department inbox: only cases with an assignment of these departments (in these statuses, if given). */
  departments?: { ids: readonly string[]; statuses: readonly string[] | null } | null;
  statuses?: readonly string[] | null;
  due?: 'overdue' | 'near_due' | null;
  now: Date;
  categoryIds?: readonly string[] | null;
  source?: string | null;
  no?: string | null;
  tokens?: readonly string[] | null;
  publicOnly?: boolean;
  reporterId?: string | null;
  cursor?: Cursor | null;
  limit: number;
}

export function scopeFilter(eb: EB, scopes: readonly string[]) {
  const parts = scopes.map((p) => {
    const ids = p.split('/').filter(Boolean);
    if (ids.length === 1) return eb('case_record.district_id', '=', ids[0]!);
    if (ids.length === 2) return eb('case_record.street_id', '=', ids[1]!);
    if (ids.length === 3) return eb('case_record.community_id', '=', ids[2]!);
    return sql<SqlBool>`case_record.place_path LIKE ${`${p}%`}`;
  });
  return parts.length === 0 ? sql<SqlBool>`false` : eb.or(parts);
}

const OPEN = ['submitted', 'accepted', 'escalated', 'registered', 'dispatched', 'checking'];

/** `scope` replaces the scope filter by a correlated equality (the lateral page of one scope id). */
function filtered(tx: Db, q: Omit<InboxQuery, 'limit'>, scope?: ReturnType<typeof sql<SqlBool>>) {
  let query = c(tx)
    .selectFrom('case_record')
    .where((eb) => scope ?? scopeFilter(eb, q.scopes));
  if (q.departments) {
    const d = q.departments;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_assignment as a')
          .select('a.case_id')
          .whereRef('a.community_id', '=', 'case_record.community_id')
          .whereRef('a.case_id', '=', 'case_record.id')
          .where('a.department_id', 'in', d.ids)
          .$if(d.statuses !== null, (w) => w.where('a.status', 'in', d.statuses!)),
      ),
    );
  }
  if (q.reporterId) {
    const user = q.reporterId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_reporter as r')
          .select('r.case_id')
          .whereRef('r.community_id', '=', 'case_record.community_id')
          .whereRef('r.case_id', '=', 'case_record.id')
          .where('r.user_id', '=', user),
      ),
    );
  }
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  if (q.due === 'overdue') query = query.where('status', 'in', OPEN).where('due_at', '<', q.now);
  if (q.due === 'near_due')
    query = query.where('status', 'in', OPEN).where('yellow_at', '<=', q.now).where('due_at', '>=', q.now);
  if (q.categoryIds) query = query.where('category_id', 'in', q.categoryIds);
  if (q.source) query = query.where('source', '=', q.source);
  if (q.no) query = query.where('no', '=', q.no);
  if (q.tokens && q.tokens.length > 0) query = query.where(sql<SqlBool>`search @@ ${tsQueryOf(q.tokens)}::tsquery`);
  if (q.publicOnly) query = query.where('is_public', '=', true).where('status', 'not in', ['merged', 'cancelled']);
  if (q.cursor) {
    const { at, id } = q.cursor;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return query;
}

const newestFirst = (tx: Db, q: InboxQuery, scope?: ReturnType<typeof sql<SqlBool>>) =>
  filtered(tx, q, scope)
    .select(CASE_COLUMNS.map((k) => `case_record.${k}` as const))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);

const SCOPE_COLUMN = { 2: 'street_id', 3: 'community_id' } as const;

/**
 * One page, newest first, plus one row to tell whether there is a next page. Several streets or
 * communities (a secretary of 20 communities, a department serving 30 streets) are read as one short
 * newest-first page per scope id, merged (a lateral join: one plan, one index scan per scope), where one
 * query over all of them would read and sort every case of every scope.
 */
export async function inbox(tx: Db, q: InboxQuery): Promise<CaseRow[]> {
  const ids = q.scopes.map((p) => p.split('/').filter(Boolean));
  const depth = ids[0]?.length;
  if (ids.length < 2 || (depth !== 2 && depth !== 3) || ids.some((x) => x.length !== depth))
    return newestFirst(tx, q).execute();
  const column = sql.ref(`case_record.${SCOPE_COLUMN[depth]}`);
  const page = newestFirst(tx, q, sql<SqlBool>`${column} = s.scope_id`);
  const { rows } = await sql<CaseRow>`
    SELECT r.* FROM unnest(${[...new Set(ids.map((x) => x[depth - 1]!))]}::bigint[]) AS s(scope_id)
    CROSS JOIN LATERAL (${page}) r
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.limit + 1}`.execute(tx);
  return rows;
}

/** How many rows match, counting no further than `cap` (an inbox badge says "999+", not an exact number). */
export async function countCapped(tx: Db, q: Omit<InboxQuery, 'limit' | 'cursor'>, cap: number): Promise<number> {
  const sub = filtered(tx, { ...q, cursor: null })
    .select(sql`1`.as('one'))
    .limit(cap);
  const row = await tx
    .selectFrom(sub.as('x'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Category ids of a category and everything under it (filters pick a branch of the tree). */
export async function categoryBranch(tx: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE t AS (SELECT id FROM case_category WHERE id = ${id}
      UNION ALL SELECT c.id FROM case_category c JOIN t ON c.parent_id = t.id)
    SELECT id FROM t`.execute(tx);
  return rows.map((r) => r.id);
}

const DEG_LAT_M = 111_320;

/** Open cases of a category in a community, in the same building or inside a box around a point. */
export function duplicateCandidates(
  tx: Db,
  f: {
    communityId: string;
    categoryId: string;
    buildingPath: string | null;
    point: { lat: number; lng: number } | null;
    excludeId?: string | null;
  },
) {
  return c(tx)
    .selectFrom('case_record')
    .select(CASE_COLUMNS)
    .where('community_id', '=', f.communityId)
    .where('category_id', '=', f.categoryId)
    .where('status', 'in', [...OPEN, 'parked'])
    .$if(!!f.excludeId, (w) => w.where('id', '<>', f.excludeId!))
    .where((eb) => {
      const near: ReturnType<typeof eb.and>[] = [];
      if (f.buildingPath) near.push(eb.and([sql<SqlBool>`place_path LIKE ${`${f.buildingPath}%`}`]));
      if (f.point) {
        const dLat = 100 / DEG_LAT_M;
        const dLng = 100 / (DEG_LAT_M * Math.cos((f.point.lat * Math.PI) / 180));
        near.push(
          eb.and([
            eb('lat', '>=', f.point.lat - dLat),
            eb('lat', '<=', f.point.lat + dLat),
            eb('lng', '>=', f.point.lng - dLng),
            eb('lng', '<=', f.point.lng + dLng),
          ]),
        );
      }
      return near.length === 0 ? sql<SqlBool>`false` : eb.or(near);
    })
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}
