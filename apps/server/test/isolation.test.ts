import type { RouteDef } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResponse } from '../src/testing/client.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { uploadPhoto } from './case-helpers.ts';
import { deliberationOfA } from './deliberation-helpers.ts';
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
import { formOfA } from './isolation-forms.ts';
import { type Ids, INPUTS, type Input } from './isolation-inputs.ts';

const PUBLIC = [
  'health.health',
  'health.ready',
  'auth.login',
  'sso.ssoInfo',
  'join.joinInfo',
  'join.apply',
  'caseLinks.qrReportInfo',
  'caseLinks.qrReport',
  'caseLinks.trackCase',
  'attachments.uploadPublicAttachment',
  'affiliations.hometownInfo',
  'affiliations.joinHometown',
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
  'registryImports.uploadRegistryImport',
  'registryImports.uploadRegistryImportPart',
  'affiliations.myAffiliations',
];
/** District-wide reference data both communities share (no community's rows): readable, never writable. */
const SHARED = ['calendar.getCalendar'];

/** Fields naming an object of another community, the only ones a 422 may point at ("no such …"). */
const NODE_FIELDS = ['/parentId', '/nodeId', '/placeId', '/targetId', '/items/0/id', '/roomId'];

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

/** A person of community A with a task of the demo street policy (高龄老人冬季走访). */
async function outreachOfA(admin: TestClient, demo: Demo) {
  const res = await admin.get<Page<{ policyId: string; personId: string }>>(
    `/api/registry/outreach?nodeId=${demo.A.id}&status=pending&limit=1`,
  );
  expect(res.status, res.text).toBe(200);
  const personA = res.body.items[0]!.personId;
  const card = await admin.get<{ householdId: string }>(`/api/registry/people/${personA}`);
  const campaign = await admin.post<{ id: string }>('/api/registry/campaigns', {
    nodeId: demo.A.id,
    name: '银杏社区季度核实',
  });
  expect(campaign.status, campaign.text).toBe(201);
  return {
    personA,
    policyA: res.body.items[0]!.policyId,
    householdA: card.body.householdId,
    campaignA: campaign.body.id,
  };
}

/** The admin's own import of A's residents and their export of A, approved by the street. */
async function registryFilesOfA(admin: TestClient, demo: Demo) {
  const csv = Buffer.from('姓名,身份证号,房号\r\n甲,110105195001010011,1号楼1单元101室\r\n', 'utf8');
  const up = await admin.post<{ id: string }>('/api/registry/imports', csv, { 'content-type': 'text/csv' });
  expect(up.status, up.text).toBe(201);
  const ask = await admin.post<{ id: string }>('/api/registry/exports', {
    nodeId: demo.A.id,
    columns: ['name'],
    reason: '核对银杏社区名单',
  });
  expect(ask.status, ask.text).toBe(201);
  const street = await signIn(t, PHONES.streetStaff);
  const ok = await street.post(`/api/registry/exports/${ask.body.id}/decision`, { version: 1, approve: true });
  expect(ok.status, ok.text).toBe(200);
  return { importA: up.body.id, exportA: ask.body.id };
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

/** A must-read notice of community A with a photo (the admin sent the same bytes as A's resident). */
async function noticeOfA(communityA: string, photo: string): Promise<string> {
  const res = await admin.post<{ id: string }>('/api/notices', {
    nodeId: communityA,
    category: 'affairs_public',
    title: '银杏社区居务公开',
    body: '银杏社区本季度收支明细',
    mustRead: true,
    attachments: [photo],
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** A 身边事 post of A's resident with a photo and a comment, converted to a case; and a word set at A. */
async function postOfA(i: Ids) {
  const resident = await signIn(t, PHONES.residentA);
  const res = await resident.post<{ id: string }>(`/api/communities/${i.A}/posts`, {
    board: 'local',
    kind: 'matter',
    title: '银杏社区的身边事',
    body: '银杏社区1号楼门口积水',
    attachments: [i.attachmentA],
  });
  expect(res.status, res.text).toBe(201);
  const c = await resident.post<{ comments: { id: string }[] }>(`/api/board-posts/${res.body.id}/comments`, {
    body: '补充:下雨就积水',
  });
  expect(c.status, c.text).toBe(201);
  const conv = await admin.post<{ caseId: string }>(`/api/board-posts/${res.body.id}/convert`, {
    version: 1,
    categoryId: i.categorySQ06,
  });
  expect(conv.status, conv.text).toBe(200);
  const w = await admin.post<{ items: { id: string; nodeId: string }[] }>('/api/board-words', {
    nodeId: i.A,
    words: ['银杏专用词'],
  });
  expect(w.status, w.text).toBe(201);
  return {
    postA: res.body.id,
    commentA: c.body.comments[0]!.id,
    postCaseA: conv.body.caseId,
    wordA: w.body.items.find((x) => x.nodeId === i.A)!.id,
  };
}

/** A webhook subscription on community A (the district admin's). */
/** A closed vote of community A (closed, so its chain is published), with 周敏's ballot in it. */
async function voteOfA(admin: TestClient, communityA: string): Promise<string> {
  const d = await admin.post<{ id: string; version: number }>(`/api/communities/${communityA}/votes`, {
    title: '银杏社区表决',
    question: '银杏社区是否调整垃圾投放点?',
    kind: 'yes_no',
    electorate: 'households',
    secret: false,
    changeable: false,
    proxyAllowed: true,
    preset: 'simple_majority',
    deadline: '2027-06-30T12:00:00+08:00',
  });
  expect(d.status, d.text).toBe(201);
  const o = await admin.post<{ version: number }>(`/api/votes/${d.body.id}/open`, { version: d.body.version });
  expect(o.status, o.text).toBe(200);
  const resident = await signIn(t, PHONES.residentA);
  expect((await resident.post(`/api/votes/${d.body.id}/ballots`, { choices: [0] })).status).toBe(201);
  const c = await admin.post(`/api/votes/${d.body.id}/close`, { version: o.body.version });
  expect(c.status, c.text).toBe(200);
  return d.body.id;
}

async function webhookOfA(admin: TestClient, demo: Demo): Promise<string> {
  const body = { name: '银杏社区订阅', url: 'https://example.cn/hook', nodeId: demo.A.id, events: ['case.created'] };
  const res = await admin.post<{ subscription: { id: string } }>('/api/webhooks', body);
  expect(res.status, res.text).toBe(201);
  return res.body.subscription.id;
}

/** A party check-in (报到) of A's resident, waiting for A's party organisation. */
async function checkInOfA(communityA: string): Promise<string> {
  const resident = await signIn(t, PHONES.residentA);
  const res = await resident.post<{ id: string }>(`/api/communities/${communityA}/affiliations`, {
    kind: 'party',
    party: { partyOrg: '银杏社区党委', dual: false },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
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
    ...(await outreachOfA(admin, demo)),
    ...(await registryFilesOfA(admin, demo)),
    noticeA: '',
    postA: '',
    commentA: '',
    postCaseA: '',
    wordA: '',
    webhookA: '',
    guideA: '',
    voteA: '',
    affiliationA: '',
    proposalA: '',
    delibCommentA: '',
    projectA: '',
    milestoneA: '',
    covenantA: '',
    formA: '',
    formTaskA: '',
    formPhotoA: '',
    organisationA: '',
  };
  ids.noticeA = await noticeOfA(ids.A, ids.attachmentA);
  Object.assign(ids, await postOfA(ids));
  Object.assign(ids, await deliberationOfA(t, ids));
  ids.webhookA = await webhookOfA(admin, demo);
  ids.voteA = await voteOfA(admin, ids.A);
  Object.assign(ids, await formOfA(admin, ids.district, ids.A));
  ids.affiliationA = await checkInOfA(ids.A);
  const orgsA = await admin.get<Page<{ id: string }>>(`/api/registry/organisations?nodeId=${ids.A}&limit=1`);
  ids.organisationA = orgsA.body.items[0]!.id;
  // 银杏社区's own override of a district guide (demo seed).
  const guides = await admin.get<{ items: { id: string; nodeId: string }[] }>(`/api/guides?nodeId=${ids.A}`);
  ids.guideA = guides.body.items.find((g) => g.nodeId === ids.A)!.id;
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
    ids.personA,
    ids.policyA,
    ids.householdA,
    ids.campaignA,
    ids.importA,
    ids.exportA,
    ids.noticeA,
    ids.postA,
    ids.commentA,
    ids.postCaseA,
    ids.webhookA,
    ids.guideA,
    ids.voteA,
    ids.affiliationA,
    ids.proposalA,
    ids.projectA,
    ids.covenantA,
    ids.formTaskA,
    ids.formPhotoA,
    ids.organisationA,
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
