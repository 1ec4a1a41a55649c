/** Shared setup of the vote tests: resident accounts made directly in SQL (no password hashing) and drafts. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../src/testing/index.ts';
import { TestClient as Client } from '../src/testing/index.ts';

let phoneSeq = 0;

export interface Voter {
  client: TestClient;
  userId: string;
  householdId: string;
  roomId: string;
}

/**
 * A signed-in resident at a room: an account with a resident grant there, a person in the room's household
 * (the head when the household is new) and a session written directly, as a login would.
 */
export async function residentAt(t: TestApp, roomId: string, opts: { head?: boolean } = {}): Promise<Voter> {
  const db = t.database.db;
  const room = (
    await sql<{
      community_id: string;
      name: string;
    }>`SELECT community_id::text, name FROM org_node WHERE id = ${roomId}`.execute(db)
  ).rows[0]!;
  const userId = randomUUID();
  const phone = `135${String(++phoneSeq).padStart(8, '0')}`;
  const now = t.clock.now();
  await sql`INSERT INTO app_user (id, phone, name, password_hash, password_changed_at, created_at)
    VALUES (${userId}, ${phone}, ${`投票人${phoneSeq}`}, 'x', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO role_grant (id, user_id, role, node_id, created_at)
    VALUES (${randomUUID()}, ${userId}, 'resident', ${roomId}, ${now})`.execute(db);
  let hh = (
    await sql<{
      id: string;
    }>`SELECT id::text FROM household WHERE community_id = ${room.community_id} AND address_node_id = ${roomId}`.execute(
      db,
    )
  ).rows[0]?.id;
  let head = opts.head ?? false;
  if (!hh) {
    hh = randomUUID();
    head = true;
    await sql`INSERT INTO household (community_id, id, address_node_id, address_text, created_at)
      VALUES (${room.community_id}, ${hh}, ${roomId}, ${room.name}, ${now})`.execute(db);
  } else if (head) {
    await sql`UPDATE person SET relation = 'member' WHERE community_id = ${room.community_id} AND household_id = ${hh} AND relation = 'head'`.execute(
      db,
    );
  }
  const blind = randomBytes(12).toString('hex');
  await sql`INSERT INTO person (community_id, id, household_id, user_id, name, relation, id_cipher, id_blind, id_masked, sex, birth_date, created_at)
    VALUES (${room.community_id}, ${randomUUID()}, ${hh}, ${userId}, ${`投票人${phoneSeq}`}, ${head ? 'head' : 'member'},
      'x', ${blind}, '110***********0000', 'F', '1980-01-01', ${now})`.execute(db);
  return { client: await sessionFor(t, userId), userId, householdId: hh, roomId };
}

/** A session written as createSession does (sha256 of the token, base64url). */
export async function sessionFor(t: TestApp, userId: string): Promise<TestClient> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const now = t.clock.now();
  await sql`INSERT INTO user_session (token_hash, user_id, csrf_token, idle_minutes, created_at, last_seen_at)
    VALUES (${createHash('sha256').update(token).digest('base64url')}, ${userId}, ${csrf}, 600, ${now}, ${now})`.execute(
    t.database.db,
  );
  const c = new Client(t.app);
  c.cookie = `linli_sid=${token}`;
  c.csrf = csrf;
  return c;
}

/** Rooms of a building (by path), with the registry's floor area in hundredths and the ownership. */
export async function roomsOf(t: TestApp, buildingId: string) {
  const r = await sql<{ id: string; area: string | null; ownership: string | null; household: string | null }>`
    SELECT r.id::text AS id, (hu.floor_area * 100)::bigint::text AS area, hu.ownership,
      (SELECT h.id::text FROM household h WHERE h.community_id = r.community_id AND h.address_node_id = r.id) AS household
    FROM org_node b JOIN org_node r ON r.path LIKE b.path || '%' AND r.type = 'room'
    LEFT JOIN housing_unit hu ON hu.community_id = r.community_id AND hu.node_id = r.id
    WHERE b.id = ${buildingId} ORDER BY r.path`.execute(t.database.db);
  return r.rows;
}

/** Sets a room's housing facts directly (the registry's own routes are tested elsewhere). */
export async function setHousing(t: TestApp, roomId: string, area: string | null, ownership: string) {
  await sql`INSERT INTO housing_unit (community_id, node_id, floor_area, ownership, updated_at)
    SELECT community_id, id, ${area}::numeric, ${ownership}, now() FROM org_node WHERE id = ${roomId}
    ON CONFLICT (community_id, node_id) DO UPDATE SET floor_area = EXCLUDED.floor_area, ownership = EXCLUDED.ownership`.execute(
    t.database.db,
  );
}

export const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

export type VoteBody = Record<string, unknown>;
export const yesNo = (t: TestApp, over: VoteBody = {}): VoteBody => ({
  title: '是否加装电梯',
  question: '1号楼是否加装电梯?费用按楼层分摊。',
  kind: 'yes_no',
  electorate: 'households',
  secret: false,
  changeable: false,
  proxyAllowed: true,
  preset: 'simple_majority',
  deadline: inDays(t, 7),
  ...over,
});

export interface VoteView {
  id: string;
  proposalId: string | null;
  scope: { id: string; name: string }[];
  roomsWithoutArea: number;
  status: string;
  version: number;
  electors: number;
  voted: number;
  options: string[];
  result: {
    adopted: boolean;
    ballots: number;
    participants: { head: number; area: string };
    electorate: { head: number; area: string };
    options: { weight: { head: number; area: string }; met: boolean; approval: { measure: string; met: boolean }[] }[];
    participation: { measure: string; met: boolean }[];
    participationMet: boolean;
    chainHead: string;
  } | null;
  turnout: { buildingName: string; electors: number; voted: number }[] | null;
  me: { eligible: boolean; proxy: boolean; votedAt: string | null; choices: number[] | null };
  abilities: Record<string, boolean>;
}

/** Drafts and opens a vote; returns the open vote. */
export async function openVote(cadre: TestClient, communityId: string, body: VoteBody): Promise<VoteView> {
  const d = await cadre.post<VoteView>(`/api/communities/${communityId}/votes`, body);
  expect(d.status, d.text).toBe(201);
  const o = await cadre.post<VoteView>(`/api/votes/${d.body.id}/open`, { version: d.body.version });
  expect(o.status, o.text).toBe(200);
  return o.body;
}

/** Row counts of every table a vote request could write. */
export async function voteState(t: TestApp) {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM vote) AS votes,
    (SELECT coalesce(sum(version), 0) FROM vote) AS versions,
    (SELECT coalesce(sum(ballot_seq), 0) FROM vote) AS seqs,
    (SELECT count(*) FROM vote_elector) AS electors,
    (SELECT count(*) FROM vote_cast) AS casts,
    (SELECT count(*) FROM vote_ballot) AS ballots,
    (SELECT count(*) FROM audit_log) AS audit,
    (SELECT count(*) FROM outbox) AS events`.execute(t.database.db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

export async function voteNothingWritten<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const before = await voteState(t);
  const out = await fn();
  expect(await voteState(t)).toEqual(before);
  return out;
}
