import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { validateIdNumber } from '@linli/contracts';
import type { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { MODULES } from './modules/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Platform } from './platform/context.ts';
import type { Keys } from './platform/crypto/keys.ts';
import type { Database } from './platform/db/engine.ts';
import { AppError } from './platform/http/errors.ts';
import { installProblemHandlers, sendProblem } from './platform/http/problem.ts';
import { registerRoute } from './platform/http/register.ts';
import { pickLang } from './platform/i18n/messages.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  keys: Keys;
  clock: Clock;
  demoAccounts: Set<string>;
  logger?: boolean | object;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Builds the HTTP app: every module's routes behind one access check and one transaction each. */
export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; platform: Platform }> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 256 * 1024,
    // Behind nginx or a cloud load balancer the client address comes from X-Forwarded-For.
    ...(config.trustProxyHops > 0 ? { trustProxy: (_addr: string, hop: number) => hop < config.trustProxyHops } : {}),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
      plugins: [
        // GB 11643 ID numbers: format, real birth date and check character.
        (ajv: Ajv) => ajv.addFormat('cn-id-number', { validate: (s: string) => validateIdNumber(s) === null }),
      ],
    },
  });
  const platform: Platform = {
    config,
    keys: deps.keys,
    clock: deps.clock,
    engine: database.engine,
    demoAccounts: deps.demoAccounts,
  };

  // Every API route must say who may call it; refusing to start beats an unguarded endpoint.
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    const access = (r.config as { access?: unknown } | undefined)?.access;
    if (!access) throw new Error(`route ${r.method} ${r.url} declares no access`);
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.removeContentTypeParser('text/plain');
  installProblemHandlers(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, 'rate_limited'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Linli 邻里 API', version: '0.1.0', description: 'Community governance platform API.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'linli_sid' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (llk_…) of an external system' },
        },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: { auth: 'public' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const m of MODULES) for (const r of m.routes) registerRoute(app, database.db, platform, r);
  for (const m of MODULES) if (m.http) await m.http(app, database.db, platform);

  const webDist = config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(`${webDist}/index.html`);
  // Built files get exact routes (no wildcard), so every other path reaches the SPA fallback below.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', index: false, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const isFile = req.url.startsWith('/api') || req.url.startsWith('/assets/');
    if (!hasWeb || isFile || (req.method !== 'GET' && req.method !== 'HEAD'))
      return sendProblem(reply, req, lang, 404, 'not_found');
    // Client-side routes: the console app under /console, the resident app everywhere else.
    const page = /^\/console(\/|$|\?)/.test(req.url) ? 'console.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
  return { app, platform };
}
