/** Photos on cases, courtyard QR reports without an account, and the rates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveChallenge } from '../src/modules/cases/human-check.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  type CaseDetail,
  type CasePage,
  type Category,
  categoryByCode,
  ok,
  placesOfA,
  report,
  uploadPhoto,
} from './case-helpers.ts';
import { type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let resident: TestClient;
let neighbourD: TestClient;
let secretary: TestClient;
let leaks: Category;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  resident = await signIn(t, PHONES.residentA);
  neighbourD = await signIn(t, PHONES.residentD);
  secretary = await signIn(t, PHONES.secretaryA);
  leaks = await categoryByCode(resident, 'SQ06');
});
afterAll(() => t.close());

describe('photos and the courtyard QR code', () => {
  it('serves a case photo to whoever sees the case, never to others', async () => {
    const photo = await uploadPhoto(resident, 200);
    const c = await report(resident, {
      categoryId: leaks.id,
      placeId: placesOfA(demo).building.id,
      attachments: [photo],
    });
    const img = await secretary.get(`/api/cases/${c.id}/attachments/${photo}`);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expectProblem(await neighbourD.get(`/api/cases/${c.id}/attachments/${photo}`), 404, 'not_found');
    // Someone else's upload cannot be attached to my case.
    const theirs = await uploadPhoto(neighbourD, 201);
    await nothingWritten(t, async () => {
      expectProblem(
        await resident.post('/api/cases', {
          categoryId: leaks.id,
          placeId: placesOfA(demo).building.id,
          description: '借用别人的照片',
          attachments: [theirs],
        }),
        422,
        'validation_failed',
        '/attachments/0',
      );
    });
  });

  it('reports without an account after a human check; wrong answers and reused checks are refused', async () => {
    const link = await secretary.get<{ token: string; url: string }>(`/api/case-links/${placesOfA(demo).building.id}`);
    expect(link.status, link.text).toBe(200);
    const anon = t.client();
    anon.ip = '10.9.9.9';
    const info = await anon.get<{
      placeName: string;
      categories: { id: string }[];
      check: { token: string; svg: string };
    }>(`/api/public/report/${link.body.token}`);
    expect(info.status, info.text).toBe(200);
    expect(info.body.check.svg).toMatch(/^<svg/);
    const body = {
      name: '刘阿姨',
      phone: '13700001111',
      address: '1号楼楼下',
      categoryId: leaks.id,
      description: '楼下水管爆了一直在喷水',
      checkToken: info.body.check.token,
    };
    await nothingWritten(t, async () => {
      expectProblem(
        await anon.post(`/api/public/report/${link.body.token}`, { ...body, checkAnswer: '99' }),
        422,
        'human_check_failed',
        '/checkAnswer',
      );
    });
    const answer = solveChallenge(t.platform.keys, info.body.check.token)!;
    const res = await anon.post<{ no: string; trackingKey: string }>(`/api/public/report/${link.body.token}`, {
      ...body,
      checkAnswer: answer,
    });
    expect(res.status, res.text).toBe(201);
    expectProblem(
      await anon.post(`/api/public/report/${link.body.token}`, { ...body, checkAnswer: answer }),
      422,
      'human_check_failed',
    );
    const track = await anon.get<{ status: string; no: string }>(`/api/public/track/${res.body.trackingKey}`);
    expect(track.body).toMatchObject({ no: res.body.no, status: 'submitted' });
    expect(track.text).not.toContain('刘阿姨');
    const inbox = await secretary.get<CasePage>(`/api/cases?box=to_accept&q=${res.body.no}`);
    expect(inbox.body.items[0]).toMatchObject({ source: 'qr', no: res.body.no });
    const detail = await secretary.get<CaseDetail>(`/api/cases/${inbox.body.items[0]!.id}`);
    expect(detail.body.reporters).toEqual([{ name: '刘阿姨', phone: '13700001111' }]);
    // A rotated link retires the old poster.
    await secretary.post(`/api/case-links/${placesOfA(demo).building.id}/rotate`);
    expectProblem(await anon.get(`/api/public/report/${link.body.token}`), 404, 'link_invalid');
  });

  it('limits QR reports per IP', async () => {
    const link = await secretary.get<{ token: string }>(`/api/case-links/${placesOfA(demo).otherBuilding.id}`);
    const anon = t.client();
    anon.ip = '10.9.9.10';
    let last = 0;
    for (let i = 0; i < 7; i++) last = (await anon.post(`/api/public/report/${link.body.token}`, { name: 'x' })).status;
    expect(last).toBe(429);
  });
});

describe('rates', () => {
  it('counts response, resolution, satisfaction and reopening per community, category and department', async () => {
    // One case resolved, rated low and reopened; the demo district adds closed and open ones.
    let c = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    c = await ok(secretary, c, { type: 'accept' });
    c = await ok(secretary, c, { type: 'resolve', note: '已处理' });
    c = await ok(resident, (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body, { type: 'rate', score: 2 });
    await ok(resident, c, { type: 'reopen', note: '没修好' });
    const admin = await signIn(t, PHONES.admin);
    const from = new Date(t.clock.now().getTime() - 60 * 86_400_000).toISOString();
    const byNode = await admin.get<{
      total: Record<string, number | null>;
      rows: { key: string; name: string; total: number }[];
    }>(`/api/case-rates?nodeId=${demo.street1.id}&from=${from}`);
    expect(byNode.status, byNode.text).toBe(200);
    const a = byNode.body.rows.find((r) => r.key === demo.A.id)!;
    expect(a).toMatchObject({ name: '银杏社区' });
    expect(a.total).toBeGreaterThanOrEqual(5);
    expect(byNode.body.total.responseRate).toBeGreaterThan(0);
    expect(byNode.body.total.reopened).toBeGreaterThanOrEqual(1);
    expect(byNode.body.total.averageScore).toBeGreaterThan(0);
    const byCategory = await admin.get<{ rows: { name: string }[] }>(`/api/case-rates?groupBy=category&from=${from}`);
    expect(byCategory.body.rows.map((r) => r.name)).toContain('漏水渗水');
    const byDept = await admin.get<{ rows: { name: string }[] }>(`/api/case-rates?groupBy=department&from=${from}`);
    expect(byDept.body.rows.map((r) => r.name)).toContain('区城市管理行政执法局');
    expectProblem(await resident.get('/api/case-rates'), 403, 'forbidden');
    expectProblem(
      await (await signIn(t, PHONES.secretaryD)).get(`/api/case-rates?nodeId=${demo.A.id}`),
      404,
      'not_found',
    );
  });
});
