import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';
import { createToken } from './open-platform-helpers.ts';

interface OpenNotice {
  id: string;
  nodeId: string;
  title: string;
  body: string;
  level: string;
}

let t: TestApp;
let demo: Demo;
let admin: TestClient;
const ids: Record<string, string> = {};

/** A client with no cookie at all: an external system with only its token. */
const asSystem = (secret: string | null) => {
  const c = t.client();
  return (url: string) => c.request('GET', url, undefined, secret ? { authorization: `Bearer ${secret}` } : {});
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  const publish = async (key: string, nodeId: string, title: string) => {
    const res = await admin.post<{ id: string }>('/api/notices', {
      nodeId,
      category: 'notice',
      title,
      body: `${title}正文`,
    });
    expect(res.status, res.text).toBe(201);
    ids[key] = res.body.id;
  };
  await publish('A', demo.A.id, '银杏社区停水通知');
  await publish('D', demo.D.id, '海棠社区停电通知');
  await publish('district', demo.district.id, '全区防汛提示');
  await publish('street2', demo.street2.id, '白鹭镇集市改期');
});
afterAll(() => t.close());

describe('notices for external systems (notices.read)', () => {
  it('a street token reads the notices of its subtree and above it, not those of another street; audited', async () => {
    expect(demo.A.path.startsWith(demo.street1.path)).toBe(true);
    expect(demo.D.path.startsWith(demo.street1.path)).toBe(false);
    const { token, secret } = await createToken(admin, {
      name: '青松街道大屏',
      nodeId: demo.street1.id,
      scopes: ['notices.read'],
    });
    const get = asSystem(secret);
    const res = await get('/api/open/notices');
    expect(res.status, res.text).toBe(200);
    const page = res.body as { items: OpenNotice[]; nextCursor: string | null };
    const seen = page.items.map((n) => n.id);
    expect(seen).toContain(ids.A);
    expect(seen).toContain(ids.district);
    expect(seen).not.toContain(ids.D);
    expect(seen).not.toContain(ids.street2);
    expect(page.items.find((n) => n.id === ids.A)).toMatchObject({
      title: '银杏社区停水通知',
      body: '银杏社区停水通知正文',
    });
    // Narrowed to a community of the street; one notice at a time.
    const inA = (await get(`/api/open/notices?nodeId=${demo.A.id}&limit=1`)).body as typeof page;
    expect(inA.items).toHaveLength(1);
    expect(inA.nextCursor).not.toBeNull();
    const next = (await get(`/api/open/notices?nodeId=${demo.A.id}&limit=50&cursor=${inA.nextCursor}`))
      .body as typeof page;
    expect([...inA.items, ...next.items].map((n) => n.id)).toEqual(expect.arrayContaining([ids.A, ids.district]));
    const one = await get(`/api/open/notices/${ids.A}`);
    expect(one.status, one.text).toBe(200);
    expect((one.body as OpenNotice).title).toBe('银杏社区停水通知');
    const audit = await auditSearch(admin, { action: 'api_token.use' });
    expect(audit.filter((e) => e.resourceId === token.id).length).toBeGreaterThanOrEqual(4);
    expect(audit[0]).toMatchObject({ actorName: 'API: 青松街道大屏', resourceId: token.id });
    const listed = (await admin.get<{ items: { id: string; lastUsedAt: string | null }[] }>('/api/api-tokens')).body;
    expect(listed.items.find((x) => x.id === token.id)!.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('outside its subtree: a node there is 403, a notice there is 404; both refusals leave a trace', async () => {
    const { token, secret } = await createToken(admin, {
      name: '银杏社区屏',
      nodeId: demo.A.id,
      scopes: ['notices.read'],
    });
    const get = asSystem(secret);
    expectProblem(await get(`/api/open/notices?nodeId=${demo.D.id}`), 403, 'token_out_of_scope');
    expectProblem(await get(`/api/open/notices?nodeId=${demo.street1.id}`), 403, 'token_out_of_scope');
    expectProblem(await get(`/api/open/notices/${ids.D}`), 404, 'not_found');
    expectProblem(await get('/api/open/notices/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'), 404, 'not_found');
    const refused = await auditSearch(admin, { action: 'api_token.refused' });
    expect(refused.filter((e) => e.resourceId === token.id)).toHaveLength(2);
  });

  it('a token without notices.read is 403; no, a revoked or a wrong token is 401; a session is not enough', async () => {
    const cases = await createToken(admin, { name: '仅诉求', nodeId: demo.street1.id, scopes: ['cases.read'] });
    const res = await asSystem(cases.secret)('/api/open/notices');
    expectProblem(res, 403, 'scope_missing');
    expect((res.body as { title: string }).title).toContain('notices.read');
    const refused = await auditSearch(admin, { action: 'api_token.refused' });
    expect(refused[0]).toMatchObject({ resourceId: cases.token.id, actorName: 'API: 仅诉求' });
    expectProblem(await asSystem(null)('/api/open/notices'), 401, 'invalid_api_key');
    expectProblem(await asSystem('llk_wrong')('/api/open/notices'), 401, 'invalid_api_key');
    const gone = await createToken(admin, { name: '已撤销', nodeId: demo.street1.id, scopes: ['notices.read'] });
    await admin.post(`/api/api-tokens/${gone.token.id}/revoke`, {});
    expectProblem(await asSystem(gone.secret)('/api/open/notices'), 401, 'invalid_api_key');
    // A signed-in cadre's cookie is not a token.
    expectProblem(await admin.get('/api/open/notices'), 401, 'invalid_api_key');
  });

  it('the token’s per-minute limit holds here too (429), counted even though the request is refused', async () => {
    const { secret } = await createToken(admin, {
      name: '限速',
      nodeId: demo.A.id,
      scopes: ['notices.read'],
      ratePerMinute: 2,
    });
    const get = asSystem(secret);
    expect((await get('/api/open/notices')).status).toBe(200);
    expect((await get('/api/open/notices')).status).toBe(200);
    expectProblem(await get('/api/open/notices'), 429, 'rate_limited');
    t.clock.advanceMinutes(1);
    expect((await get('/api/open/notices')).status).toBe(200);
  });
});
