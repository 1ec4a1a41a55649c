import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { expectProblem, PHONES, ROUTES, signIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('problem+json', () => {
  it('carries type, title, status, code, detail, instance and the request id', async () => {
    const res = await t.client().get('/api/org/tree?maxType=grid');
    const p = expectProblem(res, 401, 'unauthenticated');
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(p).toEqual({
      type: 'https://linli.dev/problems/unauthenticated',
      title: '请先登录',
      status: 401,
      code: 'unauthenticated',
      detail: '请先登录',
      instance: '/api/org/tree',
      requestId: res.headers['x-request-id'],
    });
  });

  it('lists every invalid field with a JSON-pointer path, a stable code and a message', async () => {
    const res = await t.client().post('/api/auth/login', { phone: '123', extra: 1 });
    const p = expectProblem(res, 422, 'validation_failed');
    expect(p.errors).toEqual(
      expect.arrayContaining([
        { path: '/phone', code: 'invalid_phone', message: '手机号格式不正确(11 位手机号)' },
        { path: '/password', code: 'required', message: '必填' },
        { path: '/extra', code: 'additionalProperties', message: '不允许的字段' },
      ]),
    );
    expect(p.detail).toContain('phone');
    const q = expectProblem(await (await signIn(t, PHONES.admin)).get('/api/audit?limit=0'), 422, 'validation_failed');
    expect(q.errors?.[0]).toMatchObject({ path: '/query/limit', code: 'minimum' });
  });

  it('answers unknown API paths and methods with a 404 problem, in the caller’s language', async () => {
    expectProblem(await t.client().get('/api/no-such-thing'), 404, 'not_found');
    expectProblem(await t.client().delete('/api/health'), 404, 'not_found');
    const c = t.client();
    c.lang = 'en';
    expect(expectProblem(await c.get('/api/no-such-thing'), 404, 'not_found').title).toBe('Not found');
  });
});

describe('request ids and headers', () => {
  it('gives every response an x-request-id: a fresh UUID, or a well-formed one the caller sent', async () => {
    const a = await t.client().get('/api/health');
    const b = await t.client().get('/api/health');
    expect(a.headers['x-request-id']).toMatch(UUID);
    expect(b.headers['x-request-id']).toMatch(UUID);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    const given = await t.client().get('/api/health', { 'x-request-id': 'edge-proxy-42-abcdef' });
    expect(given.headers['x-request-id']).toBe('edge-proxy-42-abcdef');
    const hostile = await t.client().get('/api/health', { 'x-request-id': '<script>alert(1)</script>' });
    expect(hostile.headers['x-request-id']).toMatch(UUID);
  });

  it('sends security headers and no-store on API responses, errors included', async () => {
    for (const res of [await t.client().get('/api/health'), await t.client().get('/api/auth/me')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3 document with every contract route and the apply body schema', async () => {
    const res = await t.client().get<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>
      >;
    }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
    for (const [name, def] of ROUTES) {
      const path = def.url.replace(/:(\w+)/g, '{$1}');
      expect(res.body.paths[path]?.[def.method.toLowerCase()], `${name} ${def.method} ${path}`).toBeDefined();
    }
    const apply = res.body.paths['/api/join/{token}/applications']?.post;
    const schema = apply?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, { format?: string; pattern?: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['addressNodeId', 'addressText', 'idNumber', 'name', 'password', 'phone'].sort(),
    );
    expect(schema.required.sort()).toEqual(['idNumber', 'name', 'phone']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.idNumber?.format).toBe('cn-id-number');
    expect(schema.properties.phone?.pattern).toBe('^1[3-9]\\d{9}$');
  });

  it('serves the API docs as HTML', async () => {
    let res = await t.app.inject({ url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) res = await t.app.inject({ url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('health and readiness', () => {
  it('/api/health says ok and /api/ready reports the engine and every migration applied', async () => {
    const health = await t.client().get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const files = readdirSync(fileURLToPath(new URL('../migrations/', import.meta.url))).filter((f) =>
      f.endsWith('.sql'),
    );
    const ready = await t.client().get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      engine: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      migrations: files.length,
    });
  });
});
