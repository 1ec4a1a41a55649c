/**
 * The OpenID Connect relying party (openid-client v6): discovery once per process (retried after a
 * failure), the authorization URL with PKCE (S256), state and nonce, and the code exchange that checks
 * them all. No state lives here: the caller keeps state, nonce and verifier server-side per attempt.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';

let cached: { key: string; config: Promise<client.Configuration> } | null = null;

/** Plain http is allowed only for a provider on this machine (the tests' local provider, a dev setup). */
const isLocal = (issuer: string) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(issuer);

export function providerConfig(c: OidcConfig): Promise<client.Configuration> {
  const key = `${c.issuer}\n${c.clientId}`;
  if (cached?.key === key) return cached.config;
  const config = client.discovery(
    new URL(c.issuer),
    c.clientId,
    { client_secret: c.clientSecret, redirect_uris: [c.redirectUrl], response_types: ['code'] },
    client.ClientSecretBasic(c.clientSecret),
    isLocal(c.issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
  );
  cached = { key, config };
  // A provider that was down at the first sign-in is asked again at the next.
  config.catch(() => {
    if (cached?.config === config) cached = null;
  });
  return config;
}

export interface Attempt {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** A new attempt: where to send the browser, and what must come back with it. */
export async function beginAttempt(c: OidcConfig): Promise<Attempt> {
  const config = await providerConfig(c);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: c.redirectUrl,
    scope: c.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, verifier };
}

export interface Identity {
  issuer: string;
  subject: string;
  name: string | null;
  /** Only a phone number the provider says it verified. */
  verifiedPhone: string | null;
}

/** Mainland mobile numbers as Linli stores them: 11 digits, without +86 or separators. */
export function mainlandPhone(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const digits = v.replace(/[\s()-]/g, '').replace(/^\+?86/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token: issuer, audience, signature,
 * expiry, nonce and the state the browser brought back. Claims the ID token lacks come from userinfo.
 */
export async function finishAttempt(
  c: OidcConfig,
  query: string,
  expected: { state: string; nonce: string; verifier: string },
): Promise<Identity> {
  const config = await providerConfig(c);
  const current = new URL(c.redirectUrl);
  current.search = query;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: expected.verifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  let info: Record<string, unknown> = { ...claims };
  if (claims.phone_number === undefined && tokens.access_token)
    info = { ...info, ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) };
  return {
    issuer: String(claims.iss),
    subject: claims.sub,
    name: typeof info.name === 'string' ? info.name : null,
    verifiedPhone: info.phone_number_verified === true ? mainlandPhone(info.phone_number) : null,
  };
}
