import { createHash } from 'node:crypto';
import { votes } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';
import { openVote, residentAt, type Voter, type VoteView, yesNo } from './vote-helpers.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const VOTERS = 60;

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let voters: Voter[];
let members: Voter[];

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  const rooms = await sql<{
    id: string;
  }>`SELECT id::text FROM org_node WHERE community_id = ${demo.A.id} AND type = 'room'
    ORDER BY path LIMIT ${VOTERS}`.execute(t.database.db);
  expect(rooms.rows.length).toBe(VOTERS);
  voters = [];
  for (const r of rooms.rows) voters.push(await residentAt(t, r.id, { head: true }));
  // A second account in the first 20 households: they race their household's head.
  members = [];
  for (const v of voters.slice(0, 20)) members.push(await residentAt(t, v.roomId));
});
afterAll(() => t.close());

async function chainOf(id: string) {
  const res = await secretary.get<{ head: string; optionCount: number; entries: votes.ChainEntry[] }>(
    `/api/votes/${id}/chain`,
  );
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('many simultaneous ballots', () => {
  it('distinct voters plus duplicate attempts: one ballot per household, an exact tally, an intact chain', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { kind: 'single', options: ['东门', '西门', '南门'] }));
    const choiceOf = (i: number) => i % 3;
    // Every head twice at once, and 20 members racing their head: 180 requests, 80 electors.
    const requests = [
      ...voters.map((w, i) => ({ w, i, c: choiceOf(i) })),
      ...voters.map((w, i) => ({ w, i, c: choiceOf(i) })),
      ...members.map((w, i) => ({ w, i, c: choiceOf(i) })),
    ];
    const results = await Promise.all(
      requests.map(({ w, c }) => w.client.post(`/api/votes/${v.id}/ballots`, { choices: [c] })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(VOTERS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(requests.length - VOTERS);
    for (const r of results.filter((x) => x.status === 409))
      expect((r.body as { code: string }).code).toBe('already_voted');
    const dupes = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT elector_no FROM vote_cast WHERE vote_id = ${v.id}
      GROUP BY elector_no HAVING count(*) > 1) d`.execute(t.database.db);
    expect(dupes.rows[0]!.n).toBe(0);
    const closed = await secretary.post<VoteView>(`/api/votes/${v.id}/close`, { version: v.version });
    expect(closed.status, closed.text).toBe(200);
    const expected = [0, 1, 2].map(
      (c) => Array.from({ length: VOTERS }, (_, i) => i).filter((i) => choiceOf(i) === c).length,
    );
    expect(closed.body.result!.options.map((o) => o.weight.head)).toEqual(expected);
    expect(closed.body.result!.ballots).toBe(VOTERS);
    const chain = await chainOf(v.id);
    expect(chain.entries).toHaveLength(VOTERS);
    expect(votes.verifyChain(sha256, v.id, chain.entries, chain.head, 3)).toBeNull();
  });

  it('concurrent changes of a changeable ballot leave exactly one current entry per elector', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { changeable: true }));
    const first = await Promise.all(voters.map((w) => w.client.post(`/api/votes/${v.id}/ballots`, { choices: [1] })));
    expect(first.every((r) => r.status === 201)).toBe(true);
    // Heads switch to yes while their household members switch to abstain, all at once.
    const again = await Promise.all([
      ...voters.map((w) => w.client.post(`/api/votes/${v.id}/ballots`, { choices: [0] })),
      ...members.map((w) => w.client.post(`/api/votes/${v.id}/ballots`, { choices: [2] })),
    ]);
    expect(again.every((r) => r.status === 201)).toBe(true);
    const closed = await secretary.post<VoteView>(`/api/votes/${v.id}/close`, { version: v.version });
    const r = closed.body.result!;
    expect(r.ballots).toBe(VOTERS);
    const heads = r.options.map((o) => o.weight.head);
    expect(heads[1]).toBe(0);
    expect(heads[0]! + heads[2]!).toBe(VOTERS);
    expect(heads[2]).toBeLessThanOrEqual(members.length);
    const chain = await chainOf(v.id);
    expect(chain.entries).toHaveLength(VOTERS * 2 + members.length);
    expect(votes.verifyChain(sha256, v.id, chain.entries, chain.head, 3)).toBeNull();
    const t2 = votes.tallyChain(chain.entries, 3);
    expect(t2.options.map((w) => Number(w.head))).toEqual(heads);
  });
});
