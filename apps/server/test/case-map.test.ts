import { type api, geo } from '@linli/contracts';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type CasePage, categoryByCode, placesOfA, report } from './case-helpers.ts';
import { type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

type CaseMap = Static<typeof api.caseMap.CaseMap>;

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let secretaryD: TestClient;
let resident: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  secretaryD = await signIn(t, PHONES.secretaryD);
  resident = await signIn(t, PHONES.residentA);
});
afterAll(() => t.close());

async function mapOf(c: TestClient, query: Record<string, string> = {}): Promise<CaseMap> {
  const res = await c.get<CaseMap>(`/api/case-map?${new URLSearchParams(query)}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Every case id of an inbox, all pages. */
async function inboxIds(c: TestClient, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const qs: URLSearchParams = new URLSearchParams({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    const res: { status: number; text: string; body: CasePage } = await c.get<CasePage>(`/api/cases?${qs}`);
    expect(res.status, res.text).toBe(200);
    ids.push(...res.body.items.map((x) => x.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

const outlineOf = (m: CaseMap, id: string) => m.outlines.find((o) => o.id === id)?.geometry as geo.Polygon;

describe('the case map', () => {
  it("shows 银杏社区's secretary their community's outlines and cases, nothing of other communities", async () => {
    const m = await mapOf(secretaryA);
    const inA = new Set([demo.A.id, ...demo.under(demo.A).map((n) => n.id)]);
    expect(m.outlines.every((o) => inA.has(o.id))).toBe(true);
    const counts = Object.fromEntries(['community', 'grid', 'building'].map((k) => [k, 0]));
    for (const o of m.outlines) counts[o.type]!++;
    expect(counts).toEqual({ community: 1, grid: 2, building: demo.under(demo.A, 'building').length });
    expect(m.outlines[0]).toMatchObject({ id: demo.A.id, name: '银杏社区', type: 'community' });
    // Grids and buildings hang under their parents; the box holds the community.
    for (const o of m.outlines.filter((x) => x.type !== 'community'))
      expect(demo.byId.get(o.id)!.parentId).toBe(o.parentId);
    const box = geo.bbox([outlineOf(m, demo.A.id)])!;
    expect(m.bbox![0]).toBeLessThanOrEqual(box[0]);
    expect(m.bbox![3]).toBeGreaterThanOrEqual(box[3]);

    // The cases are exactly their inbox's, each inside the community's outline (the demo has some).
    expect(m.cases.length).toBeGreaterThan(0);
    expect(m.cases.map((c) => c.id).sort()).toEqual(await inboxIds(secretaryA, { box: 'all' }));
    for (const c of m.cases) expect(geo.pointInPolygon([c.lng, c.lat], outlineOf(m, demo.A.id)), c.no).toBe(true);
    expect(m.omitted).toBe(0);
  });

  it("shows 海棠社区's secretary none of 银杏社区's outlines or cases, and 404 for 银杏社区 itself", async () => {
    const a = await mapOf(secretaryA);
    const d = await mapOf(secretaryD);
    expect(d.outlines.map((o) => o.id)).toContain(demo.D.id);
    const aIds = new Set([...a.outlines.map((o) => o.id), ...a.cases.map((c) => c.id)]);
    expect([...d.outlines.map((o) => o.id), ...d.cases.map((c) => c.id)].filter((id) => aIds.has(id))).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('银杏社区');
    expectProblem(await secretaryD.get(`/api/case-map?nodeId=${demo.A.id}`), 404, 'not_found');
    expectProblem(await resident.get('/api/case-map'), 403, 'forbidden');
  });

  it('agrees with the inboxes box by box, for the street, the community and a department', async () => {
    const department = await signIn(t, PHONES.department);
    const boxes = ['to_accept', 'handling', 'overdue', 'near_due', 'to_check', 'parked', 'closed', 'all'];
    for (const c of [await signIn(t, PHONES.dispatcher), secretaryA, department])
      for (const box of boxes) {
        const m = await mapOf(c, { box });
        expect(m.cases.map((x) => x.id).sort(), box).toEqual(await inboxIds(c, { box }));
      }
    // Narrowed to a node, and by category (a branch of the tree).
    const dispatcher = await signIn(t, PHONES.dispatcher);
    const narrowed = await mapOf(dispatcher, { nodeId: demo.A.id });
    expect(
      narrowed.outlines.every((o) => o.id === demo.A.id || demo.byId.get(o.id)!.path.startsWith(demo.A.path)),
    ).toBe(true);
    expect(narrowed.cases.map((x) => x.id).sort()).toEqual(await inboxIds(dispatcher, { nodeId: demo.A.id }));
    const whole = await mapOf(dispatcher);
    expect(
      whole.outlines
        .filter((o) => o.type === 'community')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['梧桐社区', '银杏社区', '香樟社区'].sort());
    const cat = await categoryByCode(admin, 'SQ06');
    const byCat = await mapOf(dispatcher, { categoryId: cat.id });
    expect(byCat.cases.map((x) => x.id).sort()).toEqual(await inboxIds(dispatcher, { categoryId: cat.id }));
  });

  it('refuses a pin outside the community (422 /location outside_community, nothing written), accepts one inside', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const { building, otherBuilding } = placesOfA(demo);
    const district = await mapOf(admin);
    const inB = geo.centroid(outlineOf(district, demo.B.id));
    const outside = { lat: inB[1], lng: inB[0] };
    const res = await nothingWritten(t, () =>
      resident.post('/api/cases', {
        categoryId: leaks.id,
        placeId: building.id,
        description: '楼道灯坏了,晚上很黑',
        location: outside,
      }),
    );
    const p = expectProblem(res, 422, 'validation_failed', '/location');
    expect(p.errors).toEqual([expect.objectContaining({ path: '/location', code: 'outside_community' })]);
    // Far away entirely (another city) is refused too.
    expectProblem(
      await resident.post('/api/cases', {
        categoryId: leaks.id,
        placeId: building.id,
        description: '楼道灯坏了,晚上很黑',
        location: { lat: 39.9, lng: 116.4 },
      }),
      422,
      'validation_failed',
      '/location',
    );

    // Inside: accepted and drawn at the pin; without a pin the case stands at its building's centre.
    const b = geo.centroid(outlineOf(district, building.id));
    const pin = { lat: b[1] + 0.0003, lng: b[0] + 0.0002 };
    const pinned = await report(resident, { categoryId: leaks.id, placeId: building.id, location: pin });
    expect(pinned.location).toEqual(pin);
    const plain = await report(resident, { categoryId: leaks.id, placeId: otherBuilding.id });
    const m = await mapOf(secretaryA);
    expect(m.cases.find((c) => c.id === pinned.id)).toMatchObject({
      ...pin,
      pinned: true,
      colour: 'ok',
      status: 'submitted',
    });
    const centre = geo.centroid(outlineOf(m, otherBuilding.id));
    expect(m.cases.find((c) => c.id === plain.id)).toMatchObject({ lng: centre[0], lat: centre[1], pinned: false });
    expect(m.cases.find((c) => c.id === plain.id)!.placeName).toBe(otherBuilding.name);
  });

  it('lets a community without an outline take any pin', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const { building } = placesOfA(demo);
    await sql`UPDATE org_node SET geometry = NULL WHERE id = ${demo.A.id}`.execute(t.database.db);
    await report(resident, { categoryId: leaks.id, placeId: building.id, location: { lat: 39.9, lng: 116.4 } });
  });
});
