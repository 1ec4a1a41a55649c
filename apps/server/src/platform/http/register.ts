import type { IncomingMessage } from 'node:http';
import { type Access, canAnywhere, isStaffRole, type Role } from '@linli/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, grantsOf, type LoadedGrant } from '../access/actor.ts';
import { writeAudit } from '../audit/audit.ts';
import { csrfMatches, lookupSession, SESSION_COOKIE } from '../auth/session.ts';
import { allowed, type Ctx, type Platform, type SessionInfo, type SessionUser } from '../context.ts';
import type { Db } from '../db/engine.ts';
import { pickLang } from '../i18n/messages.ts';
import type { ModuleRoute, RouteOptions } from '../modules.ts';
import { emitEvent } from '../outbox/outbox.ts';
import { AppError, forbidden, notFound, unauthenticated } from './errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The role that gives an actor an action at a path (recorded in the audit log). */
function roleFor(grants: LoadedGrant[], action: string | null, path: string | null): string | null {
  if (grants.length === 0) return null;
  if (action && path) {
    const g = grants.find((x) => allowed(actorOf('', [x]), action as never, path));
    if (g) return g.role;
  }
  const staff = grants.find((g) => isStaffRole(g.role as Role));
  return (staff ?? grants[0])?.role ?? null;
}

/** A read-only route has no transaction to keep an audit entry or an event together with its writes. */
function refuseWrite(r: ModuleRoute): undefined {
  if (r.options?.readOnly) throw new Error(`${r.def.method} ${r.def.url} is read-only: it may not audit or emit`);
  return undefined;
}

async function buildContext(
  p: Platform,
  tx: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  r: ModuleRoute,
): Promise<Ctx> {
  const now = p.clock.now();
  const access: Access = r.def.access;
  const needsAuth = !('auth' in access && access.auth === 'public');
  const found = await lookupSession(tx, req.cookies[SESSION_COOKIE], now);
  // An idle-expired session must stay deleted even though the request fails: commit, then 401.
  if (found.state === 'expired' && needsAuth) throw unauthenticated('session_expired', true);
  let user: SessionUser | null = null;
  let session: SessionInfo | null = null;
  if (found.state === 'active') {
    user = found.user;
    session = found.session;
    if (!SAFE.has(req.method) && r.options?.csrf !== false) {
      if (!csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined))
        throw forbidden('csrf_failed');
    }
  }
  if (needsAuth && !user) throw unauthenticated();
  const grants = found.state === 'active' ? await grantsOf(tx, found.grantRows) : [];
  const actor = user ? actorOf(user.id, grants) : null;
  if ('action' in access && !canAnywhere(actor, access.action)) throw forbidden();
  const action = 'action' in access ? access.action : null;

  const ctx: Ctx = {
    ...p,
    tx,
    now,
    lang: pickLang(req.headers['accept-language']),
    requestId: String(req.id),
    ip: req.ip,
    userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
    reply,
    user,
    session,
    grants,
    actor,
    audit: (e) =>
      refuseWrite(r) ??
      writeAudit(
        tx,
        {
          at: now,
          actorId: ctx.user?.id ?? null,
          actorName: ctx.user?.name ?? null,
          actorRole: roleFor(ctx.grants, action, e.nodePath ?? null),
          ip: req.ip,
          requestId: String(req.id),
        },
        e,
      ),
    emit: (e) => refuseWrite(r) ?? emitEvent(tx, now, e),
    can: (a, path) => allowed(ctx.actor, a, path),
    authorize: (a, path) => {
      // Outside the caller's reach a resource "does not exist": no hint that it is there.
      if (!allowed(ctx.actor, a, path)) throw notFound();
    },
  };
  return ctx;
}

type RawBody = NonNullable<RouteOptions['raw']>;

/**
 * Reads a file body (see `RouteOptions.raw`) up to the route's own limit, so an oversized upload is refused
 * with file_too_large as soon as it is known; a file type meant for another route (or a JSON one) is 415.
 */
function readRawBody(req: FastifyRequest, payload: IncomingMessage, done: (e: Error | null, b?: Buffer) => void) {
  const raw = (req.routeOptions.config as { raw?: RawBody }).raw;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!raw?.contentTypes.includes(type)) return done(new AppError(415, 'unsupported_media_type'));
  const tooLarge = new AppError(413, 'file_too_large', { maxMb: Math.floor(raw.maxBytes / 1024 / 1024) });
  if (Number(req.headers['content-length']) > raw.maxBytes) return done(tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const onData = (c: Buffer) => {
    size += c.length;
    if (size > raw.maxBytes) finish(tooLarge);
    else chunks.push(c);
  };
  // The rest of an oversized body drains unread; the end and error listeners stay so nothing is unhandled.
  const finish = (e: Error | null, b?: Buffer) => {
    if (settled) return;
    settled = true;
    payload.removeListener('data', onData);
    done(e, b);
  };
  payload.on('data', onData);
  payload.on('end', () => finish(null, Buffer.concat(chunks, size)));
  payload.on('error', finish);
}

/** Registers a contract route: schema validation, access check and one transaction per request. */
export function registerRoute(app: FastifyInstance, db: Db, p: Platform, r: ModuleRoute): void {
  const d = r.def;
  const limit = r.options?.rateLimitPerMinute?.(p);
  const raw = r.options?.raw;
  for (const type of raw?.contentTypes ?? [])
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, readRawBody);
  const cacheControl = r.options?.cacheControl;
  app.route({
    method: d.method,
    url: d.url,
    config: { access: d.access, raw, ...(limit ? { rateLimit: { max: limit, timeWindow: 60_000 } } : {}) },
    ...(raw ? { bodyLimit: raw.maxBytes } : {}),
    // Route hooks run after the app's, which sets no-store on every /api answer.
    onSend: cacheControl
      ? async (_req, reply, payload) => {
          if (reply.statusCode < 300) reply.header('cache-control', cacheControl);
          return payload;
        }
      : [],
    schema: {
      summary: d.summary,
      tags: [...d.tags],
      ...(d.params ? { params: d.params } : {}),
      ...(d.querystring ? { querystring: d.querystring } : {}),
      ...(d.body ? { body: d.body } : {}),
      ...(d.response ? { response: { [d.status ?? 200]: d.response } } : {}),
      ...('action' in d.access ? { description: `Requires \`${d.access.action}\`.` } : {}),
    },
    handler: async (req, reply) => {
      if (r.options?.withoutDatabase) return r.handler(undefined as never, undefined as never);
      let deferred: AppError | null = null;
      const pre = r.options?.before ? await r.options.before(db, p, { body: req.body }) : undefined;
      // A read-only request runs on the pool, so the statements a handler starts together run in parallel
      // (each autocommitted, as on one connection); PGlite's single connection still serialises them.
      const unit = r.options?.readOnly ? { execute: <T>(fn: (d: Db) => Promise<T>) => fn(db) } : db.transaction();
      const out = await unit.execute(async (tx) => {
        try {
          const ctx = await buildContext(p, tx, req, reply, r);
          // A file route given nothing, or JSON (which the JSON parser read), once the caller is known.
          if (raw && (req.body == null || (Buffer.isBuffer(req.body) && req.body.length === 0)))
            throw new AppError(400, 'file_empty');
          if (raw && !Buffer.isBuffer(req.body)) throw new AppError(415, 'unsupported_media_type');
          return await r.handler(ctx, { params: req.params, query: req.query, body: req.body, pre } as never);
        } catch (e) {
          if (e instanceof AppError && e.commit) {
            deferred = e;
            return undefined;
          }
          throw e;
        }
      });
      if (deferred) throw deferred;
      reply.code(d.status ?? 200);
      return out;
    },
  });
}
