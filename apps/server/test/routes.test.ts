import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api as contracts } from '@linli/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { TestClock } from '../src/platform/clock.ts';
import { keysFrom } from '../src/platform/crypto/keys.ts';
import type { Database, Db } from '../src/platform/db/engine.ts';
import { ROUTES } from './helpers.ts';

// Records every route any Fastify instance registers (including plugins'), with its config, from the
// moment the instance is created, so nothing registered by buildApp can slip past the check.
const recorded = vi.hoisted(() => [] as { method: string; url: string; access: unknown }[]);
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const create = ((opts?: object) => {
    const app = mod.default(opts);
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat())
        recorded.push({ method: m, url: r.url, access: (r.config as { access?: unknown } | undefined)?.access });
    });
    return app;
  }) as unknown as typeof mod.default;
  return { ...mod, default: create };
});

const webDist = mkdtempSync(join(tmpdir(), 'linli-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>resident</title>');
writeFileSync(join(webDist, 'console.html'), '<!doctype html><title>console</title>');

// No handler runs here, so the app needs no real database.
const database: Database = { db: {} as Db, engine: 'pglite', close: async () => {} };
const build = () =>
  buildApp({
    config: { ...loadConfig({}), webDist },
    database,
    keys: keysFrom(randomBytes(32)),
    clock: new TestClock(),
    demoAccounts: new Set(),
  });

let app: FastifyInstance;
let routes: typeof recorded = [];
beforeAll(async () => {
  app = (await build()).app;
  await app.ready();
  routes = [...recorded];
});
afterAll(async () => {
  await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

const api = () =>
  routes.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
const key = (method: string, url: string) => `${method} ${url}`;

describe('route access declarations', () => {
  it('every route registered under /api declares who may call it', () => {
    expect(api().length).toBeGreaterThan(20);
    const missing = api().filter((r) => !r.access);
    expect(missing).toEqual([]);
    // HEAD twins of GET routes carry the same declaration.
    expect(
      routes.filter(
        (r) => r.method === 'HEAD' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.access,
      ),
    ).toEqual([]);
  });

  it('registers exactly the contract routes (plus the OpenAPI document), each with the contract’s access', () => {
    const registered = new Map(api().map((r) => [key(r.method, r.url), r.access]));
    const expected = new Map<string, unknown>(ROUTES.map(([, d]) => [key(d.method, d.url), d.access]));
    expected.set('GET /api/openapi.json', { auth: 'public' });
    // Outside the contracts: single sign-on's browser redirects, and token routes (an API token's scope).
    expected.set('GET /api/auth/oidc/start', { auth: 'public' });
    expected.set('GET /api/auth/oidc/callback', { auth: 'public' });
    for (const d of [contracts.openNotices.listOpenNotices, contracts.openNotices.getOpenNotice])
      expected.set(key(d.method, d.url), { token: d.scope });
    expect([...registered.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, access] of expected) expect(registered.get(k), k).toEqual(access);
  });

  it('the public routes are exactly health, ready, login, single sign-on, join, a village’s hometown page, the courtyard QR report and the OpenAPI document', () => {
    const publicRoutes = api()
      .filter((r) => (r.access as { auth?: string }).auth === 'public')
      .map((r) => key(r.method, r.url))
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/health',
        'GET /api/ready',
        'POST /api/auth/login',
        'GET /api/auth/sso',
        'GET /api/auth/oidc/start',
        'GET /api/auth/oidc/callback',
        'GET /api/join/:token',
        'POST /api/join/:token/applications',
        'GET /api/hometown/:id',
        'POST /api/hometown/:id/join',
        'GET /api/openapi.json',
        'POST /api/public/attachments',
        'GET /api/public/report/:token',
        'POST /api/public/report/:token',
        'GET /api/public/track/:key',
      ].sort(),
    );
  });

  it('buildApp refuses to register an /api route that declares no access', async () => {
    const { app: fresh } = await build();
    try {
      expect(() => fresh.get('/api/unguarded', async () => 'secret')).toThrow(/declares no access/);
      expect(() => fresh.route({ method: 'POST', url: '/api/also-unguarded', handler: async () => 'x' })).toThrow(
        /declares no access/,
      );
      expect(() =>
        fresh.get('/api/guarded', { config: { access: { auth: 'public' } } }, async () => 'ok'),
      ).not.toThrow();
      expect(() => fresh.get('/not-api', async () => 'ok')).not.toThrow();
    } finally {
      await fresh.close();
    }
  });
});
