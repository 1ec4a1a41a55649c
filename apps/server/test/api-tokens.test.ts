import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';
import { createToken, type Token } from './open-platform-helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('a district admin creates a token for a street: the secret is shown once and stored only as its SHA-256', async () => {
    const { token, secret } = await createToken(admin, {
      name: '区城运中心',
      nodeId: demo.street1.id,
      scopes: ['cases.read', 'cases.write'],
      ratePerMinute: 30,
    });
    expect(secret).toMatch(/^llk_[\w-]{43}$/);
    expect(token).toMatchObject({
      name: '区城运中心',
      nodeId: demo.street1.id,
      nodeName: '青松街道',
      scopes: ['cases.read', 'cases.write'],
      ratePerMinute: 30,
      active: true,
      revokedAt: null,
      lastUsedAt: null,
      expiresAt: null,
      prefix: secret.slice(0, 10),
    });
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM api_token WHERE id = ${token.id}`.execute(
      t.database.db,
    );
    expect(stored.rows[0]!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const listed = await admin.get<{ items: Token[] }>('/api/api-tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((x) => x.id)).toContain(token.id);
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(stored.rows[0]!.token_hash);
    const audit = await auditSearch(admin, { action: 'api_token.create' });
    expect(audit[0]).toMatchObject({ resourceId: token.id });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('revoking marks the token inactive and is audited; revoking again changes nothing', async () => {
    const { token } = await createToken(admin, { name: '撤销测试', nodeId: demo.A.id, scopes: ['cases.read'] });
    const res = await admin.post<Token>(`/api/api-tokens/${token.id}/revoke`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ active: false, revokedAt: t.clock.now().toISOString() });
    t.clock.advanceMinutes(1);
    const again = await admin.post<Token>(`/api/api-tokens/${token.id}/revoke`, {});
    expect(again.body.revokedAt).toBe(res.body.revokedAt);
    expect(
      (await auditSearch(admin, { action: 'api_token.revoke' })).filter((a) => a.resourceId === token.id),
    ).toHaveLength(1);
  });

  it('an expiry in the past, no scope, an unknown scope or node are refused and nothing is written', async () => {
    await nothingWritten(t, async () => {
      const past = new Date(t.clock.now().getTime() - 1000).toISOString();
      const base = { name: 'x', nodeId: demo.A.id, scopes: ['cases.read'] };
      expectProblem(
        await admin.post('/api/api-tokens', { ...base, expiresAt: past }),
        422,
        'validation_failed',
        '/expiresAt',
      );
      expectProblem(await admin.post('/api/api-tokens', { ...base, scopes: [] }), 422, 'validation_failed');
      expectProblem(await admin.post('/api/api-tokens', { ...base, scopes: ['admin'] }), 422, 'validation_failed');
      expectProblem(
        await admin.post('/api/api-tokens', { ...base, nodeId: '999999' }),
        422,
        'validation_failed',
        '/nodeId',
      );
      expectProblem(await admin.post('/api/api-tokens', { ...base, ratePerMinute: 0 }), 422, 'validation_failed');
    });
  });

  it('community and street cadres may neither list nor create tokens', async () => {
    for (const phone of [PHONES.secretaryA, PHONES.dispatcher, PHONES.residentA]) {
      const c = await signIn(t, phone);
      await nothingWritten(t, async () => {
        expectProblem(await c.get('/api/api-tokens'), 403, 'forbidden');
        expectProblem(
          await c.post('/api/api-tokens', { name: 'x', nodeId: demo.A.id, scopes: ['cases.read'] }),
          403,
          'forbidden',
        );
      });
    }
  });
});
