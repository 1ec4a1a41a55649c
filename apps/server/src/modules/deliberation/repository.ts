import { type Insertable, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { DelibTables } from './tables.ts';

const d = (tx: Db) => tx.withTables<DelibTables>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ProposalRow = Selectable<DelibTables['delib_proposal']>;

export const proposalById = (tx: Db, id: string) =>
  UUID.test(id)
    ? d(tx).selectFrom('delib_proposal').selectAll().where('id', '=', id).executeTakeFirst()
    : Promise.resolve(undefined);

export const proposalInCommunity = (tx: Db, communityId: string, id: string) =>
  UUID.test(id) && /^\d+$/.test(communityId)
    ? d(tx)
        .selectFrom('delib_proposal')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst()
    : Promise.resolve(undefined);

export const insertProposal = (tx: Db, row: Insertable<DelibTables['delib_proposal']>) =>
  d(tx).insertInto('delib_proposal').values(row).execute();

/** Optimistic update: false when someone else changed the proposal since `version`. */
export async function updateProposal(
  tx: Db,
  p: { community_id: string; id: string },
  version: number,
  patch: Omit<Updateable<DelibTables['delib_proposal']>, 'id' | 'community_id' | 'version'>,
): Promise<boolean> {
  const r = await d(tx)
    .updateTable('delib_proposal')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('community_id', '=', p.community_id)
    .where('id', '=', p.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A proposal with what its chain needs: community name, project, first survey answer, covenant. */
export type ChainRow = ProposalRow & {
  community_name: string;
  project_at: Date | null;
  completed_at: Date | null;
  evaluated_at: Date | null;
  covenant_at: Date | null;
};

const chainSelect = (where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) => sql<ChainRow>`
  SELECT p.*, c.name AS community_name, pr.created_at AS project_at, pr.completed_at,
    (SELECT min(e.created_at) FROM delib_evaluation e
      WHERE e.community_id = pr.community_id AND e.project_id = pr.id) AS evaluated_at,
    cv.published_at AS covenant_at
  FROM delib_proposal p
  JOIN org_node c ON c.id = p.community_id
  LEFT JOIN delib_project pr ON pr.community_id = p.community_id AND pr.proposal_id = p.id
  LEFT JOIN delib_covenant cv ON cv.community_id = p.community_id AND cv.proposal_id = p.id
  WHERE ${where} ORDER BY ${order} LIMIT ${limit}`;

/** A community's proposals, newest first; waiting ones only for `waitingFor` (null: everyone's). */
export const proposalsOf = async (
  tx: Db,
  communityId: string,
  q: { stage?: string; waitingFor: string | null; limit: number },
) =>
  (
    await chainSelect(
      sql`p.community_id = ${communityId}
        ${q.stage ? sql`AND p.stage = ${q.stage}` : sql``}
        ${q.waitingFor === null ? sql`` : sql`AND (p.stage <> 'submitted' OR p.proposer_id = ${q.waitingFor})`}`,
      sql`p.created_at DESC, p.id DESC`,
      q.limit,
    ).execute(tx)
  ).rows;

export const chainRow = async (tx: Db, communityId: string, id: string) =>
  (await chainSelect(sql`p.community_id = ${communityId} AND p.id = ${id}`, sql`p.id`, 1).execute(tx)).rows[0];

const inScopes = (scopes: readonly string[]) =>
  scopes.length === 0
    ? sql`false`
    : sql`(${sql.join(
        scopes.map((s) => sql`c.path LIKE ${`${s}%`}`),
        sql` OR `,
      )})`;

/** The screening queue: proposals waiting in these subtrees, oldest first. */
export const waitingIn = async (tx: Db, scopes: readonly string[]) =>
  (await chainSelect(sql`p.stage = 'submitted' AND ${inScopes(scopes)}`, sql`p.created_at, p.id`, 500).execute(tx))
    .rows;

/** Supervision: every proposal in these subtrees, newest first. */
export const proposalsIn = async (tx: Db, scopes: readonly string[], stage: string | undefined, limit: number) =>
  (
    await chainSelect(
      sql`${inScopes(scopes)} ${stage ? sql`AND p.stage = ${stage}` : sql``}`,
      sql`p.created_at DESC, p.id DESC`,
      limit,
    ).execute(tx)
  ).rows;

/** Counter change that must not conflict with committee edits (no version bump). */
export const bumpComments = (tx: Db, p: { community_id: string; id: string }) =>
  d(tx)
    .updateTable('delib_proposal')
    .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
    .where('community_id', '=', p.community_id)
    .where('id', '=', p.id)
    .execute();

export type CommentRow = Selectable<DelibTables['delib_comment']>;

export const commentsOf = (tx: Db, communityId: string, proposalId: string) =>
  d(tx)
    .selectFrom('delib_comment')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('proposal_id', '=', proposalId)
    .orderBy('seq')
    .limit(1000)
    .execute();

export const commentById = (tx: Db, communityId: string, proposalId: string, id: string) =>
  d(tx)
    .selectFrom('delib_comment')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('proposal_id', '=', proposalId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertComment = (tx: Db, row: Insertable<DelibTables['delib_comment']>) =>
  d(tx).insertInto('delib_comment').values(row).execute();

export const hideComment = (tx: Db, c: CommentRow, reason: string) =>
  d(tx)
    .updateTable('delib_comment')
    .set({ status: 'hidden', hidden_reason: reason })
    .where('community_id', '=', c.community_id)
    .where('proposal_id', '=', c.proposal_id)
    .where('id', '=', c.id)
    .execute();

export const meetingsOf = (tx: Db, communityId: string, proposalId: string) =>
  d(tx)
    .selectFrom('delib_meeting')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('proposal_id', '=', proposalId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();

export const insertMeeting = (tx: Db, row: Insertable<DelibTables['delib_meeting']>) =>
  d(tx).insertInto('delib_meeting').values(row).execute();

/** The buildings inside a community (courtyards and compounds in between included), by name. */
export const buildingsIn = async (tx: Db, path: string) =>
  (
    await sql<{ id: string; name: string }>`
      SELECT id::text AS id, name FROM org_node
      WHERE type = 'building' AND path LIKE ${`${path}%`}
      ORDER BY length(name), name LIMIT 500`.execute(tx)
  ).rows;
