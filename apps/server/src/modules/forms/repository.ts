/** The forms module's SQL: forms and their versions, sends, tasks and refused duplicates. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { FormTables } from './tables.ts';

const f = (tx: Db) => tx.withTables<FormTables>();

export type FormRow = Selectable<FormTables['form']>;
export type VersionRow = Selectable<FormTables['form_version']>;
export type TaskRow = Selectable<FormTables['form_task']>;

export const insertForm = (tx: Db, row: Insertable<FormTables['form']>) =>
  f(tx).insertInto('form').values(row).execute();
export const insertVersion = (tx: Db, row: Insertable<FormTables['form_version']>) =>
  f(tx).insertInto('form_version').values(row).execute();

export const formById = (tx: Db, id: string) =>
  f(tx).selectFrom('form').selectAll().where('id', '=', id).executeTakeFirst();

export const versionOf = (tx: Db, formId: string, no: number) =>
  f(tx)
    .selectFrom('form_version')
    .selectAll()
    .where('form_id', '=', formId)
    .where('version_no', '=', no)
    .executeTakeFirstOrThrow();

export const versionsOf = (tx: Db, formIds: string[]) =>
  formIds.length === 0
    ? Promise.resolve([] as VersionRow[])
    : f(tx).selectFrom('form_version').selectAll().where('form_id', 'in', formIds).execute();

export const formsBy = (tx: Db, userId: string) =>
  f(tx)
    .selectFrom('form')
    .selectAll()
    .where('created_by', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();

/** Compare-and-set on the form's version. */
export async function bumpForm(
  tx: Db,
  id: string,
  version: number,
  set: { title: string; current_version: number; updated_at: Date },
): Promise<boolean> {
  const r = await f(tx)
    .updateTable('form')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const replaceFields = (tx: Db, formId: string, no: number, fields: unknown[], fp: string) =>
  f(tx)
    .updateTable('form_version')
    .set({ fields: JSON.stringify(fields), fingerprint: fp })
    .where('form_id', '=', formId)
    .where('version_no', '=', no)
    .where('sent', '=', false)
    .execute();

export const markSent = (tx: Db, formId: string, no: number) =>
  f(tx)
    .updateTable('form_version')
    .set({ sent: true })
    .where('form_id', '=', formId)
    .where('version_no', '=', no)
    .execute();

export const insertSend = (tx: Db, row: Insertable<FormTables['form_send']>) =>
  f(tx).insertInto('form_send').values(row).execute();

export const sendsOf = (tx: Db, formId: string) =>
  f(tx)
    .selectFrom('form_send as s')
    .select([
      's.id',
      's.version_no',
      's.deadline',
      's.sent_at',
      (eb) =>
        eb
          .selectFrom('form_task as t')
          .whereRef('t.send_id', '=', 's.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('targets'),
    ])
    .where('s.form_id', '=', formId)
    .orderBy('s.sent_at')
    .execute();

export const insertTasks = (tx: Db, rows: Insertable<FormTables['form_task']>[]) =>
  rows.length ? f(tx).insertInto('form_task').values(rows).execute() : Promise.resolve([]);

/** Open tasks asking the same thing (fingerprint) at these targets. */
export const openDuplicates = (tx: Db, fp: string, targetIds: string[]) =>
  f(tx)
    .selectFrom('form_task')
    .select(['target_node_id', 'form_id'])
    .where('fingerprint', '=', fp)
    .where('target_node_id', 'in', targetIds)
    .where('status', 'in', ['open', 'reopened'])
    .execute();

export const insertRefusals = (tx: Db, rows: Insertable<FormTables['form_duplicate_refusal']>[]) =>
  f(tx).insertInto('form_duplicate_refusal').values(rows).execute();

export const taskById = (tx: Db, id: string) =>
  f(tx).selectFrom('form_task').selectAll().where('id', '=', id).executeTakeFirst();

export const tasksOfForm = (tx: Db, formId: string) =>
  f(tx).selectFrom('form_task').selectAll().where('form_id', '=', formId).orderBy('target_path').execute();

/**
 * The latest answered task (submitted or registry-answered) of each target of a form: only what the roll-up
 * and the export read — not the pre-filled copy, which would double the JSON read for a large roll-up.
 */
export const latestAnswers = (tx: Db, formId: string) =>
  f(tx)
    .selectFrom('form_task')
    .distinctOn('target_node_id')
    .select(['id', 'community_id', 'target_node_id', 'target_path', 'submitted_at', 'answers'])
    .where('form_id', '=', formId)
    .where('status', 'in', ['submitted', 'registry'])
    .orderBy('target_node_id')
    .orderBy('submitted_at', 'desc')
    .execute();

/** Every task of these forms (burden ranking). */
export const tasksOfForms = (tx: Db, formIds: string[]) =>
  formIds.length === 0
    ? Promise.resolve([] as TaskRow[])
    : f(tx).selectFrom('form_task').selectAll().where('form_id', 'in', formIds).execute();

/** Tasks whose target lies under one of the scopes (the caller's communities and grids). */
export function tasksIn(tx: Db, scopes: readonly string[], status?: string) {
  let q = f(tx)
    .selectFrom('form_task as t')
    .innerJoin('form as fm', 'fm.id', 't.form_id')
    .selectAll('t')
    .select('fm.title')
    .where(
      sql<boolean>`(${sql.join(
        scopes.map((p) => sql`t.target_path LIKE ${`${p}%`}`),
        sql` OR `,
      )})`,
    )
    .where('t.status', '<>', 'registry');
  if (status) q = q.where('t.status', '=', status);
  return q.orderBy(sql`t.status IN ('open', 'reopened')`, 'desc').orderBy('t.deadline').limit(500).execute();
}

/** Compare-and-set update of a task. */
export async function updateTask(
  tx: Db,
  key: { community_id: string; id: string },
  version: number,
  set: Partial<{
    status: string;
    answers: string;
    prefill: string;
    corrections: string;
    submitted_at: Date | null;
    submitted_by: string | null;
    updated_at: Date;
  }>,
): Promise<boolean> {
  const r = await f(tx)
    .updateTable('form_task')
    .set({ ...set, version: version + 1 })
    .where('community_id', '=', key.community_id)
    .where('id', '=', key.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const refusalsOf = (tx: Db, formIds: string[]) =>
  formIds.length === 0
    ? Promise.resolve([] as { form_id: string; target_node_id: string; requester_id: string }[])
    : f(tx)
        .selectFrom('form_duplicate_refusal')
        .select(['form_id', 'target_node_id', 'requester_id'])
        .where('form_id', 'in', formIds)
        .execute();

/** Forms owned under the scopes (for the district's ranking and the duplicate guard). */
export const formsUnder = (tx: Db, scopes: readonly string[]) =>
  f(tx)
    .selectFrom('form')
    .selectAll()
    .where(
      sql<boolean>`(${sql.join(
        scopes.map((p) => sql`owner_path LIKE ${`${p}%`} OR ${p} LIKE owner_path || '%'`),
        sql` OR `,
      )})`,
    )
    .limit(5000)
    .execute();

/** Tasks of these forms (submitted or registry-answered, with their send time). */
export const answeredOf = (tx: Db, formIds: string[]) =>
  formIds.length === 0
    ? Promise.resolve([] as TaskRow[])
    : f(tx)
        .selectFrom('form_task')
        .selectAll()
        .where('form_id', 'in', formIds)
        .where('status', 'in', ['submitted', 'registry'])
        .execute();

export const sendsSince = (tx: Db, formIds: string[], since: Date) =>
  formIds.length === 0
    ? Promise.resolve([] as { form_id: string; version_no: number; sent_at: Date }[])
    : f(tx)
        .selectFrom('form_send')
        .select(['form_id', 'version_no', 'sent_at'])
        .where('form_id', 'in', formIds)
        .where('sent_at', '>=', since)
        .execute();
