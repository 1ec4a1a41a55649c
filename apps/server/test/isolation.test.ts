import type { RouteDef } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResponse } from '../src/testing/client.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { uploadPhoto } from './case-helpers.ts';
import {
  type Demo,
  emptyRooms,
  joinToken,
  loadDemo,
  nothingWritten,
  type Page,
  type PersonRow,
  PHONES,
  ROUTES,
  signIn,
} from './helpers.ts';

const PUBLIC = [
  'health.health',
  'health.ready',
  'auth.login',
  'join.joinInfo',
  'join.apply',
  'caseLinks.qrReportInfo',
  'caseLinks.qrReport',
  'caseLinks.trackCase',
  'attachments.uploadPublicAttachment',
];
/** Routes about the caller themselves (they never take another community's ids). */
const SELF = [
  'auth.logout',
  'auth.me',
  'auth.changePassword',
  'join.myApplications',
  'cases.myCases',
  'notifications.listNotifications',
  'notifications.unreadCount',
  'notifications.markRead',
  'attachments.uploadAttachment',
];
/** District-wide reference data both communities share (no community's rows): readable, never writable. */
const SHARED = ['calendar.getCalendar'];

interface Ids {
  district: string;
  A: string;
  gridA: string;
  emptyRoomA: string;
  applicationA: string;
  grantA: string;
  userA: string;
  attachmentA: string;
  caseA: string;
  buildingA: string;
  categorySQ06: string;
  photoA: string;
}
type Input = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

/** Inputs naming community A's objects; a route missing here fails the coverage test below. */
const INPUTS: Record<string, (ids: Ids) => Input> = {
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'auth.changePassword': () => ({ body: { currentPassword: 'Linli@2026', newPassword: 'Other#Pass2026' } }),
  'org.orgTree': () => ({}),
  'org.orgNode': (i) => ({ params: { id: i.A } }),
  'org.createNode': (i) => ({ body: { parentId: i.A, type: 'grid', name: '越界网格' } }),
  'org.updateNode': (i) => ({ params: { id: i.gridA }, body: { version: 1, name: '越界改名' } }),
  'org.deleteNode': (i) => ({ params: { id: i.emptyRoomA } }),
  'join.myApplications': () => ({}),
  'notifications.listNotifications': () => ({}),
  'notifications.unreadCount': () => ({}),
  'notifications.markRead': () => ({ body: { all: true } }),
  'join.listApplications': () => ({}),
  'join.getApplication': (i) => ({ params: { id: i.applicationA } }),
  'join.approveApplication': (i) => ({ params: { id: i.applicationA }, body: { version: 1 } }),
  'join.rejectApplication': (i) => ({ params: { id: i.applicationA }, body: { version: 1, reason: '越界驳回' } }),
  'join.revealApplicationId': (i) => ({ params: { id: i.applicationA }, body: { purpose: '越界查看' } }),
  'join.getJoinLink': (i) => ({ params: { id: i.A } }),
  'join.rotateJoinLink': (i) => ({ params: { id: i.A } }),
  'join.joinQr': (i) => ({ params: { id: i.A, format: 'png' } }),
  'people.listPeople': () => ({}),
  'people.createStaff': (i) => ({
    body: {
      name: '越界账号',
      phone: '13512345678',
      initialPassword: 'Init#Pass2026',
      role: 'grid_worker',
      nodeId: i.gridA,
    },
  }),
  'people.addGrant': (i) => ({ body: { userId: i.userA, role: 'microgrid_volunteer', nodeId: i.gridA } }),
  'people.revokeGrant': (i) => ({ params: { id: i.grantA } }),
  'audit.searchAudit': () => ({}),
  'community.communityHome': (i) => ({ params: { id: i.A } }),
  // Categories are shared reference data (no community's rows); writes are the district admin's alone.
  'categories.listCategories': () => ({}),
  // The district calendar is public within the platform; only the district admin replaces it.
  'calendar.getCalendar': (i) => ({ params: { id: i.district } }),
  'calendar.putCalendar': (i) => ({
    params: { id: i.district },
    body: {
      version: 0,
      calendar: {
        timeZoneOffsetMinutes: 480,
        weekend: [0, 6],
        holidays: [],
        workdays: [],
        hours: [{ from: '09:00', to: '17:00' }],
      },
    },
  }),
  'categories.createCategory': () => ({
    body: { parentId: '1', code: 'SQ99', name: '越界新增', nameEn: 'Out of bounds' },
  }),
  'categories.updateCategory': () => ({ params: { id: '101' }, body: { version: 1, name: '越界改名' } }),
  // Anyone signed in may upload their own photos; only the uploader may fetch one back.
  'attachments.uploadAttachment': () => ({ body: {} }),
  'attachments.getAttachment': (i) => ({ params: { id: i.attachmentA } }),
  'cases.reportCase': (i) => ({
    body: { categoryId: i.categorySQ06, placeId: i.buildingA, description: '越界报事测试内容' },
  }),
  'cases.reportPlaces': (i) => ({ query: { communityId: i.A } }),
  'cases.listCases': () => ({}),
  // Departments are district reference data; a D cadre sees those serving their own street.
  'cases.caseDepartments': () => ({}),
  'cases.inboxCounts': () => ({}),
  'cases.myCases': () => ({}),
  'cases.publicCases': () => ({}),
  'cases.getCase': (i) => ({ params: { id: i.caseA } }),
  'cases.runCommand': (i) => ({ params: { id: i.caseA }, body: { version: 1, type: 'accept' } }),
  'cases.mergeCase': (i) => ({ params: { id: i.caseA }, body: { version: 1, targetId: i.caseA, targetVersion: 1 } }),
  'cases.bulkAccept': (i) => ({ body: { items: [{ id: i.caseA, version: 1 }] } }),
  'cases.duplicateSuggestions': (i) => ({ query: { categoryId: i.categorySQ06, placeId: i.buildingA } }),
  'cases.caseAttachment': (i) => ({ params: { id: i.caseA, attachmentId: i.photoA } }),
  'caseRates.caseRates': () => ({}),
  'caseMap.caseMap': () => ({}),
  // Street-level work: only street cadres and the district admin import (a community's cadres get 403).
  'caseImports.uploadImport': () => ({ body: {} }),
  'caseImports.runImport': (i) => ({
    params: { id: '00000000-0000-4000-8000-000000000001' },
    body: {
      mapping: { externalNo: '工单编号', description: '诉求内容', address: '地址' },
      streetId: i.district,
      defaultCategoryId: i.categorySQ06,
    },
  }),
  'caseLinks.getCaseLink': (i) => ({ params: { placeId: i.buildingA } }),
  'caseLinks.rotateCaseLink': (i) => ({ params: { placeId: i.buildingA } }),
  'caseLinks.caseLinkQr': (i) => ({ params: { placeId: i.buildingA, format: 'png' } }),
};

/** Fields naming an object of another community, the only ones a 422 may point at ("no such …"). */
const NODE_FIELDS = ['/parentId', '/nodeId', '/placeId', '/targetId', '/items/0/id'];

/** A private case in community A, reported by its resident. */
async function privateCaseOfA(t: TestApp, demo: Demo) {
  const resident = await signIn(t, PHONES.residentA);
  const cats = await resident.get<{ items: { id: string; code: string }[] }>('/api/case-categories');
  const categorySQ06 = cats.body.items.find((c) => c.code === 'SQ06')!.id;
  const buildingA = demo.under(demo.A, 'building')[0]!.id;
  const photoA = await uploadPhoto(resident, 77);
  const res = await resident.post<{ id: string }>('/api/cases', {
    categoryId: categorySQ06,
    placeId: buildingA,
    description: '银杏社区楼道漏水(私密)',
    attachments: [photoA],
  });
  expect(res.status, res.text).toBe(201);
  return { caseA: res.body.id, buildingA, categorySQ06, photoA };
}

const PHOTO = Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');

/** A photo community A's resident uploaded; the district admin sends the same bytes for the positive control. */
async function photoOfA(t: TestApp): Promise<string> {
  let id = '';
  for (const phone of [PHONES.residentA, PHONES.admin]) {
    const res = await (await signIn(t, phone)).post<{ id: string }>('/api/attachments', PHOTO, {
      'content-type': 'image/webp',
    });
    expect(res.status, res.text).toBe(201);
    id = res.body.id;
  }
  return id;
}

let t: TestApp;
let demo: Demo;
let ids: Ids;
let secrets: string[];
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  const secretaryA = await signIn(t, PHONES.secretaryA);
  const queue = await secretaryA.get<Page<{ id: string; name: string }>>('/api/join-applications?status=pending');
  const people = await admin.get<Page<PersonRow>>(`/api/people?nodeId=${demo.A.id}&role=grid_worker`);
  const liqiang = people.body.items.find((p) => p.name === '李强')!;
  ids = {
    district: demo.district.id,
    A: demo.A.id,
    gridA: demo.child(demo.A, '第一网格').id,
    emptyRoomA: (await emptyRooms(t, demo.A.id))[0]!,
    applicationA: queue.body.items[0]!.id,
    grantA: liqiang.grants[0]!.id,
    userA: liqiang.userId,
    attachmentA: await photoOfA(t),
    ...(await privateCaseOfA(t, demo)),
  };
  // Anything that would show community A's data leaked: ids, paths, names, phones, tokens.
  const aNodes = [demo.A, ...demo.under(demo.A)];
  secrets = [
    ...aNodes.map((n) => `"${n.id}"`),
    `/${demo.A.id}/`,
    demo.A.code!,
    '银杏社区',
    ...['孙丽', '李强', '周敏', '王建国', '陈静', '蒋欣怡', '韩志强', '杨秀英'],
    ...['13800000003', '13800000004', '13800000005', '13800000008', '13800000009', '13900000001'],
    ...queue.body.items.map((a) => a.id),
    ids.grantA,
    ids.userA,
    ids.attachmentA,
    ids.caseA,
    await joinToken(secretaryA, demo.A.id),
  ];
});
afterAll(() => t.close());

const urlOf = (def: RouteDef, input: Input) => {
  let url = def.url.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(input.params?.[k] ?? ''));
  if (input.query) url += `?${new URLSearchParams(input.query)}`;
  return url;
};
const call = (c: TestClient, def: RouteDef, input: Input) => c.request(def.method, urlOf(def, input), input.body);
/** The response minus `instance`, which only echoes the caller's own URL. */
const leaked = (res: TestResponse<unknown>) => {
  const body = res.body && typeof res.body === 'object' ? { ...(res.body as object), instance: undefined } : res.text;
  const text = JSON.stringify(body);
  return secrets.filter((s) => text.includes(s));
};
/** Listing variants: as is, and narrowed to community A where the route takes a node filter. */
const variants = (def: RouteDef, input: Input): Input[] => {
  const props = (def.querystring as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const out = [input];
  for (const key of ['nodeId', 'rootId']) if (key in props) out.push({ ...input, query: { [key]: ids.A } });
  return out;
};

describe('the isolation matrix', () => {
  it('has inputs for every non-public route in the contracts (new routes must be added here)', () => {
    const names = ROUTES.map(([n]) => n).sort();
    expect(names.length).toBeGreaterThanOrEqual(28);
    expect(names.filter((n) => !PUBLIC.includes(n)).sort()).toEqual(Object.keys(INPUTS).sort());
    const publicDefs = ROUTES.filter(([, d]) => 'auth' in d.access && d.access.auth === 'public').map(([n]) => n);
    expect(publicDefs.sort()).toEqual([...PUBLIC].sort());
  });

  it('positive control: the district admin reaches every GET route with these inputs', async () => {
    for (const [name, def] of ROUTES.filter(([n, d]) => d.method === 'GET' && INPUTS[n])) {
      const res = await call(admin, def, INPUTS[name]!(ids));
      expect(res.status, `${name}: ${res.text.slice(0, 200)}`).toBe(200);
    }
  });

  it('anonymous callers get 401 from every non-public route, and nothing is written', async () => {
    const anon = t.client();
    await nothingWritten(t, async () => {
      for (const [name, def] of ROUTES.filter(([n]) => INPUTS[n])) {
        for (const input of variants(def, INPUTS[name]!(ids))) {
          const res = await call(anon, def, input);
          expect(res.status, `${name} ${urlOf(def, input)}: ${res.text.slice(0, 200)}`).toBe(401);
          expect(leaked(res), name).toEqual([]);
        }
      }
    });
  });

  for (const [who, phone] of [
    ['secretary of community D', PHONES.secretaryD],
    ['resident of community D', PHONES.residentD],
  ] as const) {
    it(`${who}: 401/403/404 on A's details and writes, listings without A's rows, nothing written`, async () => {
      const c = await signIn(t, phone);
      for (const [name, def] of ROUTES.filter(([n]) => INPUTS[n] && !SELF.includes(n))) {
        const listing = def.method === 'GET' && !def.url.includes(':');
        for (const input of variants(def, INPUTS[name]!(ids))) {
          const label = `${name} ${def.method} ${urlOf(def, input)}`;
          const run = () => call(c, def, input);
          const res = def.method === 'GET' ? await run() : await nothingWritten(t, run);
          const narrowed = !!input.query;
          const allowed = SHARED.includes(name)
            ? [200]
            : listing && !narrowed
              ? [200, 403]
              : def.method === 'GET'
                ? [403, 404]
                : [403, 404, 422];
          expect(allowed, `${label} -> ${res.status}: ${res.text.slice(0, 200)}`).toContain(res.status);
          expect(leaked(res), label).toEqual([]);
          if (res.status === 422) {
            // Only "no such node" for a node the caller cannot see.
            const errors = (res.body as { errors?: { path: string; code: string }[] }).errors ?? [];
            expect(
              errors.map((e) => e.path).every((p) => NODE_FIELDS.includes(p)),
              label,
            ).toBe(true);
          }
        }
      }
      // The caller's own routes answer with their own data only.
      for (const name of SELF.filter((n) => ROUTES.find(([r]) => r === n)![1].method === 'GET')) {
        const def = ROUTES.find(([r]) => r === name)![1];
        const res = await call(c, def, INPUTS[name]!(ids));
        expect(res.status).toBe(200);
        expect(leaked(res), name).toEqual([]);
      }
    });
  }

  it('listings a D cadre may read do return rows (so an empty answer above is not an accident)', async () => {
    const c = await signIn(t, PHONES.secretaryD);
    const treeD = await c.get<{ nodes: { id: string }[] }>('/api/org/tree');
    expect(treeD.body.nodes.map((n) => n.id)).toContain(demo.D.id);
    const people = await c.get<Page<PersonRow>>('/api/people');
    expect(people.body.items.map((p) => p.name)).toEqual(expect.arrayContaining(['冯晓燕', '吴刚']));
  });
});
