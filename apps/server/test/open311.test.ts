import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type CasePage, departmentIdOf, inFuture, ok, placesOfA } from './case-helpers.ts';
import { auditSearch, type Demo, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';
import { createToken, form, ISO_WITH_ZONE, SPEC, xmlItems } from './open-platform-helpers.ts';

type Err = { code: number; description: string }[];
type Created = { service_request_id: string; token: string; service_notice: string; account_id: null }[];

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let anon: TestClient;
let streetKey: string;
let readOnlyKey: string;
let communityDKey: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  anon = t.client();
  const both = ['cases.read', 'cases.write'];
  streetKey = (await createToken(admin, { name: '区城运中心', nodeId: demo.street1.id, scopes: both })).secret;
  readOnlyKey = (await createToken(admin, { name: '只读系统', nodeId: demo.street1.id, scopes: ['cases.read'] }))
    .secret;
  communityDKey = (await createToken(admin, { name: '海棠社区小程序', nodeId: demo.D.id, scopes: both })).secret;
});
afterAll(() => t.close());

const post = (path: string, fields: Record<string, string>) => {
  const f = form(fields);
  return anon.request('POST', `/open311/v2/${path}`, f.body, f.headers);
};
const get = (path: string) => anon.get(`/open311/v2/${path}`);

function expectError(
  res: { status: number; body: unknown; text: string; headers: Record<string, unknown> },
  status: number,
  xml = false,
) {
  expect(res.status, res.text).toBe(status);
  if (xml) {
    expect(String(res.headers['content-type'])).toMatch(/^text\/xml/);
    const [e] = xmlItems(res.text, 'error');
    expect(e).toEqual({ code: String(status), description: expect.any(String) });
    return e!.description;
  }
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = res.body as Err;
  expect(body).toEqual([{ code: status, description: expect.any(String) }]);
  return body[0]!.description;
}

const leakBody = (over: Record<string, string> = {}) => ({
  api_key: streetKey,
  service_code: 'SQ06',
  address_id: placesOfA(demo).building.id,
  description: '3号楼楼道漏水，天花板一直滴水',
  first_name: '敏',
  last_name: '周',
  phone: '13912345678',
  email: 'zhoumin@example.cn',
  media_url: 'https://city.example.cn/photos/1.jpg',
  ...over,
});

describe('discovery and services', () => {
  it('discovery names the endpoint, the specification and both formats', async () => {
    const json = await get('discovery.json');
    expect(json.status).toBe(200);
    const d = json.body as { changeset: string; endpoints: Record<string, unknown>[] };
    expect(d.changeset).toMatch(ISO_WITH_ZONE);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(String(d.endpoints[0]!.url)).toMatch(/\/open311\/v2$/);
    const xml = await get('discovery.xml');
    expect(String(xml.headers['content-type'])).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery><changeset>/);
    expect(xml.text).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });

  it('services are the leaf categories, with exactly the specification fields, codes as strings', async () => {
    const json = await get('services.json');
    expect(json.status).toBe(200);
    const list = json.body as Record<string, unknown>[];
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual([...SPEC.service].sort());
      expect(typeof s.service_code).toBe('string');
      expect(s.type).toBe('realtime');
    }
    const codes = list.map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['SQ06', 'BJ0101']));
    expect(codes).not.toContain('BJ01'); // a group, not a service
    expect(list.find((s) => s.service_code === 'BJ0101')).toMatchObject({
      service_name: '井盖破损缺失',
      group: '公用设施',
    });
    const xml = await get('services.xml');
    const items = xmlItems(xml.text, 'service');
    expect(items).toHaveLength(list.length);
    for (const s of items) expect(Object.keys(s).sort()).toEqual([...SPEC.service].sort());
    // English names with Accept-Language: en.
    const en = await anon.get<Record<string, unknown>[]>('/open311/v2/services.json', { 'accept-language': 'en' });
    expect(en.body.find((s) => s.service_code === 'BJ0101')?.service_name).toBe('Damaged or missing manhole cover');
  });

  it('a service definition lists its attributes with the specification fields', async () => {
    const json = await get('services/BJ0101.json');
    expect(json.status).toBe(200);
    const def = json.body as { service_code: string; attributes: Record<string, unknown>[] };
    expect(def.service_code).toBe('BJ0101');
    for (const a of def.attributes) {
      for (const f of SPEC.attribute) expect(a).toHaveProperty(f);
      expect(SPEC.datatypes).toContain(a.datatype);
    }
    expect(def.attributes.find((a) => a.code === 'part_code')).toMatchObject({ required: true, datatype: 'string' });
    expect(def.attributes.find((a) => a.code === 'public')).toMatchObject({
      required: false,
      datatype: 'singlevaluelist',
      values: [
        { key: 'true', name: '公开' },
        { key: 'false', name: '不公开' },
      ],
    });
    const xml = await get('services/BJ0101.xml');
    expect(xml.text).toContain('<service_definition><service_code>BJ0101</service_code><attributes><attribute>');
    expect(xml.text).toContain('<values><value><key>true</key><name>公开</name></value>');
    const attrs = xmlItems(xml.text, 'attribute');
    for (const a of attrs) for (const f of SPEC.attribute) expect(a).toHaveProperty(f);
  });

  it('the endpoints are described in the OpenAPI document under the open311 tag', async () => {
    const doc = await anon.get<{ paths: Record<string, Record<string, { tags?: string[] }>> }>('/api/openapi.json');
    const paths = Object.entries(doc.body.paths).filter(([p]) => p.startsWith('/open311/v2/'));
    const ops = paths.flatMap(([p, ops]) => Object.entries(ops).map(([m, o]) => [`${m} ${p}`, o.tags] as const));
    expect(ops.map(([k]) => k).sort()).toEqual([
      'get /open311/v2/requests/{name}',
      'get /open311/v2/services/{name}',
      'get /open311/v2/tokens/{name}',
      'get /open311/v2/{name}',
      'post /open311/v2/{name}',
    ]);
    for (const [, tags] of ops) expect(tags).toEqual(['open311']);
  });

  it('unknown services, jurisdictions and formats are 404 in the specification error format', async () => {
    expect(expectError(await get('services/ZZ99.json'), 404)).toContain('ZZ99');
    expectError(await get('services/ZZ99.xml'), 404, true);
    expectError(await get('services.json?jurisdiction_id=999999999'), 404);
    expectError(await get('services.xml?jurisdiction_id=999999999'), 404, true);
    expect((await get(`services.json?jurisdiction_id=${demo.A.code}`)).status).toBe(200);
    expect((await get('services.html')).status).toBe(404);
  });
});

describe('POST requests', () => {
  it('creates a case through the same intake as every channel, in the community inbox, audited, with its event', async () => {
    const res = await post('requests.json', leakBody());
    expect(res.status, res.text).toBe(201);
    const [created] = res.body as Created;
    expect(Object.keys(created!).sort()).toEqual([...SPEC.created, 'token'].sort());
    expect(created!.service_request_id).toMatch(/^20261124\d{6}$/);
    const secretary = await signIn(t, PHONES.secretaryA);
    const inbox = await secretary.get<CasePage>('/api/cases?source=open311');
    expect(inbox.status, inbox.text).toBe(200);
    const kase = inbox.body.items.find((c) => c.no === created!.service_request_id);
    expect(kase).toMatchObject({ source: 'open311', status: 'submitted', level: 'courtyard' });
    const detail = await secretary.get<{ reporters: unknown[]; contact: unknown }>(`/api/cases/${kase!.id}`);
    expect(detail.text).toContain('周敏');
    const audit = await auditSearch(admin, { action: 'case.report' });
    expect(audit.find((a) => a.resourceId === kase!.id)).toMatchObject({
      actorName: 'API: 区城运中心',
      actorRole: 'api_token',
    });
    const events = await sql<{
      topic: string;
    }>`SELECT topic FROM outbox WHERE payload->>'caseId' = ${kase!.id}`.execute(t.database.db);
    expect(events.rows.map((r) => r.topic)).toContain('case.created');
    // The email is kept encrypted; the token's last use is stamped.
    const stored = await sql<{ email: string }>`SELECT email FROM open311_request WHERE case_id = ${kase!.id}`.execute(
      t.database.db,
    );
    expect(stored.rows[0]!.email).toMatch(/^v1\./);
    const tokens = await admin.get<{ items: { name: string; lastUsedAt: string | null }[] }>('/api/api-tokens');
    expect(tokens.body.items.find((x) => x.name === '区城运中心')?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('accepts the same fields as a JSON body', async () => {
    const res = await anon.post<Created>('/open311/v2/requests.json', leakBody({ description: 'JSON 提交的漏水' }));
    expect(res.status, res.text).toBe(201);
    expect(res.body[0]!.service_request_id).toMatch(/^\d{14}$/);
  });

  it('places a lat/long pin in the building whose outline contains it (XML answer)', async () => {
    const building = placesOfA(demo).building;
    const g = await sql<{
      geometry: { coordinates: number[][][] };
    }>`SELECT geometry FROM org_node WHERE id = ${building.id}`.execute(t.database.db);
    const ring = g.rows[0]!.geometry.coordinates[0]!.slice(0, -1);
    const lng = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    const res = await post('requests.xml', {
      api_key: streetKey,
      service_code: 'BJ0101',
      lat: String(lat),
      long: String(lng),
      'attribute[part_code]': 'JG-0042',
      'attribute[public]': 'true',
    });
    expect(res.status, res.text).toBe(201);
    expect(String(res.headers['content-type'])).toMatch(/^text\/xml/);
    const [created] = xmlItems(res.text, 'request');
    for (const f of SPEC.created) expect(created).toHaveProperty(f);
    const one = await anon.get<Record<string, unknown>[]>(
      `/open311/v2/requests/${created!.service_request_id}.json?api_key=${streetKey}`,
    );
    expect(one.body[0]).toMatchObject({ address_id: building.id, service_code: 'BJ0101', lat, long: lng });
    expect(String(one.body[0]!.description)).toContain('部件编号:JG-0042');
  });

  it('bad input is 400, a bad key or scope or a place outside the subtree 403, an unknown jurisdiction 404; nothing written', async () => {
    await nothingWritten(t, async () => {
      expectError(await post('requests.json', { ...leakBody(), api_key: '' }), 403);
      expectError(await post('requests.xml', { ...leakBody(), api_key: 'llk_nope' }), 403, true);
      expectError(await post('requests.json', leakBody({ api_key: readOnlyKey })), 403);
      expect(expectError(await post('requests.json', leakBody({ service_code: 'ZZ99' })), 400)).toContain('ZZ99');
      expectError(await post('requests.json', leakBody({ service_code: 'BJ01' })), 400);
      const { address_id: _a, ...noPlace } = leakBody();
      expect(expectError(await post('requests.json', noPlace), 400)).toContain('location');
      expectError(await post('requests.xml', noPlace), 400, true);
      expect(expectError(await post('requests.json', leakBody({ service_code: 'BJ0101' })), 400)).toContain(
        'attribute[part_code]',
      );
      expectError(await post('requests.json', leakBody({ 'attribute[public]': 'maybe' })), 400);
      expectError(await post('requests.json', leakBody({ description: '漏'.repeat(4001) })), 400);
      expectError(await post('requests.json', leakBody({ lat: '91', long: '121' })), 400);
      expectError(await post('requests.json', leakBody({ phone: '12345' })), 400);
      expectError(await post('requests.json', leakBody({ media_url: 'javascript:alert(1)' })), 400);
      expectError(await post('requests.json', leakBody({ address_id: '999999999' })), 400);
      // Community D lies in the other street: outside the street token's subtree.
      expectError(await post('requests.json', leakBody({ address_id: demo.D.id })), 403);
      expectError(await post('requests.json', leakBody({ api_key: communityDKey })), 403);
      expectError(await post('requests.json', leakBody({ jurisdiction_id: demo.D.code! })), 403);
      expectError(await post('requests.json', leakBody({ jurisdiction_id: '999999999' })), 404);
    });
  });

  it('a revoked or expired key is refused; a key over its per-minute limit gets 429', async () => {
    const r = await createToken(admin, { name: '将撤销', nodeId: demo.A.id, scopes: ['cases.write', 'cases.read'] });
    await admin.post(`/api/api-tokens/${r.token.id}/revoke`, {});
    expectError(await post('requests.json', leakBody({ api_key: r.secret })), 403);
    const e = await createToken(admin, {
      name: '将过期',
      nodeId: demo.A.id,
      scopes: ['cases.read'],
      expiresAt: new Date(t.clock.now().getTime() + 60 * 60_000).toISOString(),
    });
    expect((await get(`requests.json?api_key=${e.secret}`)).status).toBe(200);
    t.clock.advanceMinutes(61);
    expectError(await get(`requests.json?api_key=${e.secret}`), 403);
    admin = await signIn(t, PHONES.admin); // the console session idled out while the clock moved
    const limited = await createToken(admin, {
      name: '限流',
      nodeId: demo.A.id,
      scopes: ['cases.read'],
      ratePerMinute: 2,
    });
    expect((await get(`requests.json?api_key=${limited.secret}`)).status).toBe(200);
    expect((await get(`requests.json?api_key=${limited.secret}`)).status).toBe(200);
    expectError(await get(`requests.json?api_key=${limited.secret}`), 429);
    t.clock.advanceMinutes(1);
    expect((await get(`requests.json?api_key=${limited.secret}`)).status).toBe(200);
  });
});

describe('GET requests', () => {
  it('lists requests in the subtree with the specification fields, dates with zone, ids as strings; filters work', async () => {
    const res = await post('requests.json', leakBody({ description: '楼道灯不亮,请尽快处理' }));
    const no = (res.body as Created)[0]!.service_request_id;
    const list = await get(`requests.json?api_key=${streetKey}`);
    expect(list.status, list.text).toBe(200);
    const rows = list.body as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([...SPEC.request].sort());
      expect(typeof r.service_request_id).toBe('string');
      expect(typeof r.address_id).toBe('string');
      expect(['open', 'closed']).toContain(r.status);
      expect(r.requested_datetime).toMatch(ISO_WITH_ZONE);
      expect(r.updated_datetime).toMatch(ISO_WITH_ZONE);
    }
    const mine = rows.find((r) => r.service_request_id === no)!;
    expect(mine).toMatchObject({
      status: 'open',
      service_code: 'SQ06',
      media_url: 'https://city.example.cn/photos/1.jpg',
    });
    expect(String(mine.requested_datetime)).toMatch(/\+08:00$/);
    // Nothing from the other street.
    const dCases = await sql<{ no: string }>`SELECT no FROM case_record WHERE community_id = ${demo.D.id}`.execute(
      t.database.db,
    );
    const listed = new Set(rows.map((r) => r.service_request_id));
    expect(dCases.rows.some((r) => listed.has(r.no))).toBe(false);

    const xml = await get(`requests.xml?api_key=${streetKey}&service_request_id=${no}`);
    const items = xmlItems(xml.text, 'request');
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).sort()).toEqual([...SPEC.request].sort());
    expect(items[0]!.service_request_id).toBe(no);

    const bySvc = (await get(`requests.json?api_key=${streetKey}&service_code=BJ0101`)).body as {
      service_code: string;
    }[];
    expect(bySvc.length).toBeGreaterThan(0);
    expect(bySvc.every((r) => r.service_code === 'BJ0101')).toBe(true);
    const closed = (await get(`requests.json?api_key=${streetKey}&status=closed`)).body as { status: string }[];
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await get(`requests.json?api_key=${streetKey}&start_date=${encodeURIComponent(future)}`)).status).toBe(400);
    expectError(await get(`requests.json?api_key=${streetKey}&start_date=yesterday`), 400);
    expectError(await get(`requests.json?api_key=${streetKey}&status=pending`), 400);
    expectError(await get('requests.json'), 403);
    expectError(await get(`requests.json?api_key=${streetKey}&jurisdiction_id=999999999`), 404);
    admin = await signIn(t, PHONES.admin);
    const use = await auditSearch(admin, { action: 'api_token.use' });
    expect(use.length).toBeGreaterThan(0);
    expect(use[0]).toMatchObject({ actorRole: 'api_token' });
  });

  it('status and status_notes follow the case; one request by id and by token, JSON and XML; others are 404', async () => {
    const res = await post('requests.json', leakBody({ description: '二楼水管爆裂' }));
    const [created] = res.body as Created;
    const secretary = await signIn(t, PHONES.secretaryA);
    const detail = await secretary.get<{ id: string; version: number }>(`/api/cases/${created!.token}`);
    let c = await ok(secretary, detail.body, { type: 'accept' });
    c = await ok(secretary, c, { type: 'resolve', note: '已联系物业更换水管' });
    const one = await get(`requests/${created!.service_request_id}.json?api_key=${streetKey}`);
    expect(one.status, one.text).toBe(200);
    expect((one.body as Record<string, unknown>[])[0]).toMatchObject({
      service_request_id: created!.service_request_id,
      status: 'closed',
      status_notes: '已联系物业更换水管',
      agency_responsible: '银杏社区',
    });
    const xml = await get(`requests/${created!.service_request_id}.xml?api_key=${streetKey}`);
    expect(xmlItems(xml.text, 'request')[0]).toMatchObject({ status: 'closed', status_notes: '已联系物业更换水管' });
    const tok = await get(`tokens/${created!.token}.json?api_key=${streetKey}`);
    expect(tok.body).toEqual([{ service_request_id: created!.service_request_id, token: created!.token }]);
    expect(xmlItems((await get(`tokens/${created!.token}.xml?api_key=${streetKey}`)).text, 'request')).toEqual([
      { service_request_id: created!.service_request_id, token: created!.token },
    ]);
    // Community D's key does not see street 1's request: it does not exist for it.
    expectError(await get(`requests/${created!.service_request_id}.json?api_key=${communityDKey}`), 404);
    expectError(await get(`tokens/${created!.token}.xml?api_key=${communityDKey}`), 404, true);
    expectError(await get(`requests/20991231999999.json?api_key=${streetKey}`), 404);
    expectError(await get(`requests/${created!.service_request_id}.json`), 403);
  });

  it('a dispatched request names the department responsible and stays open', async () => {
    const res = await post(
      'requests.json',
      leakBody({ description: '小区外人行道井盖缺失', service_code: 'BJ0101', 'attribute[part_code]': 'JG-7' }),
    );
    const [created] = res.body as Created;
    const dispatcher = await signIn(t, PHONES.dispatcher);
    let c = (await dispatcher.get<{ id: string; version: number; status: string }>(`/api/cases/${created!.token}`))
      .body;
    expect(c.status).toBe('escalated'); // a department matter starts at the street
    const cgj = await departmentIdOf(t, 'cgj');
    c = await ok(dispatcher, c, { type: 'register' });
    c = await ok(dispatcher, c, { type: 'dispatch', assignments: [{ departmentId: cgj, deadline: inFuture(t, 3) }] });
    const [one] = (await get(`requests/${created!.service_request_id}.json?api_key=${streetKey}`)).body as Record<
      string,
      unknown
    >[];
    expect(one).toMatchObject({ status: 'open', agency_responsible: '区城市管理行政执法局' });
    expect(one!.expected_datetime).toMatch(ISO_WITH_ZONE);
  });

  it('by default lists the last 90 days only', async () => {
    const res = await post('requests.json', leakBody({ description: '很久以前的漏水' }));
    const no = (res.body as Created)[0]!.service_request_id;
    t.clock.advance(91 * 86_400_000);
    const rows = (await get(`requests.json?api_key=${streetKey}`)).body as { service_request_id: string }[];
    expect(rows.map((r) => r.service_request_id)).not.toContain(no);
    const start = new Date(t.clock.now().getTime() - 100 * 86_400_000).toISOString();
    const older = (await get(`requests.json?api_key=${streetKey}&start_date=${encodeURIComponent(start)}`)).body as {
      service_request_id: string;
    }[];
    expect(older.map((r) => r.service_request_id)).toContain(no);
  });
});
