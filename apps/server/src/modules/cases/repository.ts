/** The cases module's SQL for one case: insert, load, compare-and-set save, timeline, reporters, assignments. */
import type { cases } from '@linli/contracts';
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { CaseTables } from './tables.ts';

export const c = (tx: Db) => tx.withTables<CaseTables>();

/** A case row as read: everything but the search vector, which only the database needs. */
export type CaseRow = Omit<Selectable<CaseTables['case_record']>, 'search'>;
export const CASE_COLUMNS = [
  'community_id',
  'id',
  'no',
  'district_id',
  'street_id',
  'category_id',
  'source',
  'external_no',
  'place_id',
  'place_path',
  'lat',
  'lng',
  'address',
  'description',
  'is_public',
  'attachments',
  'contact_name',
  'contact_phone',
  'tracking_hash',
  'created_by',
  'status',
  'level',
  'state',
  'version',
  'sla_stage',
  'yellow_at',
  'due_at',
  'sla_notified',
  'urged',
  'accept_due_at',
  'overdue_count',
  'created_at',
  'updated_at',
  'accepted_at',
  'resolved_at',
  'closed_at',
] as const satisfies readonly Exclude<keyof CaseRow, never>[];
export type NewCaseRow = Omit<Insertable<CaseTables['case_record']>, 'search'>;
export type CasePatch = Omit<Updateable<CaseTables['case_record']>, 'search' | 'community_id' | 'id'>;
/** Columns derived from the state by the projection (and the insert time). */
export type ProjectedColumn =
  | 'status'
  | 'level'
  | 'version'
  | 'state'
  | 'sla_stage'
  | 'yellow_at'
  | 'due_at'
  | 'sla_notified'
  | 'urged'
  | 'accept_due_at'
  | 'overdue_count'
  | 'accepted_at'
  | 'resolved_at'
  | 'closed_at'
  | 'created_at'
  | 'updated_at';
type State = cases.CaseState;
type Entry = cases.TimelineEntry;

/** Case numbers read like hotline orders: local date + a running number (2026112400012). */
export async function nextNo(tx: Db, localDate: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT nextval('case_no_seq')::text AS n`.execute(tx);
  return `${localDate.replaceAll('-', '')}${rows[0]!.n.padStart(6, '0')}`;
}

/** Inserts a case and returns it as stored (defaults and database-side values included). */
export async function insertCase(tx: Db, row: NewCaseRow, tokens: readonly string[]): Promise<CaseRow> {
  return c(tx)
    .insertInto('case_record')
    .values({ ...row, search: sql`array_to_tsvector(${tokens}::text[])` } as never)
    .returning(CASE_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Finds a case by id alone (one index probe; ids are unique across communities). */
export const rowById = (tx: Db, id: string): Promise<CaseRow | undefined> =>
  c(tx).selectFrom('case_record').select(CASE_COLUMNS).where('id', '=', id).executeTakeFirst();

export const rowsByIds = (tx: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : c(tx).selectFrom('case_record').select(['id', 'no', 'community_id']).where('id', 'in', ids).execute();

export async function timelineOf(tx: Db, communityId: string, caseId: string): Promise<Entry[]> {
  const rows = await c(tx)
    .selectFrom('case_event')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    type: r.type,
    actorId: r.actor_id,
    role: r.role as Entry['role'],
    at: r.at.toISOString(),
    fromStatus: r.from_status as Entry['fromStatus'],
    toStatus: r.to_status as Entry['toStatus'],
    note: r.note,
    attachments: r.attachments,
    data: r.data as Record<string, unknown>,
  }));
}

/** The latest non-empty note on each case's timeline (a page of cases in one query), by case id. */
export async function latestNotes(
  tx: Db,
  keys: readonly { community_id: string; id: string }[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await c(tx)
    .selectFrom('case_event')
    .select(['case_id', 'note'])
    .distinctOn('case_id')
    .where('community_id', 'in', [...new Set(keys.map((k) => k.community_id))])
    .where(
      'case_id',
      'in',
      keys.map((k) => k.id),
    )
    .where(sql<SqlBool>`note ~ '\\S'`)
    .orderBy('case_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.case_id, r.note]));
}

/** The full state: the stored document plus its timeline. */
export async function stateOf(tx: Db, row: CaseRow): Promise<State> {
  const doc = row.state as Omit<State, 'timeline'>;
  return { ...doc, timeline: await timelineOf(tx, row.community_id, row.id) };
}

export const documentOf = (s: State): string => {
  const { timeline: _timeline, ...doc } = s;
  return JSON.stringify(doc);
};

export async function appendEvents(tx: Db, communityId: string, caseId: string, entries: readonly Entry[]) {
  if (entries.length === 0) return;
  await c(tx)
    .insertInto('case_event')
    .values(
      entries.map((e) => ({
        community_id: communityId,
        case_id: caseId,
        version: e.version,
        type: e.type,
        actor_id: e.actorId,
        role: e.role,
        at: new Date(e.at),
        from_status: e.fromStatus,
        to_status: e.toStatus,
        note: e.note,
        attachments: [...e.attachments],
        data: JSON.stringify(e.data),
      })),
    )
    .execute();
}

/** Compare-and-set on the version: false when someone else saved first (the caller answers 409). */
export async function updateCase(
  tx: Db,
  key: { communityId: string; id: string; version: number },
  patch: CasePatch,
): Promise<boolean> {
  const res = await c(tx)
    .updateTable('case_record')
    .set(patch)
    .where('community_id', '=', key.communityId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function addReporters(tx: Db, communityId: string, caseId: string, userIds: readonly string[], at: Date) {
  if (userIds.length === 0) return;
  await c(tx)
    .insertInto('case_reporter')
    .values(userIds.map((user_id) => ({ community_id: communityId, case_id: caseId, user_id, created_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Mirrors the state's assignments into the department inbox table. */
export async function syncAssignments(tx: Db, communityId: string, caseId: string, list: State['assignments']) {
  for (const a of list) {
    const row = {
      status: a.status,
      deadline: new Date(a.deadline),
      dispatched_at: new Date(a.dispatchedAt),
    };
    await c(tx)
      .insertInto('case_assignment')
      .values({ community_id: communityId, case_id: caseId, department_id: a.departmentId, ...row })
      .onConflict((oc) => oc.columns(['community_id', 'case_id', 'department_id']).doUpdateSet(row))
      .execute();
  }
}

export interface Department {
  id: string;
  name: string;
  code: string;
}

export const departmentsServing = (tx: Db, streetId: string): Promise<Department[]> =>
  tx
    .selectFrom('department as d')
    .innerJoin('department_street as ds', 'ds.department_id', 'd.id')
    .select(['d.id', 'd.name', 'd.code'])
    .where('ds.street_id', '=', streetId)
    .orderBy('d.id')
    .execute();

export const departmentsByIds = (tx: Db, ids: readonly string[]): Promise<Department[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : tx.selectFrom('department').select(['id', 'name', 'code']).where('id', 'in', ids).execute();

export const departmentByCode = (tx: Db, code: string) =>
  tx.selectFrom('department').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();

export interface UserContact {
  id: string;
  name: string;
  phone: string;
}

/** Name and phone of accounts (timeline actors may be `system`, which no account has). */
export async function userContacts(tx: Db, ids: readonly string[]): Promise<UserContact[]> {
  const uuids = ids.filter((i) => /^[0-9a-f-]{36}$/.test(i));
  if (uuids.length === 0) return [];
  return tx.selectFrom('app_user').select(['id', 'name', 'phone']).where('id', 'in', uuids).execute();
}

/** Bookkeeping of the SLA engine: which colour was last announced for the current stage. */
export const markSlaNotified = (tx: Db, r: { community_id: string; id: string }, colour: 'yellow' | 'red') =>
  c(tx)
    .updateTable('case_record')
    .set((eb) => ({
      sla_notified: colour,
      overdue_count: colour === 'red' ? eb('overdue_count', '+', 1) : eb.ref('overdue_count'),
    }))
    .where('community_id', '=', r.community_id)
    .where('id', '=', r.id)
    .execute();

/** Records a human-check nonce as used; false when it was used before. Expired nonces are pruned. */
export async function useCheckNonce(tx: Db, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
  await c(tx).deleteFrom('human_check_used').where('expires_at', '<', now).execute();
  const res = await c(tx)
    .insertInto('human_check_used')
    .values({ id: nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

export const linkVersion = (tx: Db, communityId: string, placeId: string) =>
  c(tx)
    .selectFrom('case_link')
    .select('version')
    .where('community_id', '=', communityId)
    .where('place_id', '=', placeId)
    .executeTakeFirst()
    .then((r) => r?.version ?? 1);

export async function rotateLink(tx: Db, communityId: string, placeId: string, by: string, at: Date): Promise<number> {
  const row = await c(tx)
    .insertInto('case_link')
    .values({ community_id: communityId, place_id: placeId, version: 2, created_by: by, created_at: at })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'place_id'])
        .doUpdateSet((eb) => ({ version: eb('case_link.version', '+', 1), created_by: by, created_at: at })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export const rowByTracking = (tx: Db, hash: string) =>
  c(tx).selectFrom('case_record').select(CASE_COLUMNS).where('tracking_hash', '=', hash).executeTakeFirst();

/** Departments serving any of the streets with these ids. */
export const departmentsServingAny = (tx: Db, streetIds: readonly string[]): Promise<Department[]> =>
  streetIds.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('department as d')
        .select(['d.id', 'd.name', 'd.code'])
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('department_street as ds')
              .select('ds.street_id')
              .whereRef('ds.department_id', '=', 'd.id')
              .where('ds.street_id', 'in', [...streetIds]),
          ),
        )
        .orderBy('d.id')
        .execute();

/** Street ids below a district (for a district-wide scope). */
export const streetsOf = async (tx: Db, districtId: string): Promise<string[]> =>
  (
    await tx
      .selectFrom('org_node')
      .select('id')
      .where('parent_id', '=', districtId)
      .where('type', '=', 'street')
      .execute()
  ).map((r) => r.id);
