/** Who sees what of a case, the side tracks of the workflow, duplicates, photos, QR reports and the rates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveChallenge } from '../src/modules/cases/human-check.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  act,
  type CaseDetail,
  type CasePage,
  type Category,
  categoryByCode,
  departmentIdOf,
  inFuture,
  ok,
  placesOfA,
  report,
  tinyPng,
  uploadPhoto,
} from './case-helpers.ts';
import { type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let resident: TestClient;
let neighbourD: TestClient;
let secretary: TestClient;
let dispatcher: TestClient;
let leaks: Category;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  resident = await signIn(t, PHONES.residentA);
  neighbourD = await signIn(t, PHONES.residentD);
  secretary = await signIn(t, PHONES.secretaryA);
  dispatcher = await signIn(t, PHONES.dispatcher);
  leaks = await categoryByCode(resident, 'SQ06');
});
afterAll(() => t.close());

describe('visibility', () => {
  it('a public case shows neighbours what happened without who reported it or where exactly', async () => {
    const { room } = placesOfA(demo);
    const c = await report(resident, {
      categoryId: leaks.id,
      placeId: room.id,
      public: true,
      address: '1号楼2单元301',
    });
    const committee = await signIn(t, PHONES.committeeA);
    await ok(secretary, c, { type: 'accept' });
    // A neighbour in the same community: another account granted in A. The grid worker is staff, so use
    // the public listing as the resident D cannot see it at all.
    const pub = await resident.get<CasePage>('/api/cases/public');
    const listed = pub.body.items.find((x) => x.id === c.id)!;
    // The public list names the building, never the room (门牌).
    expect(listed.placeName).toBe(
      demo.byId.get(room.parentId!)?.type === 'building'
        ? demo.byId.get(room.parentId!)!.name
        : demo.byId.get(demo.byId.get(room.parentId!)!.parentId!)!.name,
    );
    expect(pub.text).not.toContain(room.name);
    resident.lang = 'en';
    expect(
      (await resident.get<CasePage>('/api/cases/public')).body.items.find((x) => x.id === c.id)!.categoryName,
    ).toBe('Leaks');
    resident.lang = 'zh-CN';
    expect((await neighbourD.get<CasePage>('/api/cases/public')).body.items.map((x) => x.id)).not.toContain(c.id);
    expectProblem(await neighbourD.get(`/api/cases/${c.id}`), 404, 'not_found');
    const staff = (await committee.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(staff).toMatchObject({ view: 'full', address: '1号楼2单元301' });
    expect(staff.placePath.at(-1)).toBe(room.name);
  });

  it('a neighbour reads the public view: no reporter, no room, no address, no actor names', async () => {
    // A second resident of A is approved through the join flow in other tests; here the reporter reads
    // someone else's public case by making a case public as another reporter (the grid worker, on patrol).
    const grid = await signIn(t, PHONES.gridWorkerA1);
    const { room } = placesOfA(demo);
    const patrol = await grid.post<CaseDetail>('/api/cases', {
      categoryId: leaks.id,
      placeId: room.id,
      description: '巡查发现楼道水管渗漏',
      source: 'patrol',
      public: true,
    });
    expect(patrol.status, patrol.text).toBe(201);
    const seen = await resident.get<CaseDetail>(`/api/cases/${patrol.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ view: 'public', reporters: [], address: '', location: null, allowed: [] });
    expect(seen.body.placePath).not.toContain(room.name);
    expect(seen.body.timeline.every((e) => e.actor === null)).toBe(true);
    expect(seen.text).not.toContain('李强');
    // A private patrol report is not visible to the neighbour at all.
    const hidden = await grid.post<CaseDetail>('/api/cases', {
      categoryId: leaks.id,
      placeId: room.id,
      description: '巡查发现有住户群租',
      source: 'patrol',
    });
    expectProblem(await resident.get(`/api/cases/${hidden.body.id}`), 404, 'not_found');
  });

  it('residents pick among their own community’s grids and buildings, never rooms or other communities', async () => {
    const mine = await resident.get<{ community: { name: string }; places: { type: string; name: string }[] }>(
      '/api/cases/places',
    );
    expect(mine.body.community.name).toBe('银杏社区');
    expect(mine.body.places.map((p) => p.name)).toContain(placesOfA(demo).building.name);
    expect(new Set(mine.body.places.map((p) => p.type))).toEqual(new Set(['grid', 'building']));
    expectProblem(await neighbourD.get(`/api/cases/places?communityId=${demo.A.id}`), 404, 'not_found');
  });

  it('a department sees only cases dispatched to it', async () => {
    const c = await report(resident, {
      categoryId: (await categoryByCode(resident, 'SJ0101')).id,
      placeId: placesOfA(demo).building.id,
    });
    const dept = await signIn(t, PHONES.department);
    expectProblem(await dept.get(`/api/cases/${c.id}`), 404, 'not_found');
    const k = await ok(dispatcher, (await dispatcher.get<CaseDetail>(`/api/cases/${c.id}`)).body, { type: 'register' });
    await ok(dispatcher, k, {
      type: 'dispatch',
      assignments: [{ departmentId: await departmentIdOf(t, 'cgj'), deadline: inFuture(t, 1) }],
    });
    expect((await dept.get(`/api/cases/${c.id}`)).status).toBe(200);
    const other = await signIn(t, PHONES.departmentJsw);
    expectProblem(await other.get(`/api/cases/${c.id}`), 404, 'not_found');
  });
});

describe('side tracks', () => {
  it('cancel before acceptance; reopen within 7 days goes back to the handler; not after', async () => {
    const a = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    expect((await ok(resident, a, { type: 'cancel' })).status).toBe('cancelled');

    let c = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    c = await ok(secretary, c, { type: 'accept' });
    c = await ok(secretary, c, { type: 'resolve', note: '已联系物业修好' });
    c = await ok(resident, (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body, {
      type: 'rate',
      score: 2,
      comment: '还在漏',
    });
    c = await ok(resident, c, { type: 'reopen', note: '第二天又漏了' });
    expect(c).toMatchObject({ status: 'accepted', reopenCount: 1 });
    c = await ok(secretary, (await secretary.get<CaseDetail>(`/api/cases/${c.id}`)).body, {
      type: 'resolve',
      note: '更换了整段水管',
    });
    c = await ok(resident, (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body, { type: 'rate', score: 5 });
    t.clock.advance(8 * 86_400_000);
    const fresh = await signIn(t, PHONES.residentA);
    expectProblem(await act(fresh, c.id, c.version, { type: 'reopen', note: '又坏了' }), 409, 'reopen_window_passed');
    t.clock.advance(-8 * 86_400_000); // back, so the other tests' sessions stay fresh
  });

  it('urge, park with a review date, and a joint on-site meeting (吹哨) with attendance and minutes', async () => {
    const cgj = await departmentIdOf(t, 'cgj');
    const jsw = await departmentIdOf(t, 'jsw');
    let c = await report(resident, {
      categoryId: (await categoryByCode(resident, 'SJ0502')).id,
      placeId: placesOfA(demo).building.id,
    });
    const d = await signIn(t, PHONES.dispatcher);
    c = await ok(d, (await d.get<CaseDetail>(`/api/cases/${c.id}`)).body, { type: 'register' });
    c = await ok(d, c, { type: 'summon', at: inFuture(t, 1), place: '银杏社区会议室', departmentIds: [cgj, jsw] });
    const dept = await signIn(t, PHONES.department);
    c = await ok(dept, (await dept.get<CaseDetail>(`/api/cases/${c.id}`)).body, {
      type: 'confirmAttendance',
      departmentId: cgj,
      attend: true,
    });
    c = await ok(d, (await d.get<CaseDetail>(`/api/cases/${c.id}`)).body, {
      type: 'recordMeeting',
      minutes: '城管与建管委现场会商群租整治方案',
      agreedActions: ['城管三日内上门核查', '建管委通知房东整改'],
    });
    expect(c.meetings[0]).toMatchObject({
      status: 'held',
      agreedActions: ['城管三日内上门核查', '建管委通知房东整改'],
    });
    expect(c.meetings[0]!.invitees).toEqual(
      expect.arrayContaining([expect.objectContaining({ departmentId: cgj, attendance: 'confirmed' })]),
    );
    c = await ok(await signIn(t, PHONES.admin), c, { type: 'urge', level: 'red', note: '群租隐患大，限期办理' });
    expect(c.urged).toBe('red');
    expectProblem(await act(d, c.id, c.version, { type: 'park', reviewAt: inFuture(t, 30) }), 400, 'reason_required');
    c = await ok(d, c, { type: 'park', reviewAt: inFuture(t, 30), note: '房东失联，待司法程序' });
    expect(c).toMatchObject({ status: 'parked', parked: { reason: '房东失联，待司法程序' } });
    const parked = await d.get<CasePage>('/api/cases?box=parked');
    expect(parked.body.items.map((x) => x.id)).toContain(c.id);
  });
});

describe('duplicates, merging and bulk acceptance', () => {
  it('suggests an open case in the same building with similar text, merges it, and both reporters follow', async () => {
    const { building } = placesOfA(demo);
    const first = await report(resident, {
      categoryId: leaks.id,
      placeId: building.id,
      description: '楼道天花板漏水，墙面发霉',
    });
    const grid = await signIn(t, PHONES.gridWorkerA1);
    const q = `categoryId=${leaks.id}&placeId=${building.id}&text=${encodeURIComponent('楼道漏水很严重')}`;
    const suggestions = await grid.get<{ items: (CaseDetail & { similarity: number; sameBuilding: boolean })[] }>(
      `/api/cases/duplicates?${q}`,
    );
    const hit = suggestions.body.items.find((x) => x.id === first.id)!;
    expect(hit).toMatchObject({ sameBuilding: true });
    expect(hit.similarity).toBeGreaterThan(0);
    expect(suggestions.body.items.every((x) => x.sameBuilding && x.categoryId === leaks.id)).toBe(true);
    const second = (
      await grid.post<CaseDetail>('/api/cases', {
        categoryId: leaks.id,
        placeId: building.id,
        description: '楼道漏水很严重',
        source: 'patrol',
      })
    ).body;
    const merged = await secretary.post<CaseDetail>(`/api/cases/${second.id}/merge`, {
      version: second.version,
      targetId: first.id,
      targetVersion: first.version,
    });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.mergedFrom).toEqual([{ id: second.id, no: second.no }]);
    const mine = await grid.get<CasePage>('/api/cases/mine');
    expect(mine.body.items.map((x) => x.id)).toContain(first.id); // the patrol reporter now follows the target
  });

  it('bulk-accepts what it may, reports what it may not', async () => {
    const a = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    const b = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).otherBuilding.id });
    const res = await secretary.post<{ results: { id: string; ok: boolean; code?: string }[] }>(
      '/api/cases/bulk-accept',
      {
        items: [
          { id: a.id, version: 1 },
          { id: b.id, version: 7 },
        ],
      },
    );
    expect(res.body.results).toEqual([
      { id: a.id, ok: true, version: 2 },
      { id: b.id, ok: false, code: 'version_conflict', version: 7 },
    ]);
  });
});

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
    expect(tinyPng().length).toBeGreaterThan(0);
  });
});

describe('rates', () => {
  it('counts response, resolution, satisfaction and reopening per community, category and department', async () => {
    const admin = await signIn(t, PHONES.admin);
    const from = new Date(t.clock.now().getTime() - 60 * 86_400_000).toISOString();
    const byNode = await admin.get<{
      total: Record<string, number | null>;
      rows: { key: string; name: string; total: number }[];
    }>(`/api/case-rates?nodeId=${demo.street1.id}&from=${from}`);
    expect(byNode.status, byNode.text).toBe(200);
    const a = byNode.body.rows.find((r) => r.key === demo.A.id)!;
    expect(a).toMatchObject({ name: '银杏社区' });
    expect(a.total).toBeGreaterThan(5);
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
