import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { DelibTables } from './tables.ts';

const d = (tx: Db) => tx.withTables<DelibTables>();

export type ProjectRow = Selectable<DelibTables['delib_project']>;

export const projectById = (tx: Db, id: string) =>
  d(tx).selectFrom('delib_project').selectAll().where('id', '=', id).executeTakeFirst();

export const projectOfProposal = (tx: Db, communityId: string, proposalId: string) =>
  d(tx)
    .selectFrom('delib_project')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();

export const insertProject = (tx: Db, row: Insertable<DelibTables['delib_project']>) =>
  d(tx).insertInto('delib_project').values(row).execute();

export async function updateProject(
  tx: Db,
  p: { community_id: string; id: string },
  version: number,
  patch: Omit<Updateable<DelibTables['delib_project']>, 'id' | 'community_id' | 'version'>,
): Promise<boolean> {
  const r = await d(tx)
    .updateTable('delib_project')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('community_id', '=', p.community_id)
    .where('id', '=', p.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertMilestones = (tx: Db, rows: Insertable<DelibTables['delib_milestone']>[]) =>
  rows.length ? d(tx).insertInto('delib_milestone').values(rows).execute() : Promise.resolve([]);

export const milestonesOf = (tx: Db, communityId: string, projectId: string) =>
  d(tx)
    .selectFrom('delib_milestone')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();

/** Marks a milestone reached once; false when there is no such milestone or it was reached already. */
export const completeMilestone = async (tx: Db, communityId: string, projectId: string, id: string, at: Date) =>
  Number(
    (
      await d(tx)
        .updateTable('delib_milestone')
        .set({ done_at: at })
        .where('community_id', '=', communityId)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .where('done_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const progressOf = (tx: Db, communityId: string, projectId: string) =>
  d(tx)
    .selectFrom('delib_progress')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();

export const insertProgress = (tx: Db, row: Insertable<DelibTables['delib_progress']>) =>
  d(tx).insertInto('delib_progress').values(row).execute();

export const followers = async (tx: Db, communityId: string, projectId: string) =>
  (
    await d(tx)
      .selectFrom('delib_project_follow')
      .select('user_id')
      .where('community_id', '=', communityId)
      .where('project_id', '=', projectId)
      .execute()
  ).map((r) => r.user_id);

export async function setFollow(tx: Db, communityId: string, projectId: string, userId: string, on: boolean, at: Date) {
  const q = d(tx);
  if (on)
    await q
      .insertInto('delib_project_follow')
      .values({ community_id: communityId, project_id: projectId, user_id: userId, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else
    await q
      .deleteFrom('delib_project_follow')
      .where('community_id', '=', communityId)
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .execute();
}

export const evaluationsOf = (tx: Db, communityId: string, projectId: string) =>
  d(tx)
    .selectFrom('delib_evaluation')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .execute();

/** One answer per resident: false when they had answered already (the primary key decides under concurrency). */
export const insertEvaluation = async (tx: Db, row: Insertable<DelibTables['delib_evaluation']>) =>
  (
    await d(tx)
      .insertInto('delib_evaluation')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .execute()
  ).length === 1;

export interface ProjectListRow extends ProjectRow {
  proposal_title: string;
  done: number;
  total: number;
  rating_avg: string | null;
  rating_count: number;
}

export const projectsOf = async (tx: Db, communityId: string) =>
  (
    await sql<ProjectListRow>`
      SELECT pr.*, p.title AS proposal_title,
        (SELECT count(*)::int FROM delib_milestone m WHERE m.community_id = pr.community_id
          AND m.project_id = pr.id AND m.done_at IS NOT NULL) AS done,
        (SELECT count(*)::int FROM delib_milestone m WHERE m.community_id = pr.community_id
          AND m.project_id = pr.id) AS total,
        (SELECT avg(e.rating)::text FROM delib_evaluation e WHERE e.community_id = pr.community_id
          AND e.project_id = pr.id) AS rating_avg,
        (SELECT count(*)::int FROM delib_evaluation e WHERE e.community_id = pr.community_id
          AND e.project_id = pr.id) AS rating_count
      FROM delib_project pr
      JOIN delib_proposal p ON p.community_id = pr.community_id AND p.id = pr.proposal_id
      WHERE pr.community_id = ${communityId}
      ORDER BY pr.created_at DESC, pr.id DESC
      LIMIT 200`.execute(tx)
  ).rows;
