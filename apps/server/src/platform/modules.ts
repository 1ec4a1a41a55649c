import type { RouteDef, RouteOutput } from '@linli/contracts';
import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Ctx, Platform } from './context.ts';
import type { Db } from './db/engine.ts';

type S<T> = T extends TSchema ? Static<T> : undefined;

export interface HandlerInput<D extends RouteDef> {
  params: S<D['params']>;
  query: S<D['querystring']>;
  body: S<D['body']>;
  /** What the route's `before` step computed outside the transaction. */
  pre: unknown;
}

export interface RouteOptions {
  /** Login creates its own session, so it takes no CSRF token; everything else with a cookie does. */
  csrf?: boolean;
  /** Per-IP limit per minute (login). */
  rateLimitPerMinute?: (p: Platform) => number;
  /**
   * Slow CPU work (argon2 hashing and verifying) done before the request's transaction opens, so it
   * never holds a database connection — PGlite has only one. The result arrives as `input.pre`.
   */
  before?: (db: Db, p: Platform, input: { body: unknown }) => Promise<unknown>;
  /** Liveness only: runs with no transaction, session or context (the handler must not touch `ctx`). */
  withoutDatabase?: boolean;
  /**
   * The body is a file (photos, spreadsheets), not JSON: it arrives as a Buffer of one of these types, at
   * most `maxBytes` (else 413 file_too_large); another type is 415, an empty body 400 file_empty.
   */
  raw?: { contentTypes: string[]; maxBytes: number };
  /** Cache-Control of a successful answer (every other /api answer is `no-store`). */
  cacheControl?: string;
  /**
   * A read that writes nothing of its own (an inbox page): it runs on one connection without a transaction,
   * which saves BEGIN and COMMIT on the busiest routes. `ctx.audit` and `ctx.emit` throw there; only the
   * session's bookkeeping (touch, expiry) is written, each a single statement.
   */
  readOnly?: boolean;
}

export interface ModuleRoute<D extends RouteDef = RouteDef> {
  def: D;
  options?: RouteOptions;
  handler: (ctx: Ctx, input: HandlerInput<D>) => Promise<RouteOutput<D> | Buffer | string>;
}

/** Typed route: the handler's input and output types come from the contract's schemas. */
export const route = <D extends RouteDef>(
  def: D,
  handler: ModuleRoute<D>['handler'],
  options?: RouteOptions,
): ModuleRoute => ({ def, handler, options }) as unknown as ModuleRoute;

export interface EventSubscriber {
  topic: string;
  name: string;
  handle(tx: Db, payload: Record<string, unknown>, p: Platform): Promise<void>;
}

export interface Job {
  name: string;
  everyMs: number;
  run(db: Db, p: Platform): Promise<void>;
}

/** A feature module registers itself with one of these: its routes, subscribers, jobs and demo seed. */
export interface ModuleManifest {
  name: string;
  routes: ModuleRoute[];
  subscribers?: EventSubscriber[];
  jobs?: Job[];
  /**
   * Routes outside `/api` that follow someone else's standard (Open311: form bodies, XML answers, its own
   * error shape), registered as a plugin. They must still write audit and events in one transaction.
   */
  http?: (app: FastifyInstance, db: Db, p: Platform) => Promise<void>;
}
