import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

// A load balancer must see "not ready" (503), not a generic 500, when the database is gone.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
// The database is already closed by the test; close() still drops the test database and temp dir.
afterAll(() => t.close().catch(() => {}));

describe('readiness when the database goes away', () => {
  it('answers 503 database_unavailable while liveness stays 200', async () => {
    expect((await t.app.inject({ url: '/api/ready' })).statusCode).toBe(200);
    await t.database.close();
    const res = await t.app.inject({ url: '/api/ready', headers: { 'accept-language': 'en' } });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ code: 'database_unavailable', status: 503 });
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
