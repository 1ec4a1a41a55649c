import type { RouteDef, RouteInput, RouteOutput } from './api/route.ts';

/** A problem+json error from the API, with its stable code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { path: string; code: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Returns the CSRF token to send with writes (double-submit against the session). */
  csrfToken?: () => string | null;
  language?: () => string;
}

export function buildUrl(
  route: RouteDef,
  input: { params?: Record<string, unknown>; query?: Record<string, unknown> },
): string {
  let url = route.url.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(String(input.params?.[k] ?? '')));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {}))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  if (s) url += `?${s}`;
  return url;
}

/** Typed client: `call(org.orgNode, { params: { id } })` returns the route's response type. */
export function createClient(opts: ClientOptions = {}) {
  const f = opts.fetch ?? fetch;
  return async function call<D extends RouteDef>(
    route: D,
    input: RouteInput<D> = {} as RouteInput<D>,
  ): Promise<RouteOutput<D>> {
    const i = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.language) headers['accept-language'] = opts.language();
    if (route.method !== 'GET') {
      const t = opts.csrfToken?.();
      if (t) headers['x-csrf-token'] = t;
    }
    if (i.body !== undefined) headers['content-type'] = 'application/json';
    const res = await f((opts.baseUrl ?? '') + buildUrl(route, i), {
      method: route.method,
      headers,
      body: i.body === undefined ? undefined : JSON.stringify(i.body),
      credentials: 'same-origin',
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      throw new ApiError(
        res.status,
        data?.code ?? 'http_error',
        data?.detail ?? data?.title ?? res.statusText,
        data?.errors ?? [],
      );
    }
    return data as RouteOutput<D>;
  };
}
export type ApiCall = ReturnType<typeof createClient>;
