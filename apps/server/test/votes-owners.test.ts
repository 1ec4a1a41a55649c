import { createHash } from 'node:crypto';
import { votes } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';
import { openVote, residentAt, roomsOf, setHousing, type Voter, type VoteView, yesNo } from './vote-helpers.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let building: string;
/** Owners of four owner-occupied rooms (150, 50, 100, 100 m²); a fifth room (100 m²) is rented. */
let owners: Voter[];
let rented: Voter;
let roomsLeftOut: number;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  building = demo.under(demo.A, 'building')[2]!.id;
  const rooms = await roomsOf(t, building);
  const areas = ['150.00', '50.00', '100.00', '100.00'];
  owners = [];
  for (const [i, area] of areas.entries()) {
    await setHousing(t, rooms[i]!.id, area, 'owner_occupied');
    owners.push(await residentAt(t, rooms[i]!.id, { head: true }));
  }
  await setHousing(t, rooms[4]!.id, '100.00', 'rented');
  rented = await residentAt(t, rooms[4]!.id, { head: true });
  // The building's other rooms have no floor area in the registry: left out and reported.
  for (const r of rooms.slice(5)) await setHousing(t, r.id, null, 'owner_occupied');
  roomsLeftOut = rooms.length - 5;
});
afterAll(() => t.close());

const owners278 = (preset: string) =>
  yesNo(t, { electorate: 'owners', preset, scopeNodeIds: [building], secret: true, title: '3号楼加装电梯' });
const cast = async (v: Voter, id: string, choice: number) => {
  const res = await v.client.post<{ receipt: string }>(`/api/votes/${id}/ballots`, { choices: [choice] });
  expect(res.status, res.text).toBe(201);
  return res.body.receipt;
};
const close = async (v: VoteView) => {
  const res = await secretary.post<VoteView>(`/api/votes/${v.id}/close`, { version: v.version });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('owners’ votes under Civil Code art. 278', () => {
  it('weighs rooms by registry floor area; a rented room counts in the totals but nobody votes for it', async () => {
    const v = await openVote(secretary, demo.A.id, owners278('art278_major'));
    expect(v.electors).toBe(5);
    expect(v.roomsWithoutArea).toBe(roomsLeftOut);
    const res = await rented.client.post(`/api/votes/${v.id}/ballots`, { choices: [0] });
    expect(res.status).toBe(403);
  });

  it('a major matter passes at exactly 3/4 of participants by head when the area agrees', async () => {
    const v = await openVote(secretary, demo.A.id, owners278('art278_major'));
    // 150 yes, 50 no, 100 yes, 100 yes: 4 of 5 owners (400 of 500 m²) take part; 3 of 4 (350 of 400 m²) approve.
    for (const [i, c] of [0, 1, 0, 0].entries()) await cast(owners[i]!, v.id, c);
    // Registry edits after opening do not move an open vote.
    await setHousing(t, owners[0]!.roomId, '10.00', 'owner_occupied');
    const closed = await close(v);
    await setHousing(t, owners[0]!.roomId, '150.00', 'owner_occupied');
    const r = closed.result!;
    expect(r.electorate).toEqual({ head: 5, area: '50000' });
    expect(r.participants).toEqual({ head: 4, area: '40000' });
    expect(r.participation.map((c) => [c.measure, c.met])).toEqual([
      ['head', true],
      ['area', true],
    ]);
    expect(r.options[0]).toMatchObject({ weight: { head: 3, area: '35000' }, met: true });
    expect(r.adopted).toBe(true);
    expect(closed.turnout).toEqual([
      expect.objectContaining({ electors: 5, voted: 4, area: '50000', votedArea: '40000' }),
    ]);
  });

  it('the same head count fails when the approving owners hold too little of the area', async () => {
    const v = await openVote(secretary, demo.A.id, owners278('art278_major'));
    // 150 no, 50 yes, 100 yes, 100 yes: 3 of 4 by head, but 250 of 400 m² (62.5 %) < 3/4.
    for (const [i, c] of [1, 0, 0, 0].entries()) await cast(owners[i]!, v.id, c);
    const r = (await close(v)).result!;
    expect(r.options[0]!.approval.map((c) => [c.measure, c.met])).toEqual([
      ['head', true],
      ['area', false],
    ]);
    expect(r.adopted).toBe(false);
  });

  it('participation below 2/3 of the owners decides nothing, however they voted', async () => {
    const v = await openVote(secretary, demo.A.id, owners278('art278_ordinary'));
    // 3 of 5 owners (300 of 500 m²) < 2/3.
    for (const i of [0, 1, 2]) await cast(owners[i]!, v.id, 0);
    const r = (await close(v)).result!;
    expect(r.participation.map((c) => c.met)).toEqual([false, false]);
    expect(r.participationMet).toBe(false);
    expect(r.adopted).toBe(false);
  });
});

describe('the published chain', () => {
  it('recomputes to the published result; each receipt is found by its commitment; tampering is detected', async () => {
    const v = await openVote(secretary, demo.A.id, { ...owners278('art278_ordinary'), changeable: true });
    const receipts = [];
    for (const [i, c] of [0, 1, 0, 2].entries()) receipts.push(await cast(owners[i]!, v.id, c));
    receipts.push(await cast(owners[1]!, v.id, 0)); // changes their mind
    const closed = await close(v);
    const chain = await owners[0]!.client.get<Awaited<ReturnType<typeof votes.tallyChain>> & Record<string, never>>(
      `/api/votes/${v.id}/chain`,
    );
    expect(chain.status, chain.text).toBe(200);
    const body = chain.body as unknown as {
      head: string;
      optionCount: number;
      entries: votes.ChainEntry[];
      result: VoteView['result'];
    };
    expect(body.entries).toHaveLength(5);
    expect(body.head).toBe(closed.result!.chainHead);
    expect(votes.verifyChain(sha256, v.id, body.entries, body.head, body.optionCount)).toBeNull();
    const t2 = votes.tallyChain(body.entries, body.optionCount);
    expect(t2.participants).toEqual({ head: 4n, area: 40000n });
    expect(t2.options.map((w) => Number(w.head))).toEqual(closed.result!.options.map((o) => o.weight.head));
    expect(t2.options.map((w) => w.area.toString())).toEqual(closed.result!.options.map((o) => o.weight.area));
    // A voter finds their receipt's commitment in the downloaded chain (without asking the server).
    for (const receipt of receipts) {
      const c = votes.receiptCommitment(sha256, v.id, receipt);
      expect(body.entries.some((e) => e.commitment === c)).toBe(true);
    }
    // Secret ballot: nothing in the chain names an owner.
    expect(body.entries.every((e) => e.voter === null)).toBe(true);
    // Flipping one choice, dropping an entry or cutting the tail is detected.
    const flipped = body.entries.map((e, i) => (i === 2 ? { ...e, choices: [1] } : e));
    expect(votes.verifyChain(sha256, v.id, flipped, body.head, 3)).toEqual({ seq: 3, problem: 'hash' });
    expect(votes.verifyChain(sha256, v.id, body.entries.slice(0, 4), body.head, 3)).toEqual({
      seq: null,
      problem: 'head',
    });
    expect(votes.verifyChain(sha256, v.id, [body.entries[0]!, ...body.entries.slice(2)], body.head, 3)?.problem).toBe(
      'sequence',
    );
    // The chain is published once the vote is closed, not while it runs.
    const running = await openVote(secretary, demo.A.id, owners278('art278_ordinary'));
    const early = await owners[0]!.client.get(`/api/votes/${running.id}/chain`);
    expect(early.status).toBe(409);
  });

  it('rows in the database match the chain: a changed row would break its hash', async () => {
    const rows = await sql<{ vote_id: string; seq: number; prev_hash: string; hash: string }>`
      SELECT vote_id::text, seq, prev_hash, hash FROM vote_ballot ORDER BY vote_id, seq`.execute(t.database.db);
    const byVote = new Map<string, typeof rows.rows>();
    for (const r of rows.rows) byVote.set(r.vote_id, [...(byVote.get(r.vote_id) ?? []), r]);
    for (const list of byVote.values()) {
      expect(list[0]!.prev_hash).toBe(votes.GENESIS);
      for (let i = 1; i < list.length; i++) expect(list[i]!.prev_hash).toBe(list[i - 1]!.hash);
    }
  });
});
