/** The votes module's SQL: votes, the electorate snapshot, casts (voter links) and the ballot chain. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { VoteTables } from './tables.ts';

const GENESIS = '0'.repeat(64);

const v = (tx: Db) => tx.withTables<VoteTables>();

export type VoteRow = Selectable<VoteTables['vote']>;
export type BallotRow = Selectable<VoteTables['vote_ballot']>;
type Key = { community_id: string; id: string };

export const insertVote = (tx: Db, row: Insertable<VoteTables['vote']>) =>
  v(tx).insertInto('vote').values(row).execute();

export const voteById = (tx: Db, id: string) =>
  v(tx).selectFrom('vote').selectAll().where('id', '=', id).executeTakeFirst();

export function listVotes(tx: Db, communityId: string, f: { status?: string; proposalId?: string; drafts: boolean }) {
  let q = v(tx).selectFrom('vote').selectAll().where('community_id', '=', communityId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.proposalId) q = q.where('proposal_id', '=', f.proposalId);
  if (!f.drafts) q = q.where('status', '<>', 'draft');
  return q.orderBy('created_at', 'desc').limit(200).execute();
}

/** Snapshot rows, in batches (an owners' vote of a large community has thousands). */
export async function insertElectorate(
  tx: Db,
  electors: Insertable<VoteTables['vote_elector']>[],
  voters: Insertable<VoteTables['vote_voter']>[],
) {
  for (let i = 0; i < electors.length; i += 1000)
    await v(tx)
      .insertInto('vote_elector')
      .values(electors.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < voters.length; i += 1000)
    await v(tx)
      .insertInto('vote_voter')
      .values(voters.slice(i, i + 1000))
      .execute();
}

/** Draft → open, guarded by version (concurrent edits) and status. */
export async function markOpen(
  tx: Db,
  k: Key,
  version: number,
  s: { at: Date; electors: number; totalArea: bigint; roomsWithoutArea: number },
): Promise<boolean> {
  const r = await v(tx)
    .updateTable('vote')
    .set((eb) => ({
      status: 'open',
      opened_at: s.at,
      elector_count: s.electors,
      total_area: s.totalArea.toString(),
      rooms_without_area: s.roomsWithoutArea,
      version: eb('version', '+', 1),
    }))
    .where('community_id', '=', k.community_id)
    .where('id', '=', k.id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes the vote's row lock and the next chain position: ballots of a vote append one at
 * a time, and one that waited behind the closing transaction finds the vote closed (no row) and stops.
 * The previous hash is the previous entry's (read under the lock); the vote row stores the head only when
 * it closes, so each ballot writes one new version of that row, not two.
 */
export async function nextSeq(tx: Db, k: Key): Promise<{ seq: number; prev: string } | null> {
  const r = await sql<{ seq: number }>`
    UPDATE vote SET ballot_seq = ballot_seq + 1
    WHERE community_id = ${k.community_id} AND id = ${k.id} AND status = 'open'
    RETURNING ballot_seq AS seq`.execute(tx);
  const seq = r.rows[0]?.seq;
  if (seq === undefined) return null;
  if (seq === 1) return { seq, prev: GENESIS };
  // A statement of its own: its snapshot starts after the lock was granted, so it sees the previous entry
  // committed by the transaction this one waited for.
  const prev = await v(tx)
    .selectFrom('vote_ballot')
    .select('hash')
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .where('seq', '=', seq - 1)
    .executeTakeFirstOrThrow();
  return { seq, prev: prev.hash };
}

export const insertBallot = (tx: Db, row: Insertable<VoteTables['vote_ballot']>) =>
  v(tx).insertInto('vote_ballot').values(row).execute();

export const voterOf = (tx: Db, k: Key, userId: string) =>
  v(tx)
    .selectFrom('vote_voter as w')
    .innerJoin('vote_elector as e', (j) =>
      j
        .onRef('e.community_id', '=', 'w.community_id')
        .onRef('e.vote_id', '=', 'w.vote_id')
        .onRef('e.elector_no', '=', 'w.elector_no'),
    )
    .select(['w.elector_no', 'w.proxy', 'e.label', 'e.head_weight', 'e.area'])
    .where('w.community_id', '=', k.community_id)
    .where('w.vote_id', '=', k.id)
    .where('w.user_id', '=', userId)
    .executeTakeFirst();

/** The one-ballot-per-elector key: false when the elector already has a cast (a concurrent one waits here). */
export async function claimCast(tx: Db, row: Insertable<VoteTables['vote_cast']>): Promise<boolean> {
  const r = await sql<{ n: number }>`
    INSERT INTO vote_cast (community_id, vote_id, elector_no, cast_by, proxy, entry, cast_at)
    VALUES (${row.community_id}, ${row.vote_id}, ${row.elector_no}, ${row.cast_by}, ${row.proxy}, ${row.entry}, ${row.cast_at})
    ON CONFLICT (community_id, vote_id, elector_no) DO NOTHING
    RETURNING 1 AS n`.execute(tx);
  return r.rows.length === 1;
}

export const castOf = (tx: Db, k: Key, electorNo: number, lock = false) => {
  const q = v(tx)
    .selectFrom('vote_cast')
    .selectAll()
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .where('elector_no', '=', electorNo);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const updateCast = (
  tx: Db,
  k: Key,
  electorNo: number,
  s: { entry: string; castBy: string; proxy: boolean; at: Date },
) =>
  v(tx)
    .updateTable('vote_cast')
    .set((eb) => ({ entry: s.entry, cast_by: s.castBy, proxy: s.proxy, cast_at: s.at, changes: eb('changes', '+', 1) }))
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .where('elector_no', '=', electorNo)
    .execute();

export const chainOf = (tx: Db, k: Key) =>
  v(tx)
    .selectFrom('vote_ballot')
    .selectAll()
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .orderBy('seq')
    .execute();

export const ballotByCommitment = (tx: Db, k: Key, commitment: string) =>
  v(tx)
    .selectFrom('vote_ballot')
    .select(['seq', 'hash', 'choices'])
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .where('commitment', '=', commitment)
    .executeTakeFirst();

export async function isSuperseded(tx: Db, k: Key, seq: number): Promise<boolean> {
  const r = await v(tx)
    .selectFrom('vote_ballot')
    .select('seq')
    .where('community_id', '=', k.community_id)
    .where('vote_id', '=', k.id)
    .where('supersedes', '=', seq)
    .executeTakeFirst();
  return !!r;
}

/**
 * Electors and casts per building (turnout), summed in SQL; areas stay integer hundredths. The cast is an
 * EXISTS probe on vote_cast's full primary key: a join planned on stale statistics (a vote opened moments
 * ago looks empty) became a nested loop filtering every cast per elector — quadratic at 5,000 electors.
 */
export async function turnoutByBuilding(tx: Db, k: Key) {
  const r = await sql<{
    building_id: string | null;
    building_name: string;
    electors: number;
    voted: number;
    area: string;
    voted_area: string;
  }>`
    SELECT building_id::text AS building_id, building_name, count(*)::int AS electors,
      count(*) FILTER (WHERE voted)::int AS voted, sum(area)::text AS area,
      coalesce(sum(area) FILTER (WHERE voted), 0)::text AS voted_area
    FROM (
      SELECT e.building_id, e.building_name, e.area, EXISTS (
        SELECT 1 FROM vote_cast c
        WHERE c.community_id = e.community_id AND c.vote_id = e.vote_id AND c.elector_no = e.elector_no) AS voted
      FROM vote_elector e
      WHERE e.community_id = ${k.community_id} AND e.vote_id = ${k.id}) x
    GROUP BY building_id, building_name
    ORDER BY building_name`.execute(tx);
  return r.rows;
}

/** How many electors voted, per vote (list pages). */
export async function votedCounts(tx: Db, communityId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const r = await v(tx)
    .selectFrom('vote_cast')
    .select(['vote_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('vote_id', 'in', ids)
    .groupBy('vote_id')
    .execute();
  return new Map(r.map((x) => [x.vote_id, Number(x.n)]));
}

/** Which of these votes the user has an elector with a cast in. */
export async function myCasts(tx: Db, communityId: string, ids: readonly string[], userId: string) {
  if (ids.length === 0) return new Set<string>();
  const r = await v(tx)
    .selectFrom('vote_voter as w')
    .innerJoin('vote_cast as c', (j) =>
      j
        .onRef('c.community_id', '=', 'w.community_id')
        .onRef('c.vote_id', '=', 'w.vote_id')
        .onRef('c.elector_no', '=', 'w.elector_no'),
    )
    .select('w.vote_id')
    .where('w.community_id', '=', communityId)
    .where('w.vote_id', 'in', ids)
    .where('w.user_id', '=', userId)
    .execute();
  return new Set(r.map((x) => x.vote_id));
}

/** Open → closed with the published result; the trigger freezes the row from then on. */
export async function markClosed(
  tx: Db,
  k: Key,
  s: { at: Date; reason: 'manual' | 'deadline'; result: { chainHead: string }; version?: number },
): Promise<boolean> {
  let q = v(tx)
    .updateTable('vote')
    .set((eb) => ({
      status: 'closed',
      closed_at: s.at,
      closed_reason: s.reason,
      chain_head: s.result.chainHead,
      result: JSON.stringify(s.result),
      version: eb('version', '+', 1),
    }))
    .where('community_id', '=', k.community_id)
    .where('id', '=', k.id)
    .where('status', '=', 'open');
  if (s.version !== undefined) q = q.where('version', '=', s.version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Lock the open vote row before tallying, so no ballot appends between the tally and the close. */
export async function lockOpen(tx: Db, k: Key): Promise<VoteRow | undefined> {
  return v(tx)
    .selectFrom('vote')
    .selectAll()
    .where('community_id', '=', k.community_id)
    .where('id', '=', k.id)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
}

export const dueVotes = (tx: Db, now: Date) =>
  v(tx)
    .selectFrom('vote')
    .select(['community_id', 'id'])
    .where('status', '=', 'open')
    .where('deadline', '<=', now)
    .orderBy('deadline')
    .limit(100)
    .execute();
