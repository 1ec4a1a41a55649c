/** SQL of the follow-up of tasks: reminder stages due, manual reminders, corrections and their decisions. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { FollowupTables } from './followup-tables.ts';
import type { FormTables } from './tables.ts';

type T = FormTables & FollowupTables;
const f = (tx: Db) => tx.withTables<T>();
const BATCH = 500;

export type Stage = 'before_24h' | 'due_day' | 'overdue';
export type DecisionRow = Selectable<FollowupTables['form_correction_decision']>;

const TASK_COLUMNS = [
  't.community_id',
  't.id',
  't.form_id',
  't.send_id',
  't.requester_id',
  't.target_node_id',
  't.target_path',
  't.deadline',
  't.status',
] as const;

/**
 * Pending tasks for which `stage` is due now and not yet claimed: `before_24h` from a day before the deadline
 * (only tasks that existed then), `due_day` from 08:00 China time of the deadline's day (`dayStart` is that
 * day's midnight, only tasks older than 08:00), `overdue` once the deadline has passed (open tasks only: a
 * reopened one was given back knowingly by the requester).
 */
export function dueForStage(tx: Db, stage: Stage, now: Date, dayStart: Date) {
  let q = f(tx)
    .selectFrom('form_task as t')
    .innerJoin('form as fm', 'fm.id', 't.form_id')
    .select([...TASK_COLUMNS, 'fm.title'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('form_reminder as r')
            .select('r.task_id')
            .whereRef('r.community_id', '=', 't.community_id')
            .whereRef('r.task_id', '=', 't.id')
            // A task reminded on the deadline's morning needs no "one day left" notice any more.
            .where('r.stage', 'in', stage === 'before_24h' ? ['before_24h', 'due_day'] : [stage]),
        ),
      ),
    );
  if (stage === 'overdue') q = q.where('t.status', '=', 'open').where('t.deadline', '<=', now);
  else {
    q = q.where('t.status', 'in', ['open', 'reopened']).where('t.deadline', '>', now);
    if (stage === 'before_24h')
      q = q
        .where('t.deadline', '<=', new Date(now.getTime() + 24 * 3_600_000))
        .where(sql<boolean>`t.created_at < t.deadline - interval '24 hours'`);
    else {
      const eight = new Date(dayStart.getTime() + 8 * 3_600_000);
      if (now < eight) return Promise.resolve([]);
      q = q.where('t.deadline', '<', new Date(dayStart.getTime() + 24 * 3_600_000)).where('t.created_at', '<', eight);
    }
  }
  return q.orderBy('t.deadline').limit(BATCH).execute();
}
export type DueTask = Awaited<ReturnType<typeof dueForStage>>[number];

/** Claims stages (never twice: the key is task and stage); returns the task ids claimed by this call. */
export async function claimStage(
  tx: Db,
  rows: { community_id: string; task_id: string; recipients: number }[],
  stage: Stage,
  at: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const out = await f(tx)
    .insertInto('form_reminder')
    .values(rows.map((r) => ({ ...r, stage, sent_at: at })))
    .onConflict((oc) => oc.columns(['community_id', 'task_id', 'stage']).doNothing())
    .returning('task_id')
    .execute();
  return new Set(out.map((r) => r.task_id));
}

/** Open tasks of one send, with the form's title (the new-task notification). */
export const openTasksOfSend = (tx: Db, sendId: string) =>
  f(tx)
    .selectFrom('form_task as t')
    .innerJoin('form as fm', 'fm.id', 't.form_id')
    .select([...TASK_COLUMNS, 'fm.title'])
    .where('t.send_id', '=', sendId)
    .where('t.status', '=', 'open')
    .execute();

/** Serialises manual reminders of one task (two clicks at once: the second waits, then sees the first). */
export const lockTask = (tx: Db, k: { community_id: string; id: string }) =>
  f(tx)
    .selectFrom('form_task')
    .select('id')
    .where('community_id', '=', k.community_id)
    .where('id', '=', k.id)
    .forUpdate()
    .executeTakeFirst();

export async function lastUrge(tx: Db, k: { community_id: string; id: string }): Promise<Date | null> {
  const r = await f(tx)
    .selectFrom('form_urge')
    .select('urged_at')
    .where('community_id', '=', k.community_id)
    .where('task_id', '=', k.id)
    .orderBy('urged_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? new Date(r.urged_at) : null;
}

export const insertUrge = (tx: Db, row: Insertable<FollowupTables['form_urge']>) =>
  f(tx).insertInto('form_urge').values(row).execute();

/** Submitted tasks that recorded corrections, under the scopes, newest first. */
export const correctedTasks = (tx: Db, scopes: readonly string[]) =>
  scopes.length === 0
    ? Promise.resolve([])
    : f(tx)
        .selectFrom('form_task as t')
        .innerJoin('form as fm', 'fm.id', 't.form_id')
        .selectAll('t')
        .select('fm.title')
        .where('t.status', '=', 'submitted')
        .where(sql<boolean>`t.corrections <> '[]'::jsonb`)
        .where(
          sql<boolean>`(${sql.join(
            scopes.map((p) => sql`t.target_path LIKE ${`${p}%`}`),
            sql` OR `,
          )})`,
        )
        .orderBy('t.submitted_at', 'desc')
        .limit(BATCH)
        .execute();
export type CorrectedTask = Awaited<ReturnType<typeof correctedTasks>>[number];

export const decisionsOf = (tx: Db, keys: { community_id: string; id: string }[]) =>
  keys.length === 0
    ? Promise.resolve([] as DecisionRow[])
    : f(tx)
        .selectFrom('form_correction_decision')
        .selectAll()
        .where(
          sql<boolean>`(community_id, task_id) IN (${sql.join(keys.map((k) => sql`(${k.community_id}::bigint, ${k.id}::uuid)`))})`,
        )
        .execute();

/** Records a decision; false when one exists already for this submission (decided twice: 409). */
export async function insertDecision(
  tx: Db,
  row: Insertable<FollowupTables['form_correction_decision']>,
): Promise<boolean> {
  const r = await f(tx)
    .insertInto('form_correction_decision')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'task_id', 'field_key', 'submitted_at']).doNothing())
    .returning('task_id')
    .execute();
  return r.length === 1;
}
