import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';
import { openVote, residentAt, roomsOf, type Voter, type VoteView, voteNothingWritten, yesNo } from './vote-helpers.ts';

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let building1: string;
let building2: string;
/** Heads of three households in building 1 and a household member (a proxy) of the first. */
let heads: Voter[];
let member: Voter;
/** A resident of building 2 (outside building 1's votes). */
let outsider: Voter;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  const buildings = demo.under(demo.A, 'building');
  building1 = buildings[0]!.id;
  building2 = buildings[1]!.id;
  const rooms = await roomsOf(t, building1);
  heads = [];
  for (const r of rooms.slice(0, 3)) heads.push(await residentAt(t, r.id, { head: true }));
  member = await residentAt(t, heads[0]!.roomId);
  outsider = await residentAt(t, (await roomsOf(t, building2))[0]!.id, { head: true });
});
afterAll(() => t.close());

const ballot = (v: Voter | TestClient, id: string, choices: number[]) =>
  ('client' in v ? v.client : v).post<{ receipt: string; seq: number; proxy: boolean; supersedes: number | null }>(
    `/api/votes/${id}/ballots`,
    { choices },
  );
const get = (c: TestClient, id: string) => c.get<VoteView>(`/api/votes/${id}`);

describe('drafting a vote', () => {
  it('only the committee drafts votes: residents and cadres of another community get 4xx, nothing written', async () => {
    const secretaryD = await signIn(t, PHONES.secretaryD);
    const gridWorker = await signIn(t, PHONES.gridWorkerA1);
    for (const c of [heads[0]!.client, secretaryD, gridWorker]) {
      const res = await voteNothingWritten(t, () => c.post(`/api/communities/${demo.A.id}/votes`, yesNo(t)));
      expect([403, 404], res.text).toContain(res.status);
    }
  });

  it('refuses bad drafts field by field, nothing written', async () => {
    const url = `/api/communities/${demo.A.id}/votes`;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: '   ' }, 'empty', '/title'],
      [{ question: ' ' }, 'empty', '/question'],
      [{ kind: 'single', options: ['只有一个'] }, 'too_few_options', '/options'],
      [{ kind: 'single', options: ['甲', '甲'] }, 'duplicate_option', '/options'],
      [{ kind: 'multiple', options: ['甲', '乙'], maxChoices: 3 }, 'max_choices_out_of_range', '/maxChoices'],
      [{ preset: 'art278_major' }, 'art278_needs_owners', '/electorate'],
      [{ preset: 'custom' }, 'thresholds_required', '/thresholds'],
      [
        {
          preset: 'custom',
          thresholds: { participation: null, approval: { num: 3, den: 2, strict: false }, measures: ['head'] },
        },
        'bad_ratio',
        '/thresholds/approval',
      ],
      [
        {
          preset: 'custom',
          thresholds: { participation: null, approval: { num: 1, den: 2, strict: true }, measures: ['area'] },
        },
        'area_needs_owners',
        '/electorate',
      ],
      [{ deadline: new Date(t.clock.now().getTime() - 1000).toISOString() }, 'deadline_past', '/deadline'],
      [{ scopeNodeIds: [demo.D.id] }, 'unknown_node', '/scopeNodeIds/0'],
    ];
    for (const [over, code, path] of cases) {
      const res = await voteNothingWritten(t, () => secretary.post(url, yesNo(t, over)));
      expectProblem(res, 422, code, path);
    }
    const proposal = await voteNothingWritten(t, () =>
      secretary.post(url, yesNo(t, { proposalId: '6b1f3c7e-0000-4000-8000-000000000001' })),
    );
    expectProblem(proposal, 404, 'proposal_not_found');
  });

  it('a draft is invisible to residents; voting on it is refused; opening snapshots the electorate', async () => {
    const d = await secretary.post<VoteView>(
      `/api/communities/${demo.A.id}/votes`,
      yesNo(t, { scopeNodeIds: [building1] }),
    );
    expect(d.status, d.text).toBe(201);
    expect(d.body.status).toBe('draft');
    expectProblem(await get(heads[0]!.client, d.body.id), 404, 'not_found');
    await voteNothingWritten(t, async () => {
      const res = await ballot(heads[0]!, d.body.id, [0]);
      expect(res.status).toBe(404);
    });
    const list = await heads[0]!.client.get<{ items: { id: string }[] }>(`/api/communities/${demo.A.id}/votes`);
    expect(list.body.items.map((v) => v.id)).not.toContain(d.body.id);
    const o = await secretary.post<VoteView>(`/api/votes/${d.body.id}/open`, { version: d.body.version });
    expect(o.status, o.text).toBe(200);
    expect(o.body.status).toBe('open');
    // Every household living in building 1 is one elector.
    const households = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM household h JOIN org_node r ON r.id = h.address_node_id
      WHERE r.path LIKE ${`${demo.byId.get(building1)!.path}%`}`.execute(t.database.db);
    expect(o.body.electors).toBe(households.rows[0]!.n);
    expectProblem(
      await secretary.post(`/api/votes/${d.body.id}/open`, { version: o.body.version }),
      409,
      'vote_not_draft',
    );
    const events = await sql<{ payload: { voteId: string; proposalId: null } }>`
      SELECT payload FROM outbox WHERE topic = 'vote.opened'`.execute(t.database.db);
    expect(events.rows.map((e) => e.payload)).toContainEqual({
      voteId: d.body.id,
      communityId: demo.A.id,
      proposalId: null,
    });
  });
});

describe('casting ballots', () => {
  it('a head votes for the household, a member is recorded as proxy; outsiders, repeats and bad choices are refused', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1] }));
    const first = await ballot(heads[1]!, v.id, [0]);
    expect(first.status, first.text).toBe(201);
    expect(first.body.proxy).toBe(false);
    expect(first.body.receipt).toMatch(/^[0-9a-f]{32}$/);
    const proxy = await ballot(member, v.id, [1]);
    expect(proxy.status, proxy.text).toBe(201);
    expect(proxy.body.proxy).toBe(true);
    const refused: [Voter, number[], number, string][] = [
      [heads[0]!, [0], 409, 'already_voted'], // the member already voted for this household
      [heads[1]!, [1], 409, 'already_voted'],
      [outsider, [0], 403, 'not_in_electorate'],
      [heads[2]!, [3], 422, 'option_out_of_range'],
      [heads[2]!, [0, 1], 422, 'too_many_choices'],
      [heads[2]!, [1, 1], 422, 'duplicate_choice'],
    ];
    for (const [who, choices, status, code] of refused) {
      const res = await voteNothingWritten(t, () => ballot(who, v.id, choices));
      expectProblem(res, status, code);
    }
    const mine = await get(heads[0]!.client, v.id);
    expect(mine.body.me).toMatchObject({ eligible: true, proxy: false, choices: [1] });
    expect(mine.body.abilities.cast).toBe(false);
    // The committee watches turnout by building while the vote is open; residents do not.
    const watch = await get(secretary, v.id);
    expect(watch.body.turnout!.reduce((s, b) => s + b.voted, 0)).toBe(2);
    expect(mine.body.turnout).toBeNull();
    expect(mine.body.result).toBeNull();
  });

  it('without proxies a member cannot vote for the household', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1], proxyAllowed: false }));
    expectProblem(await voteNothingWritten(t, () => ballot(member, v.id, [0])), 403, 'not_in_electorate');
    expect((await ballot(heads[0]!, v.id, [0])).status).toBe(201);
  });

  it('a changeable ballot supersedes the earlier one: the old receipt stays in the chain but no longer counts', async () => {
    const v = await openVote(
      secretary,
      demo.A.id,
      yesNo(t, { scopeNodeIds: [building1], changeable: true, secret: true }),
    );
    const a = await ballot(heads[0]!, v.id, [0]);
    const b = await ballot(member, v.id, [1]);
    expect(b.status, b.text).toBe(201);
    expect(b.body.supersedes).toBe(a.body.seq);
    const check = (receipt: string) =>
      heads[0]!.client.post<{ included: boolean; current: boolean }>(`/api/votes/${v.id}/receipt-check`, { receipt });
    expect((await check(a.body.receipt)).body).toMatchObject({ included: true, current: false });
    expect((await check(b.body.receipt)).body).toMatchObject({ included: true, current: true });
    expect((await check('0'.repeat(32))).body).toMatchObject({ included: false });
    const closed = await secretary.post<VoteView>(`/api/votes/${v.id}/close`, { version: v.version });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.result!.ballots).toBe(1);
    expect(closed.body.result!.options.map((o) => o.weight.head)).toEqual([0, 1, 0]);
  });

  it('secret ballots: no voter in the chain, the audit has no choice, the voter link is sealed', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1], secret: true }));
    expect((await ballot(heads[2]!, v.id, [1])).status).toBe(201);
    const me = await get(heads[2]!.client, v.id);
    expect(me.body.me.votedAt).not.toBeNull();
    expect(me.body.me.choices).toBeNull();
    const casts = await sql<{ entry: string }>`SELECT entry FROM vote_cast WHERE vote_id = ${v.id}`.execute(
      t.database.db,
    );
    // Sealed: the receipt commitment it points at is encrypted.
    expect(casts.rows[0]!.entry).toMatch(/^v1\./);
    const audit = await sql<{ detail: Record<string, unknown> }>`
      SELECT detail FROM audit_log WHERE resource_id = ${v.id} AND action = 'vote.ballot.cast'`.execute(t.database.db);
    expect(audit.rows[0]!.detail).toEqual({ proxy: false });
    await secretary.post(`/api/votes/${v.id}/close`, { version: v.version });
    const chain = await heads[0]!.client.get<{ entries: { voter: string | null; choices: number[] }[] }>(
      `/api/votes/${v.id}/chain`,
    );
    expect(chain.status, chain.text).toBe(200);
    expect(chain.body.entries).toHaveLength(1);
    expect(chain.body.entries[0]!.voter).toBeNull();
    expect(JSON.stringify(chain.body)).not.toContain(heads[2]!.userId);
  });
});

describe('closing', () => {
  it('the deadline closes the vote through the clock-driven job; ballots after it are refused', async () => {
    const deadline = new Date(t.clock.now().getTime() + 5 * 60_000).toISOString();
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1], deadline }));
    expect((await ballot(heads[0]!, v.id, [0])).status).toBe(201);
    t.clock.advanceMinutes(6);
    expectProblem(await voteNothingWritten(t, () => ballot(heads[1]!, v.id, [0])), 409, 'vote_deadline_passed');
    await t.runJobs();
    const after = await get(heads[1]!.client, v.id);
    expect(after.body.status).toBe('closed');
    expect(after.body.result!.ballots).toBe(1);
    // 1 of 1 ballots said yes: more than half of those who voted.
    expect(after.body.result!.adopted).toBe(true);
    expect(after.body.turnout!.reduce((s, b) => s + b.voted, 0)).toBe(1);
    const events = await sql<{
      payload: Record<string, unknown>;
    }>`SELECT payload FROM outbox WHERE topic = 'vote.closed'`.execute(t.database.db);
    expect(events.rows.map((e) => e.payload)).toContainEqual({
      voteId: v.id,
      communityId: demo.A.id,
      proposalId: null,
      adopted: true,
    });
  });

  it('the committee closes by hand; a closed vote cannot change, not even by SQL', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1], changeable: true }));
    expect((await ballot(heads[0]!, v.id, [0])).status).toBe(201);
    expectProblem(
      await voteNothingWritten(t, () => heads[0]!.client.post(`/api/votes/${v.id}/close`, { version: v.version })),
      403,
      'forbidden',
    );
    const closed = await secretary.post<VoteView>(`/api/votes/${v.id}/close`, { version: v.version });
    expect(closed.status, closed.text).toBe(200);
    expectProblem(await voteNothingWritten(t, () => ballot(heads[0]!, v.id, [1])), 409, 'vote_closed');
    expectProblem(
      await secretary.post(`/api/votes/${v.id}/close`, { version: closed.body.version }),
      409,
      'vote_closed',
    );
    const db = t.database.db;
    await expect(sql`UPDATE vote_ballot SET choices = '{1}' WHERE vote_id = ${v.id}`.execute(db)).rejects.toThrow();
    await expect(sql`DELETE FROM vote_cast WHERE vote_id = ${v.id}`.execute(db)).rejects.toThrow();
    await expect(sql`UPDATE vote SET result = '{}' WHERE id = ${v.id}`.execute(db)).rejects.toThrow(/closed vote/);
    await expect(
      sql`INSERT INTO vote_ballot (community_id, vote_id, seq, commitment, choices, head_weight, area, prev_hash, hash)
        VALUES (${demo.A.id}, ${v.id}, 99, 'c', '{1}', 1, 0, 'p', 'h')`.execute(db),
    ).rejects.toThrow(/not open/);
  });
});

describe('a proposal’s vote', () => {
  it('is held only while the proposal is in consultation, takes the proposal’s scope and names it in events', async () => {
    const p = await secretary.post<{ id: string; version: number; stage: string }>(
      `/api/communities/${demo.A.id}/proposals`,
      {
        title: '1号楼加装电梯',
        background: '1号楼住户多为老人,上下楼困难。',
        question: '是否在1号楼加装电梯?',
        scopeKind: 'building',
        scopeNodeIds: [building1],
      },
    );
    expect(p.status, p.text).toBe(201);
    const url = `/api/communities/${demo.A.id}/votes`;
    const early = await voteNothingWritten(t, () => secretary.post(url, yesNo(t, { proposalId: p.body.id })));
    expectProblem(early, 409, 'proposal_not_votable');
    const screened = await secretary.post<{ stage: string }>(`/api/proposals/${p.body.id}/screen`, {
      version: p.body.version,
      decision: 'approve',
    });
    expect(screened.status, screened.text).toBe(200);
    expect(screened.body.stage).toBe('consulting');
    const v = await openVote(secretary, demo.A.id, yesNo(t, { proposalId: p.body.id }));
    expect(v.proposalId).toBe(p.body.id);
    expect(v.scope.map((n) => n.id)).toEqual([building1]);
    const listed = await heads[0]!.client.get<{ items: { id: string }[] }>(`${url}?proposalId=${p.body.id}`);
    expect(listed.body.items.map((x) => x.id)).toEqual([v.id]);
    await heads[0]!.client.post(`/api/votes/${v.id}/ballots`, { choices: [0] });
    await secretary.post(`/api/votes/${v.id}/close`, { version: v.version });
    const events = await sql<{ topic: string; payload: Record<string, unknown> }>`
      SELECT topic, payload FROM outbox WHERE topic LIKE 'vote.%' AND payload->>'voteId' = ${v.id} ORDER BY id`.execute(
      t.database.db,
    );
    expect(events.rows).toEqual([
      { topic: 'vote.opened', payload: { voteId: v.id, communityId: demo.A.id, proposalId: p.body.id } },
      { topic: 'vote.closed', payload: { voteId: v.id, communityId: demo.A.id, proposalId: p.body.id, adopted: true } },
    ]);
  });
});

describe('isolation', () => {
  it('another community’s cadres and residents get 404 on A’s votes; listings stay empty', async () => {
    const v = await openVote(secretary, demo.A.id, yesNo(t, { scopeNodeIds: [building1] }));
    const secretaryD = await signIn(t, PHONES.secretaryD);
    const residentD = await signIn(t, PHONES.residentD);
    for (const c of [secretaryD, residentD]) {
      expect((await get(c, v.id)).status).toBe(404);
      expect((await c.get(`/api/communities/${demo.A.id}/votes`)).status).toBe(404);
      const w = await voteNothingWritten(t, () => c.post(`/api/votes/${v.id}/ballots`, { choices: [0] }));
      expect([403, 404]).toContain(w.status);
      const cl = await voteNothingWritten(t, () => c.post(`/api/votes/${v.id}/close`, { version: v.version }));
      expect([403, 404]).toContain(cl.status);
    }
    const listD = await secretaryD.get<{ items: unknown[] }>(`/api/communities/${demo.D.id}/votes`);
    expect(listD.status).toBe(200);
    expect(listD.body.items).toEqual([]);
  });
});
