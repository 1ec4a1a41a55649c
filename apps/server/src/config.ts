import { resolve } from 'node:path';

/** Everything configurable, read once from the environment (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  secret: string | undefined;
  publicUrl: string;
  staffIdleMinutes: number;
  residentIdleMinutes: number;
  auditRetentionDays: number;
  loginRateLimitPerMinute: number;
  /** Reports per minute per IP through courtyard QR codes (no account, so the IP is all there is). */
  qrReportsPerMinute: number;
  /** Load the demo district on an empty database: default on for embedded PGlite, off for a server. */
  demo: boolean;
  logLevel: string;
  webDist: string | null;
  /** Reverse proxies in front of Linli whose X-Forwarded-For is believed (0 = none): per-IP limits need it. */
  trustProxyHops: number;
  /** Where SMS notifications go: `log` writes a log line per message, `none` leaves them for an external drainer. */
  smsAdapter: 'log' | 'none';
  /**
   * Whether webhooks may be sent to loopback, private or link-local addresses (`deny` by default, so a
   * subscription cannot reach the server's own network; `allow` for a receiver on the same intranet).
   */
  webhookPrivateTargets: 'deny' | 'allow';
  /** OpenID Connect single sign-on for staff; null when not configured (no button, routes answer 404). */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  /** The provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at the provider: `<public URL>/api/auth/oidc/callback` unless set. */
  redirectUrl: string;
  /** Requested scopes; `phone` lets a first sign-in match an account by its verified phone number. */
  scopes: string;
  /** The sign-in button's label (default 政务统一身份认证登录). */
  label: string | null;
}

/** SSO is on when issuer, client id and client secret are all set; a partial configuration is an error. */
function oidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | null {
  const issuer = env.LINLI_OIDC_ISSUER || '';
  const clientId = env.LINLI_OIDC_CLIENT_ID || '';
  const clientSecret = env.LINLI_OIDC_CLIENT_SECRET || '';
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret)
    throw new Error('LINLI_OIDC_ISSUER, LINLI_OIDC_CLIENT_ID and LINLI_OIDC_CLIENT_SECRET must be set together');
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl: env.LINLI_OIDC_REDIRECT_URL || `${publicUrl}/api/auth/oidc/callback`,
    scopes: env.LINLI_OIDC_SCOPES || 'openid profile phone',
    label: env.LINLI_OIDC_LABEL || null,
  };
}

const int = (v: string | undefined, dflt: number, name: string): number => {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${v}"`);
  return n;
};

const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[], name: string): T => {
  if (v === undefined || v === '') return allowed[0]!;
  if (!allowed.includes(v as T)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || null;
  const publicUrl = (env.LINLI_PUBLIC_URL || `http://${host}:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir: resolve(env.LINLI_DATA_DIR || './data'),
    databaseUrl,
    secret: env.LINLI_SECRET || undefined,
    publicUrl,
    staffIdleMinutes: int(env.LINLI_STAFF_IDLE_MINUTES, 30, 'LINLI_STAFF_IDLE_MINUTES'),
    residentIdleMinutes: int(env.LINLI_RESIDENT_IDLE_MINUTES, 7 * 24 * 60, 'LINLI_RESIDENT_IDLE_MINUTES'),
    auditRetentionDays: int(env.LINLI_AUDIT_RETENTION_DAYS, 183, 'LINLI_AUDIT_RETENTION_DAYS'),
    loginRateLimitPerMinute: int(env.LINLI_LOGIN_RATE_LIMIT, 20, 'LINLI_LOGIN_RATE_LIMIT'),
    qrReportsPerMinute: int(env.LINLI_QR_REPORT_RATE_LIMIT, 5, 'LINLI_QR_REPORT_RATE_LIMIT'),
    demo: env.LINLI_DEMO ? env.LINLI_DEMO === '1' || env.LINLI_DEMO === 'true' : !databaseUrl,
    logLevel: env.LOG_LEVEL || 'info',
    webDist: env.LINLI_WEB_DIST ? resolve(env.LINLI_WEB_DIST) : null,
    trustProxyHops: env.LINLI_TRUST_PROXY ? int(env.LINLI_TRUST_PROXY, 1, 'LINLI_TRUST_PROXY') : 0,
    smsAdapter: oneOf(env.LINLI_SMS_ADAPTER, ['log', 'none'] as const, 'LINLI_SMS_ADAPTER'),
    webhookPrivateTargets: oneOf(
      env.LINLI_WEBHOOK_PRIVATE_TARGETS,
      ['deny', 'allow'] as const,
      'LINLI_WEBHOOK_PRIVATE_TARGETS',
    ),
    oidc: oidcConfig(env, publicUrl),
  };
}
