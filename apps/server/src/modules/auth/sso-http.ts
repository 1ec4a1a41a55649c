/**
 * The browser's side of single sign-on: `GET /api/auth/oidc/start` (to the provider) and
 * `GET /api/auth/oidc/callback` (back from it). They answer with redirects, not JSON; a failed sign-in
 * lands on the console's sign-in page with `?sso_error=<code>`. Calls to the provider happen outside any
 * transaction; each transaction here is short (save the attempt; take it; sign in or audit the refusal).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import { beginAttempt, finishAttempt } from './oidc.ts';
import {
  ATTEMPT_MINUTES,
  auditFailure,
  type RequestInfo,
  safeReturnTo,
  saveAttempt,
  signInIdentity,
  takeAttempt,
} from './sso.ts';

/** Binds the attempt to this browser; sent back only to the callback. */
export const STATE_COOKIE = 'linli_oidc_state';
const COOKIE_PATH = '/api/auth/oidc';
const LOGIN_PAGE = '/console/login';

const access = { auth: 'public' } as const;
const doc = (summary: string, description: string) => ({
  summary,
  description,
  tags: ['auth'],
  security: [],
  response: { 302: { description: 'A redirect (Location header)', type: 'null' } },
});

export function ssoRoutes(db: Db, p: Platform) {
  const info = (req: FastifyRequest): RequestInfo => ({
    ip: req.ip,
    userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
    requestId: String(req.id),
  });
  const secure = () => p.config.publicUrl.startsWith('https://');
  const configured = () => {
    if (!p.config.oidc) throw new AppError(404, 'sso_not_configured');
    return p.config.oidc;
  };
  const toLogin = (reply: FastifyReply, code: string) =>
    reply.redirect(`${LOGIN_PAGE}?sso_error=${encodeURIComponent(code)}`, 302);

  return async (app: FastifyInstance) => {
    app.get(
      '/api/auth/oidc/start',
      {
        config: { access },
        schema: {
          ...doc(
            'Start single sign-on: redirects to the identity provider',
            'Authorization code flow with PKCE (S256), state and nonce kept server-side for 10 minutes. `returnTo` is a path of this site (default /console). 404 `sso_not_configured` when SSO is off.',
          ),
          querystring: {
            type: 'object',
            properties: { returnTo: { type: 'string', maxLength: 500, examples: ['/console/cases'] } },
          },
        },
      },
      async (req, reply) => {
        const c = configured();
        const returnTo = safeReturnTo((req.query as { returnTo?: unknown }).returnTo);
        let attempt: Awaited<ReturnType<typeof beginAttempt>>;
        try {
          attempt = await beginAttempt(c);
        } catch (e) {
          req.log.warn({ err: e }, 'OIDC discovery failed');
          await db
            .transaction()
            .execute((tx) => auditFailure(tx, p.clock.now(), info(req), 'sso_failed', { step: 'discovery' }));
          return toLogin(reply, 'sso_failed');
        }
        await db.transaction().execute((tx) => saveAttempt(tx, p, p.clock.now(), { ...attempt, returnTo }));
        reply.setCookie(STATE_COOKIE, attempt.state, {
          httpOnly: true,
          sameSite: 'lax',
          path: COOKIE_PATH,
          secure: secure(),
          maxAge: ATTEMPT_MINUTES * 60,
        });
        return reply.redirect(attempt.url, 302);
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        config: { access },
        schema: doc(
          'Single sign-on callback: signs the staff member in and redirects back',
          'The provider redirects here with `code` and `state`. On success: the session cookie (as a password sign-in sets it) and a redirect to the `returnTo` of the start; the web app then reads its CSRF token from GET /api/auth/me. On failure: a redirect to /console/login?sso_error=<code> (sso_state_invalid, sso_failed, sso_unknown_account, sso_not_staff, account_locked), audited as auth.sso_failed.',
        ),
      },
      async (req, reply) => {
        const c = configured();
        const q = req.query as Record<string, unknown>;
        const state = typeof q.state === 'string' ? q.state : '';
        const bound = req.cookies[STATE_COOKIE];
        reply.clearCookie(STATE_COOKIE, { path: COOKIE_PATH });
        const r = info(req);
        const fail = async (code: string, detail: Record<string, unknown> = {}) => {
          await db.transaction().execute((tx) => auditFailure(tx, p.clock.now(), r, code, detail));
          return toLogin(reply, code);
        };
        if (!state || state !== bound) return fail('sso_state_invalid', { cookie: !!bound, state: !!state });
        // Taken out before anything else: a replayed callback finds nothing.
        const attempt = await db.transaction().execute((tx) => takeAttempt(tx, p, p.clock.now(), state));
        if (!attempt) return fail('sso_state_invalid', { attempt: 'unknown_or_expired' });
        if (typeof q.error === 'string') return fail('sso_failed', { providerError: q.error.slice(0, 100) });
        let identity: Awaited<ReturnType<typeof finishAttempt>>;
        try {
          const raw = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          identity = await finishAttempt(c, raw, { state, ...attempt });
        } catch (e) {
          req.log.warn({ err: e }, 'OIDC code exchange failed');
          const err = e as { code?: string; error?: string };
          return fail('sso_failed', { step: 'token', error: String(err.error ?? err.code ?? 'error').slice(0, 100) });
        }
        const out = await db.transaction().execute((tx) => signInIdentity(tx, p, c, p.clock.now(), r, identity));
        if (!out.ok) return toLogin(reply, out.code);
        reply.setCookie(SESSION_COOKIE, out.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: secure(),
        });
        return reply.redirect(attempt.returnTo, 302);
      },
    );
  };
}
