/// <reference path="./oidc-provider.d.ts" />
/**
 * A local OpenID Connect provider for the single sign-on tests (oidc-provider v9 on a random port), and a
 * small "browser" that walks the redirects between Linli (app.inject) and the provider (fetch).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { TestApp } from '../src/testing/index.ts';

export const CLIENT = { id: 'linli-console', secret: 'linli-test-client-secret-0123456789' };
export const REDIRECT = 'http://linli.test/api/auth/oidc/callback';

export interface ProviderAccount {
  name: string;
  phone_number?: string;
  phone_number_verified?: boolean;
}

export interface LocalProvider {
  issuer: string;
  /** Accounts by subject; the interaction signs in as `signInAs`. */
  accounts: Map<string, ProviderAccount>;
  signInAs: string;
  /** Token requests the provider received (to see the PKCE verifier arrive). */
  tokenRequests: { codeVerifier: string | null }[];
  close(): Promise<void>;
}

/** The provider, accepting the given redirect URIs (Linli's callback: the tests' fixed one by default). */
export async function startProvider(redirects: string[] = [REDIRECT]): Promise<LocalProvider> {
  let handler: ((req: never, res: never) => void) | null = null;
  const server: Server = createServer((req, res) => handler!(req as never, res as never));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: LocalProvider = {
    issuer,
    accounts: new Map(),
    signInAs: '',
    tokenRequests: [],
    close: () => new Promise((r) => server.close(() => r())),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: redirects,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Every authorization request must carry a PKCE challenge; the token request its verifier.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'], phone: ['phone_number', 'phone_number_verified'] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const a = state.accounts.get(sub);
      return a ? { accountId: sub, claims: async () => ({ sub, ...a }) } : undefined;
    },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    cookies: { keys: ['linli-test-oidc-cookie-key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
  });
  // The token request as the provider read it: the PKCE verifier Linli sent with the code.
  provider.on('grant.success', (ctx) => {
    const params = (ctx as { oidc: { params: Record<string, unknown> } }).oidc.params;
    state.tokenRequests.push({ codeVerifier: (params.code_verifier as string | undefined) ?? null });
  });
  const main = provider.callback();
  handler = async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      // The person at the provider signs in as `signInAs` and consents to what was asked.
      const details = await provider.interactionDetails(req, res);
      const accountId = state.signInAs;
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id! });
      grant.addOIDCScope(details.params.scope!);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } });
      return;
    }
    main(req, res);
  };
  return state;
}

/** A browser: Linli's cookies (through app.inject) and the provider's (through fetch), following redirects. */
export class Browser {
  linliCookies = new Map<string, string>();
  providerCookies = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  private cookieHeader = (m: Map<string, string>) => [...m].map(([k, v]) => `${k}=${v}`).join('; ');

  async linli(url: string, headers: Record<string, string> = {}) {
    const res = await this.t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(this.linliCookies), ...headers },
    });
    for (const c of res.cookies) {
      if (c.value && !(c.expires && c.expires.getTime() < Date.now()) && c.maxAge !== 0)
        this.linliCookies.set(c.name, c.value);
      else this.linliCookies.delete(c.name);
    }
    return res;
  }

  /** Follows the provider's redirects until it sends the browser back to Linli; returns that URL. */
  async atProvider(url: string): Promise<URL> {
    let next = url;
    for (let i = 0; i < 10; i++) {
      if (next.startsWith(REDIRECT)) return new URL(next);
      const res = await fetch(next, {
        redirect: 'manual',
        headers: { cookie: this.cookieHeader(this.providerCookies) },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        if (v) this.providerCookies.set(k!.trim(), v);
        else this.providerCookies.delete(k!.trim());
      }
      const loc = res.headers.get('location');
      if (!loc)
        throw new Error(`the provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
      next = new URL(loc, next).href;
    }
    throw new Error('too many redirects at the provider');
  }

  /** Start at Linli, sign in at the provider, come back: Linli's answer to the callback. */
  async signIn(returnTo = '/console/cases') {
    const start = await this.linli(`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    if (start.statusCode !== 302) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
    const back = await this.atProvider(String(start.headers.location));
    const callback = await this.linli(`/api/auth/oidc/callback${back.search}`);
    return { start, back, callback };
  }
}
