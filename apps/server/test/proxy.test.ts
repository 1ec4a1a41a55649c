import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

// Behind one reverse proxy, the per-IP sign-in limit must count the client's address, not the proxy's.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false, config: { trustProxyHops: 1, loginRateLimitPerMinute: 2 } });
});
afterAll(() => t.close());

const attempt = (forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    remoteAddress: '10.0.0.1',
    payload: { phone: '13800000099', password: 'Wrong#Pass1' },
  });

describe('behind a reverse proxy', () => {
  it('limits each client separately, by X-Forwarded-For', async () => {
    expect((await attempt('203.0.113.7')).statusCode).toBe(401);
    expect((await attempt('203.0.113.7')).statusCode).toBe(401);
    expect((await attempt('203.0.113.7')).statusCode).toBe(429);
    expect((await attempt('198.51.100.9')).statusCode).toBe(401);
  });
});
