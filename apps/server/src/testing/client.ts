import type { FastifyInstance } from 'fastify';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
  text: string;
}

/** A browser-like HTTP client over app.inject: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  lang = 'zh-CN';
  ip = '127.0.0.1';

  constructor(private readonly app: FastifyInstance) {}

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (method !== 'GET' && this.csrf && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    if (body !== undefined && !('content-type' in headers)) h['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      remoteAddress: this.ip,
      ...(body !== undefined
        ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
        : {}),
    });
    const set = res.cookies.find((c) => c.name === 'linli_sid');
    if (set)
      this.cookie = set.value && !(set.expires && set.expires.getTime() < Date.now()) ? `linli_sid=${set.value}` : null;
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* binary or text response */
    }
    const b = parsed as { csrfToken?: string } | undefined;
    if (b && typeof b === 'object' && typeof b.csrfToken === 'string') this.csrf = b.csrfToken;
    return { status: res.statusCode, headers: res.headers, body: parsed as T, text };
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async login(phone: string, password = 'Linli@2026'): Promise<this> {
    const res = await this.post('/api/auth/login', { phone, password });
    if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${res.text}`);
    return this;
  }
}
