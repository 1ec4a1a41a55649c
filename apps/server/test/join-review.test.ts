import { maskIdNumber } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  type Application,
  applicant,
  auditSearch,
  type Demo,
  emptyRooms,
  expectProblem,
  joinToken,
  loadDemo,
  type Me,
  nothingWritten,
  type Page,
  PHONES,
  signIn,
} from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
let committee: TestClient;
let rooms: string[];
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
  committee = await signIn(t, PHONES.committeeA);
  demo = await loadDemo(t, admin);
  rooms = await emptyRooms(t, demo.A.id);
  token = await joinToken(secretary, demo.A.id);
});
afterAll(() => t.close());

interface Applied {
  client: TestClient;
  app: Application;
  body: ReturnType<typeof applicant>;
}
let roomIndex = 0;
async function newApplicant(): Promise<Applied> {
  const client = t.client();
  const body = applicant({ addressNodeId: rooms[roomIndex++] });
  const res = await client.post<{ application: Application }>(`/api/join/${token}/applications`, body);
  expect(res.status, res.text).toBe(201);
  return { client, app: res.body.application, body };
}

type Home = {
  community: { id: string; name: string };
  myHome: { address: string; gridName: string | null; householdMembers: { name: string; relation: string }[] } | null;
  contacts: { role: string; name: string }[];
  stats: { households: number; verifiedResidents: number; grids: number; buildings: number };
};
const homeOf = async (c: TestClient) => c.get<Home>(`/api/communities/${demo.A.id}/home`);
const decide = (c: TestClient, id: string, how: 'approve' | 'reject', body: Record<string, unknown>) =>
  c.post<Application>(`/api/join-applications/${id}/${how}`, body);

describe('approval', () => {
  it('makes the applicant a resident at their room with a household, visible on the community home', async () => {
    const a = await newApplicant();
    const before = (await homeOf(secretary)).body.stats;
    const detail = await secretary.get<Application>(`/api/join-applications/${a.app.id}`);
    expect(detail.body).toMatchObject({ status: 'pending', version: 1, abilities: { approve: true, revealId: true } });

    const res = await decide(secretary, a.app.id, 'approve', { version: 1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decidedByName: '孙丽', version: 2 });
    expect(res.body.abilities).toMatchObject({ approve: false, reject: false });

    const me = await a.client.get<{ me: Me }>('/api/auth/me');
    expect(me.body.me.homeCommunityId).toBe(demo.A.id);
    expect(me.body.me.grants).toEqual([
      expect.objectContaining({ role: 'resident', nodeId: a.body.addressNodeId, nodeType: 'room' }),
    ]);
    expect(me.body.me.grants[0]!.trail.slice(0, 3)).toEqual(['临江区', '青松街道', '银杏社区']);

    const home = await homeOf(a.client);
    expect(home.status, home.text).toBe(200);
    const room = demo.byId.get(a.body.addressNodeId as string)!;
    expect(home.body.community).toMatchObject({ id: demo.A.id, name: '银杏社区' });
    expect(home.body.myHome?.address).toBe(a.app.address);
    expect(home.body.myHome?.address.endsWith(room.name)).toBe(true);
    expect(home.body.myHome?.gridName).toMatch(/网格$/);
    expect(home.body.myHome?.householdMembers).toEqual([{ name: a.body.name, relation: 'head' }]);
    expect(home.body.contacts.map((k) => k.name)).toContain('孙丽');
    expect(home.body.stats).toEqual({
      ...before,
      households: before.households + 1,
      verifiedResidents: before.verifiedResidents + 1,
    });
    const audit = await auditSearch(admin, { action: 'join.application.approve' });
    expect(audit.find((e) => e.resourceId === a.app.id)).toMatchObject({
      actorName: '孙丽',
      actorRole: 'community_secretary',
      nodeId: demo.A.id,
    });
  });

  it('refuses a second approval with 409 and changes nothing', async () => {
    const a = await newApplicant();
    expect((await decide(secretary, a.app.id, 'approve', { version: 1 })).status).toBe(200);
    await nothingWritten(t, async () => {
      expect((await decide(secretary, a.app.id, 'approve', { version: 1 })).status).toBe(409);
      expectProblem(await decide(committee, a.app.id, 'approve', { version: 2 }), 409, 'already_decided');
      expectProblem(
        await decide(committee, a.app.id, 'reject', { version: 2, reason: '重复' }),
        409,
        'already_decided',
      );
    });
  });

  it('lets exactly one of two cadres approving at once win; the other gets 409', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await newApplicant();
      const results = await Promise.all([
        decide(secretary, a.app.id, 'approve', { version: 1 }),
        decide(committee, a.app.id, 'approve', { version: 1 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const userId = (await a.client.get<{ me: Me }>('/api/auth/me')).body.me.user.id;
      const counts = await sql<{ grants: string; persons: string }>`SELECT
        (SELECT count(*) FROM role_grant WHERE user_id = ${userId}) AS grants,
        (SELECT count(*) FROM person WHERE phone = ${a.body.phone}) AS persons`.execute(t.database.db);
      expect(counts.rows[0]).toEqual({ grants: '1', persons: '1' });
      const audit = await auditSearch(admin, { action: 'join.application.approve' });
      expect(audit.filter((e) => e.resourceId === a.app.id)).toHaveLength(1);
    }
  });

  it('refuses a stale version with 409 version_conflict', async () => {
    const a = await newApplicant();
    expectProblem(
      await nothingWritten(t, () => decide(secretary, a.app.id, 'approve', { version: 7 })),
      409,
      'version_conflict',
    );
  });
});

describe('rejection', () => {
  it('needs a reason, which the applicant then sees with the status', async () => {
    const a = await newApplicant();
    expectProblem(
      await nothingWritten(t, () => decide(secretary, a.app.id, 'reject', { version: 1 })),
      422,
      'validation_failed',
      '/reason',
    );
    const res = await decide(secretary, a.app.id, 'reject', { version: 1, reason: '  所填房间与登记住户不符  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', reason: '所填房间与登记住户不符' });
    const mine = await a.client.get<{ items: Application[] }>('/api/me/applications');
    expect(mine.body.items[0]).toMatchObject({
      status: 'rejected',
      reason: '所填房间与登记住户不符',
      decidedByName: '孙丽',
    });
    expect((await a.client.get<{ me: Me }>('/api/auth/me')).body.me.homeCommunityId).toBeNull();
    // A rejected applicant may apply again with the same ID number.
    const again = await a.client.post(`/api/join/${token}/applications`, { ...a.body, password: undefined });
    expect(again.status, again.text).toBe(201);
  });
});

describe('ID numbers', () => {
  it('are masked (first 4, stars, last 4) in every response and shown in full only by an audited reveal', async () => {
    const a = await newApplicant();
    const full = a.body.idNumber;
    const masked = `${full.slice(0, 4)}${'*'.repeat(10)}${full.slice(-4)}`;
    expect(maskIdNumber(full)).toBe(masked);
    const views = [
      a.app,
      (await a.client.get<{ items: Application[] }>('/api/me/applications')).body.items[0]!,
      (await secretary.get<Application>(`/api/join-applications/${a.app.id}`)).body,
      (await secretary.get<Page<Application>>(`/api/join-applications?q=${encodeURIComponent(a.body.name)}`)).body
        .items[0]!,
      (await decide(secretary, a.app.id, 'approve', { version: 1 })).body,
    ];
    for (const v of views) {
      expect(v.idNumberMasked).toBe(masked);
      expect(JSON.stringify(v)).not.toContain(full);
    }
    expect(JSON.stringify(await a.client.get('/api/auth/me'))).not.toContain(full);
    expect(JSON.stringify((await homeOf(a.client)).body)).not.toContain(full);

    expectProblem(
      await nothingWritten(t, () => secretary.post(`/api/join-applications/${a.app.id}/reveal-id`, {})),
      422,
      'validation_failed',
      '/purpose',
    );
    const reveal = await secretary.post<{ idNumber: string }>(`/api/join-applications/${a.app.id}/reveal-id`, {
      purpose: '核对户籍登记',
    });
    expect(reveal.status).toBe(200);
    expect(reveal.body.idNumber).toBe(full);
    const audit = await auditSearch(admin, { action: 'person.id_number.reveal' });
    expect(audit.filter((e) => e.resourceId === a.app.id)).toEqual([
      expect.objectContaining({
        actorName: '孙丽',
        actorRole: 'community_secretary',
        nodeId: demo.A.id,
        requestId: reveal.headers['x-request-id'],
        detail: { purpose: '核对户籍登记' },
      }),
    ]);
  });

  it('cannot be revealed by residents, grid workers, the applicant or another community', async () => {
    const a = await newApplicant();
    const url = `/api/join-applications/${a.app.id}/reveal-id`;
    const body = { purpose: '想看看' };
    const resident = await signIn(t, PHONES.residentA);
    const grid = await signIn(t, PHONES.gridWorkerA1);
    const otherSecretary = await signIn(t, PHONES.secretaryD);
    await nothingWritten(t, async () => {
      expectProblem(await resident.post(url, body), 403, 'forbidden');
      expectProblem(await grid.post(url, body), 403, 'forbidden');
      expectProblem(await a.client.post(url, body), 403, 'forbidden');
      expectProblem(await otherSecretary.post(url, body), 404, 'not_found');
    });
  });
});

describe('QR code of the join link', () => {
  it('is a PNG or an SVG for cadres of the community, and nothing for others', async () => {
    const png = await t.app.inject({
      url: `/api/communities/${demo.A.id}/join-link/qr.png`,
      headers: { cookie: secretary.cookie! },
    });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.rawPayload.length).toBeGreaterThan(1000);
    const svg = await secretary.get(`/api/communities/${demo.A.id}/join-link/qr.svg`);
    expect(svg.status).toBe(200);
    expect(String(svg.headers['content-type'])).toMatch(/^image\/svg\+xml/);
    expect(svg.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await secretary.get(`/api/communities/${demo.A.id}/join-link/qr.gif`)).status).toBe(422);
    expectProblem(
      await (await signIn(t, PHONES.residentA)).get(`/api/communities/${demo.A.id}/join-link/qr.png`),
      403,
      'forbidden',
    );
    expectProblem(
      await (await signIn(t, PHONES.secretaryD)).get(`/api/communities/${demo.A.id}/join-link/qr.svg`),
      404,
      'not_found',
    );
    expectProblem(await t.client().get(`/api/communities/${demo.A.id}/join-link/qr.png`), 401, 'unauthenticated');
  });
});
