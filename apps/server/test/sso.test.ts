import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { encrypt } from '../src/platform/crypto/secret-box.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, expectProblem, PHONES, signIn } from './helpers.ts';
import { Browser, CLIENT, type LocalProvider, REDIRECT, startProvider } from './oidc-helpers.ts';

let t: TestApp;
let idp: LocalProvider;
let admin: TestClient;
beforeAll(async () => {
  idp = await startProvider();
  t = await createTestApp({
    config: {
      oidc: {
        issuer: idp.issuer,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUrl: REDIRECT,
        scopes: 'openid profile phone',
        label: null,
      },
    },
  });
  admin = await signIn(t, PHONES.admin);
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

/** The provider's person: a subject with claims, who signs in at the provider next. */
const person = (sub: string, claims: { name: string; phone_number?: string; phone_number_verified?: boolean }) => {
  idp.accounts.set(sub, claims);
  idp.signInAs = sub;
};

const me = async (b: Browser) => {
  const res = await b.linli('/api/auth/me');
  return {
    status: res.statusCode,
    body: res.json() as { me: { user: { phone: string; name: string } }; csrfToken: string },
  };
};

const refusedWith = (res: { statusCode: number; headers: Record<string, unknown> }, code: string) => {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/console/login?sso_error=${code}`);
};

describe('single sign-on (OpenID Connect, authorization code + PKCE)', () => {
  it('without configuration the login page gets no button and the routes answer 404', async () => {
    const saved = t.platform.config.oidc;
    t.platform.config.oidc = null;
    try {
      const info = await t.client().get('/api/auth/sso');
      expect(info.status).toBe(200);
      expect(info.body).toEqual({ enabled: false, label: null, startUrl: null });
      expectProblem(await t.client().get('/api/auth/oidc/start'), 404, 'sso_not_configured');
      expectProblem(await t.client().get('/api/auth/oidc/callback?code=x&state=y'), 404, 'sso_not_configured');
    } finally {
      t.platform.config.oidc = saved;
    }
    expect((await t.client().get('/api/auth/sso')).body).toMatchObject({
      enabled: true,
      startUrl: '/api/auth/oidc/start',
    });
  });

  it('first sign-in matches the verified phone number, stores the link and starts a normal session (cookie + CSRF)', async () => {
    person('gov-1001', { name: '孙丽', phone_number: '+86 138 0000 0003', phone_number_verified: true });
    const b = new Browser(t);
    const { start, callback } = await b.signIn('/console/cases');
    // PKCE with S256, state and nonce on the way out; the verifier on the way back.
    const auth = new URL(String(start.headers.location));
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    const challenge = auth.searchParams.get('code_challenge')!;
    expect(challenge).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const verifier = idp.tokenRequests.at(-1)!.codeVerifier!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);

    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/console/cases');
    expect(b.linliCookies.get('linli_sid')).toBeTruthy();
    expect(b.linliCookies.has('linli_oidc_state')).toBe(false);
    const who = await me(b);
    expect(who.status).toBe(200);
    expect(who.body.me.user).toMatchObject({ phone: '13800000003', name: '孙丽' });
    // The session is a password sign-in's: writes need its CSRF token.
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `linli_sid=${b.linliCookies.get('linli_sid')}` },
    });
    expect(noCsrf.statusCode).toBe(403);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `linli_sid=${b.linliCookies.get('linli_sid')}`, 'x-csrf-token': who.body.csrfToken },
    });
    expect(out.statusCode).toBe(200);

    const login = (await auditSearch(admin, { action: 'auth.login' }))[0]!;
    expect(login).toMatchObject({ actorName: '孙丽' });
    expect(JSON.stringify(login)).toContain('oidc');
    const links = await admin.get<{ items: { subject: string; linkedVia: string; userName: string }[] }>(
      '/api/sso/links',
    );
    expect(links.body.items.find((l) => l.subject === 'gov-1001')).toMatchObject({
      linkedVia: 'phone',
      userName: '孙丽',
    });

    // Later sign-ins use the link, even when the provider no longer sends the phone number.
    person('gov-1001', { name: '孙丽' });
    const again = new Browser(t);
    expect((await again.signIn('/console')).callback.headers.location).toBe('/console');
    expect((await me(again)).body.me.user.phone).toBe('13800000003');
  });

  it('a district admin pre-links a subject to a staff account; that subject signs in as it without a phone claim', async () => {
    const dispatcher = await signIn(t, PHONES.dispatcher);
    const dispatcherId = (await dispatcher.get<{ me: { user: { id: string } } }>('/api/auth/me')).body.me.user.id;
    const link = await admin.post<{ subject: string; linkedVia: string }>('/api/sso/links', {
      userId: dispatcherId,
      subject: 'gov-2002',
    });
    expect(link.status, link.text).toBe(201);
    expect(link.body).toMatchObject({ subject: 'gov-2002', linkedVia: 'admin' });
    expect((await auditSearch(admin, { action: 'sso.link' }))[0]).toMatchObject({ resourceId: dispatcherId });
    // The same subject for another account is refused.
    expectProblem(
      await admin.post('/api/sso/links', {
        userId: (await admin.get<{ me: { user: { id: string } } }>('/api/auth/me')).body.me.user.id,
        subject: 'gov-2002',
      }),
      409,
      'sso_link_taken',
      '/subject',
    );
    // Only a district admin links; a secretary may not.
    const secretary = await signIn(t, PHONES.secretaryA);
    expectProblem(await secretary.post('/api/sso/links', { userId: dispatcherId, subject: 'gov-x' }), 403, 'forbidden');
    // A resident is not staff: no such account to link.
    const resident = await signIn(t, PHONES.residentA);
    const residentId = (await resident.get<{ me: { user: { id: string } } }>('/api/auth/me')).body.me.user.id;
    expectProblem(await admin.post('/api/sso/links', { userId: residentId, subject: 'gov-y' }), 404, 'not_found');

    person('gov-2002', { name: '周调度' });
    const b = new Browser(t);
    const { callback } = await b.signIn();
    expect(callback.headers.location).toBe('/console/cases');
    expect((await me(b)).body.me.user.phone).toBe(PHONES.dispatcher);

    // Removing the link ends that way in.
    expect((await admin.post('/api/sso/links/remove', { subject: 'gov-2002' })).status).toBe(200);
    refusedWith((await new Browser(t).signIn()).callback, 'sso_unknown_account');
  });

  it('an unknown account, an unverified phone number or a resident is refused, audited, and gets no session', async () => {
    const tries: [string, Parameters<typeof person>[1], string][] = [
      ['gov-9001', { name: '陌生人', phone_number: '13999999999', phone_number_verified: true }, 'sso_unknown_account'],
      [
        'gov-9002',
        { name: '未验证', phone_number: PHONES.secretaryD, phone_number_verified: false },
        'sso_unknown_account',
      ],
      ['gov-9003', { name: '居民', phone_number: PHONES.residentA, phone_number_verified: true }, 'sso_not_staff'],
    ];
    for (const [sub, claims, code] of tries) {
      person(sub, claims);
      const b = new Browser(t);
      const { callback } = await b.signIn();
      refusedWith(callback, code);
      expect(b.linliCookies.has('linli_sid')).toBe(false);
      expect((await me(b)).status).toBe(401);
      const failed = (await auditSearch(admin, { action: 'auth.sso_failed' }))[0]!;
      expect(JSON.stringify(failed)).toContain(code);
      expect(JSON.stringify(failed)).toContain(sub);
    }
    // None of them was linked.
    const links = (await admin.get<{ items: { subject: string }[] }>('/api/sso/links')).body.items.map(
      (l) => l.subject,
    );
    expect(links).not.toContain('gov-9002');
    expect(links).not.toContain('gov-9003');
  });

  it('a wrong or missing state, a replayed callback and an expired attempt are refused', async () => {
    person('gov-1001', { name: '孙丽' });
    // State altered on the way back.
    let b = new Browser(t);
    let start = await b.linli('/api/auth/oidc/start');
    let back = await b.atProvider(String(start.headers.location));
    back.searchParams.set('state', 'forged-state');
    refusedWith(await b.linli(`/api/auth/oidc/callback${back.search}`), 'sso_state_invalid');

    // A callback arriving in another browser (login CSRF: no state cookie there).
    b = new Browser(t);
    start = await b.linli('/api/auth/oidc/start');
    back = await b.atProvider(String(start.headers.location));
    const other = new Browser(t);
    refusedWith(await other.linli(`/api/auth/oidc/callback${back.search}`), 'sso_state_invalid');
    expect(other.linliCookies.has('linli_sid')).toBe(false);

    // Replay: the same callback again, with the state cookie put back, finds the attempt used.
    b = new Browser(t);
    const first = await b.signIn();
    expect(first.callback.headers.location).toBe('/console/cases');
    const state = first.back.searchParams.get('state')!;
    const replay = new Browser(t);
    replay.linliCookies.set('linli_oidc_state', state);
    refusedWith(await replay.linli(`/api/auth/oidc/callback${first.back.search}`), 'sso_state_invalid');
    expect(replay.linliCookies.has('linli_sid')).toBe(false);

    // Ten minutes and more after the start, the attempt is gone.
    b = new Browser(t);
    start = await b.linli('/api/auth/oidc/start');
    back = await b.atProvider(String(start.headers.location));
    t.clock.advanceMinutes(11);
    refusedWith(await b.linli(`/api/auth/oidc/callback${back.search}`), 'sso_state_invalid');
    const failed = await auditSearch(admin, { action: 'auth.sso_failed' });
    expect(failed.slice(0, 4).every((e) => JSON.stringify(e).includes('sso_state_invalid'))).toBe(true);
  });

  it('the code is redeemed only with the attempt’s own PKCE verifier', async () => {
    person('gov-1001', { name: '孙丽' });
    const b = new Browser(t);
    const start = await b.linli('/api/auth/oidc/start');
    const back = await b.atProvider(String(start.headers.location));
    // Someone swaps the stored verifier: the provider refuses the code, Linli refuses the sign-in.
    await sql`UPDATE oidc_login_attempt SET verifier_box = ${encrypt(t.platform.keys, 'x'.repeat(43))}`.execute(
      t.database.db,
    );
    refusedWith(await b.linli(`/api/auth/oidc/callback${back.search}`), 'sso_failed');
    expect(b.linliCookies.has('linli_sid')).toBe(false);
    expect(JSON.stringify((await auditSearch(admin, { action: 'auth.sso_failed' }))[0])).toContain('invalid_grant');
  });

  it('is configured by environment: all of issuer, client id and secret, or none', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(
      loadConfig({
        LINLI_PUBLIC_URL: 'https://linli.example.gov.cn/',
        LINLI_OIDC_ISSUER: 'https://sso.example.gov.cn',
        LINLI_OIDC_CLIENT_ID: 'linli',
        LINLI_OIDC_CLIENT_SECRET: 's3cret',
      }).oidc,
    ).toEqual({
      issuer: 'https://sso.example.gov.cn',
      clientId: 'linli',
      clientSecret: 's3cret',
      redirectUrl: 'https://linli.example.gov.cn/api/auth/oidc/callback',
      scopes: 'openid profile phone',
      label: null,
    });
    expect(() => loadConfig({ LINLI_OIDC_ISSUER: 'https://sso.example.gov.cn' })).toThrow(/must be set together/);
  });

  it('a provider that cannot be reached sends the browser back to the sign-in page, audited', async () => {
    const saved = t.platform.config.oidc!;
    t.platform.config.oidc = { ...saved, issuer: 'http://127.0.0.1:9' };
    try {
      const b = new Browser(t);
      refusedWith(await b.linli('/api/auth/oidc/start'), 'sso_failed');
      expect(b.linliCookies.has('linli_oidc_state')).toBe(false);
      expect(JSON.stringify((await auditSearch(admin, { action: 'auth.sso_failed' }))[0])).toContain('discovery');
    } finally {
      t.platform.config.oidc = saved;
    }
  });

  it('returnTo stays on this site', async () => {
    person('gov-1001', { name: '孙丽' });
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const b = new Browser(t);
      const { callback } = await b.signIn(evil);
      expect(callback.headers.location).toBe('/console');
    }
  });
});
