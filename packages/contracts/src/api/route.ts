import type { Static, TSchema } from 'typebox';
import type { Action } from '../actions.ts';

/** Every route says who may call it; the server refuses to register one that does not. */
export type Access = { action: Action } | { auth: 'public' } | { auth: 'authenticated' };

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: Method;
  url: string;
  access: Access;
  summary: string;
  tags: readonly string[];
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  /** The success body; `null` for binary or empty responses. */
  response: TSchema | null;
  /** Status code of success (default 200). */
  status?: 200 | 201 | 204;
}

export const defineRoute = <const D extends RouteDef>(d: D): D => d;

type StaticOr<S, F> = S extends TSchema ? Static<S> : F;

/** What a client sends to call a route. */
export type RouteInput<D extends RouteDef> = (D['params'] extends TSchema ? { params: Static<D['params']> } : object) &
  (D['querystring'] extends TSchema ? { query?: Static<D['querystring']> } : object) &
  (D['body'] extends TSchema ? { body: Static<D['body']> } : object);

/** What a route returns on success. */
export type RouteOutput<D extends RouteDef> = StaticOr<D['response'], void>;
