import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import {
  auditSearch,
  dbState,
  expectProblem,
  type Me,
  nextIp,
  nothingWritten,
  PASSWORD,
  PHONES,
  signIn,
} from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (phone: string, password: string, ip = nextIp()) => {
  const c = t.client();
  c.ip = ip;
  return c.post('/api/auth/login', { phone, password });
};

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and returns me and a CSRF token', async () => {
    const c = t.client();
    const res = await c.post<{ csrfToken: string; me: Me; expiresAt: string }>('/api/auth/login', {
      phone: PHONES.admin,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^linli_sid=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
    expect(res.body.me.user).toMatchObject({
      name: '赵明',
      phone: PHONES.admin,
      isStaff: true,
      mustChangePassword: false,
    });
    expect(res.body.me.idleTimeoutMinutes).toBe(30);
    expect(res.body.me.demoMode).toBe(true);
    // The cookie alone now identifies the user.
    const me = await c.get<{ me: Me }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.me.user.name).toBe('赵明');
  });

  it('refuses a wrong password and an unknown phone with the same 401', async () => {
    const wrong = expectProblem(await login(PHONES.admin, 'Wrong#Pass1'), 401, 'invalid_credentials');
    const unknown = expectProblem(await login('13712345678', PASSWORD), 401, 'invalid_credentials');
    expect(unknown.title).toBe(wrong.title);
    expect(unknown.title).toBe('手机号或密码错误');
  });

  it('checks the login body: a malformed phone is a 422 naming /phone', async () => {
    const p = expectProblem(await login('12345', PASSWORD), 422, 'validation_failed', '/phone');
    expect(p.errors?.find((e) => e.path === '/phone')?.code).toBe('invalid_phone');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    const phone = PHONES.gridWorkerA2;
    for (let i = 1; i <= 4; i++) expectProblem(await login(phone, `Wrong#Pass${i}`), 401, 'invalid_credentials');
    const locked = expectProblem(await login(phone, 'Wrong#Pass5'), 423, 'account_locked');
    expect(locked.title).toContain('15');
    expectProblem(await login(phone, PASSWORD), 423, 'account_locked');
    t.clock.advanceMinutes(14);
    expectProblem(await login(phone, PASSWORD), 423, 'account_locked');
    t.clock.advanceMinutes(1);
    expect((await login(phone, PASSWORD)).status).toBe(200);
    // The lock reset the count: one more mistake is an ordinary failure again.
    expectProblem(await login(phone, 'Wrong#Pass6'), 401, 'invalid_credentials');
    const admin = await signIn(t, PHONES.admin);
    const entries = await auditSearch(admin, { actor: phone, action: 'auth.' });
    expect(entries.filter((e) => e.action === 'auth.locked')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'auth.login_failed').length).toBeGreaterThanOrEqual(5);
  });
});

describe('idle timeout', () => {
  it('ends a staff session after 30 idle minutes', async () => {
    const c = await signIn(t, PHONES.secretaryA);
    t.clock.advanceMinutes(29);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advanceMinutes(31);
    expectProblem(await c.get('/api/auth/me'), 401, 'session_expired');
    // The expired session is gone for good, not just refused once.
    const again = await t.app.inject({ url: '/api/auth/me', headers: { cookie: c.cookie ?? '' } });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('unauthenticated');
  });

  it('keeps a resident signed in for 31 idle minutes but not for 7 days and a minute', async () => {
    const c = await signIn(t, PHONES.residentA);
    const me = await c.get<{ me: Me }>('/api/auth/me');
    expect(me.body.me.idleTimeoutMinutes).toBe(7 * 24 * 60);
    t.clock.advanceMinutes(31);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    expectProblem(await c.get('/api/auth/me'), 401, 'session_expired');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without or with a wrong x-csrf-token, writing nothing', async () => {
    const c = await signIn(t, PHONES.secretaryA);
    const me = await c.get<{ me: Me }>('/api/auth/me');
    const A = me.body.me.grants[0]!.nodeId;
    const url = `/api/communities/${A}/join-link/rotate`;
    const before = (await c.get<{ version: number }>(`/api/communities/${A}/join-link`)).body.version;
    const other = await signIn(t, PHONES.committeeA);
    await nothingWritten(t, async () => {
      const missing = await t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie! }, remoteAddress: c.ip });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().code).toBe('csrf_failed');
      expectProblem(await c.request('POST', url, undefined, { 'x-csrf-token': 'forged-token' }), 403, 'csrf_failed');
      // Another session's token does not fit this session either.
      expectProblem(await c.request('POST', url, undefined, { 'x-csrf-token': other.csrf! }), 403, 'csrf_failed');
    });
    expect((await c.get<{ version: number }>(`/api/communities/${A}/join-link`)).body.version).toBe(before);
    // With its own token the same request goes through.
    const ok = await c.post<{ version: number }>(url);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(before + 1);
  });
});

describe('logout', () => {
  it('ends the session: the old cookie no longer works', async () => {
    const c = await signIn(t, PHONES.dispatcher);
    const cookie = c.cookie!;
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/linli_sid=;/);
    expect(c.cookie).toBeNull();
    expectProblem(await c.get('/api/auth/me'), 401, 'unauthenticated');
    const replay = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });
});

describe('change password', () => {
  const phone = PHONES.streetStaff;
  const change = (c: Awaited<ReturnType<typeof signIn>>, currentPassword: string, newPassword: string) =>
    c.post('/api/auth/password', { currentPassword, newPassword });

  it('applies the policy and checks the current password, changing nothing on failure', async () => {
    const c = await signIn(t, phone);
    await nothingWritten(t, async () => {
      let p = expectProblem(await change(c, PASSWORD, 'Ab1#xyz'), 422, 'validation_failed', '/newPassword');
      expect(p.errors?.[0]?.code).toBe('password_too_short');
      p = expectProblem(await change(c, PASSWORD, 'abcdefgh1234'), 422, 'validation_failed', '/newPassword');
      expect(p.errors?.[0]?.code).toBe('password_too_simple');
      p = expectProblem(await change(c, 'Not#The1Password', 'Good#Pass2026'), 422, 'wrong_current_password');
      expect(p.errors?.[0]?.path).toBe('/currentPassword');
      expectProblem(await change(c, PASSWORD, PASSWORD), 422, 'password_reused', '/newPassword');
    });
    expect((await login(phone, PASSWORD)).status).toBe(200);
  });

  it('on success ends the other sessions; the new password works and the old one does not', async () => {
    const mine = await signIn(t, phone);
    const other = await signIn(t, phone);
    expect((await change(mine, PASSWORD, 'Good#Pass2026')).status).toBe(200);
    expectProblem(await other.get('/api/auth/me'), 401, 'unauthenticated');
    expect((await mine.get('/api/auth/me')).status).toBe(200);
    expect((await login(phone, 'Good#Pass2026')).status).toBe(200);
    expectProblem(await login(phone, PASSWORD), 401, 'invalid_credentials');
    const entries = await auditSearch(await signIn(t, PHONES.admin), { actor: phone, action: 'auth.password_change' });
    expect(entries).toHaveLength(1);
  });
});

describe('language', () => {
  it('answers in English for Accept-Language en, Chinese otherwise', async () => {
    const c = t.client();
    c.lang = 'en-US,en;q=0.9';
    const en = expectProblem(
      await c.post('/api/auth/login', { phone: PHONES.admin, password: 'x' }),
      401,
      'invalid_credentials',
    );
    expect(en.title).toBe('Wrong phone number or password');
    const v = expectProblem(await c.post('/api/auth/login', { phone: '1', password: 'x' }), 422, 'validation_failed');
    expect(v.title).toBe('Some fields are invalid');
    expect(v.errors?.[0]?.message).toBe('must be an 11-digit mobile number');
    c.lang = 'zh-CN';
    const zh = expectProblem(
      await c.post('/api/auth/login', { phone: PHONES.admin, password: 'x' }),
      401,
      'invalid_credentials',
    );
    expect(zh.title).toBe('手机号或密码错误');
  });
});

describe('login rate limit per IP', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ config: { loginRateLimitPerMinute: 3 } });
  });
  afterAll(() => r.close());

  it('refuses the 4th attempt in a minute from one IP with 429, while another IP still signs in', async () => {
    const from = (ip: string) => {
      const c = r.client();
      c.ip = ip;
      return c;
    };
    const a = from('10.0.0.1');
    expect((await a.post('/api/auth/login', { phone: PHONES.admin, password: 'Wrong#1x' })).status).toBe(401);
    expect((await a.post('/api/auth/login', { phone: PHONES.admin, password: 'Wrong#2x' })).status).toBe(401);
    expect((await a.post('/api/auth/login', { phone: PHONES.admin, password: PASSWORD })).status).toBe(200);
    const before = await dbState(r);
    const limited = await a.post('/api/auth/login', { phone: PHONES.admin, password: PASSWORD });
    expectProblem(limited, 429, 'rate_limited');
    expect(await dbState(r)).toEqual(before);
    const b = from('10.0.0.2');
    expect((await b.post('/api/auth/login', { phone: PHONES.admin, password: PASSWORD })).status).toBe(200);
  });
});
