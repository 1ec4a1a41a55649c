import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('health and ready', async () => {
    const c = t.client();
    expect((await c.get('/api/health')).body).toEqual({ status: 'ok' });
    const r = await c.get<{ status: string; migrations: number }>('/api/ready');
    expect(r.status).toBe(200);
    expect(r.body.migrations).toBeGreaterThanOrEqual(5);
  });
  it('secretary signs in and sees the queue', async () => {
    const c = await t.as('13800000003');
    const me = await c.get<{ me: { user: { name: string } } }>('/api/auth/me');
    expect(me.body.me.user.name).toBe('孙丽');
    const q = await c.get<{ total: number }>('/api/join-applications?status=pending');
    expect(q.status).toBe(200);
    expect(q.body.total).toBe(3);
  });
});
