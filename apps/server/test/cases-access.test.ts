/** Who sees what of a case, the side tracks of the workflow, duplicates, photos, QR reports and the rates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from './case-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

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

  it('lists the departments serving the streets in scope', async () => {
    const names = async (c: TestClient) =>
      (await c.get<{ items: { name: string }[] }>('/api/cases/departments')).body.items.map((d) => d.name);
    expect(await names(secretary)).toEqual(['区城市管理行政执法局', '区建设和管理委员会', '区绿化和市容管理局']);
    expect(await names(await signIn(t, PHONES.secretaryD))).toContain('区市场监督管理局');
    expect(await names(await signIn(t, PHONES.admin))).toHaveLength(4);
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
