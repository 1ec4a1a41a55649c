/**
 * The Open311 GeoReport v2 endpoints under /open311/v2 (docs/adr/0010-open-platform.md). They follow the
 * specification, not Linli's /api conventions: form-urlencoded bodies, `.json`/`.xml` suffixes, errors as
 * `[{code, description}]`, and an `api_key` instead of a session. Each request runs in one transaction in
 * which the key is checked and counted, and the case, its audit entry and its events are written together.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { pickLang } from '../../platform/i18n/messages.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { checkToken } from '../api-tokens/service.ts';
import { discovery } from './discovery.ts';
import { CONTENT_TYPES, errorBody, type Format, missing, Open311Error, render, splitFormat } from './format.ts';
import { jurisdictionOf } from './place.ts';
import * as requests from './requests.ts';
import { serviceByCode, serviceDefinition, serviceList } from './services.ts';

type Get = requests.Params;
interface Call {
  tx: Db;
  now: Date;
  get: Get;
  req: FastifyRequest;
  lang: ReturnType<typeof pickLang>;
}

/** Query parameters, then (for a POST) the form body. */
function paramsOf(req: FastifyRequest): Get {
  const q = req.query as Record<string, unknown>;
  const form = req.body instanceof URLSearchParams ? req.body : null;
  // Some clients send the same fields as a JSON object.
  const json = !form && req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : null;
  return (name) => {
    const v = form?.get(name) ?? json?.[name] ?? q[name];
    return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
  };
}

export function open311Routes(db: Db, p: Platform) {
  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    bases: readonly string[] | null,
    run: (c: Call, fmt: Format) => Promise<{ root: string; body: unknown; status?: number }>,
  ) {
    const split = splitFormat(name);
    const fmt: Format = split?.[1] ?? 'json';
    reply.header('cache-control', 'no-store');
    try {
      if (!split || (bases && !bases.includes(split[0]))) throw missing('no such endpoint; add .json or .xml');
      const out = await db
        .transaction()
        .execute((tx) =>
          run({ tx, now: p.clock.now(), get: paramsOf(req), req, lang: pickLang(req.headers['accept-language']) }, fmt),
        );
      return reply
        .code(out.status ?? 200)
        .type(CONTENT_TYPES[fmt])
        .send(render(fmt, out.root, out.body as never));
    } catch (e) {
      const err = e instanceof Open311Error ? e : new Open311Error(500, 'internal error');
      if (!(e instanceof Open311Error)) req.log.error(e);
      return reply.code(err.status).type(CONTENT_TYPES[fmt]).send(errorBody(fmt, err));
    }
  }

  /** The key's owner, checked and counted in this transaction; audit entries name the external system. */
  async function withKey(c: Call) {
    const check = await checkToken(c.tx, c.get('api_key'), c.now);
    if (!check.ok)
      throw new Open311Error(check.status, check.status === 429 ? 'rate limit exceeded' : 'invalid api_key');
    const caller = check.caller;
    return {
      tx: c.tx,
      now: c.now,
      lang: c.lang,
      keys: p.keys,
      caller,
      audit: (e: Parameters<requests.Env['audit']>[0]) =>
        writeAudit(
          c.tx,
          {
            at: c.now,
            actorId: null,
            actorName: `API: ${caller.name}`,
            actorRole: 'api_token',
            ip: c.req.ip,
            requestId: String(c.req.id),
          },
          e,
        ),
      emit: (e: Parameters<requests.Env['emit']>[0]) => emitEvent(c.tx, c.now, e),
    } satisfies requests.Env;
  }

  /** OpenAPI notes only (no validation: the specification's own errors answer bad input). */
  const doc = (summary: string, description: string) => ({
    schema: {
      summary,
      description: `${description} Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2); \`{name}\` ends in .json or .xml; errors are [{code, description}].`,
      tags: ['open311'],
      security: [],
    },
  });

  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, new URLSearchParams(String(body))),
    );
    type R = FastifyRequest<{ Params: { name: string; code: string } }>;
    app.get(
      '/:name',
      doc(
        'discovery.{fmt}, services.{fmt}, requests.{fmt}',
        'Discovery and the service list need no key; `requests` lists service requests in the api_key’s subtree (filters service_request_id, service_code, start_date, end_date, status, jurisdiction_id; default the last 90 days, at most 1000; scope cases.read).',
      ),
      (req: R, reply) => {
        const base = splitFormat(req.params.name)?.[0] ?? '';
        return answer(req, reply, req.params.name, ['discovery', 'services', 'requests'], async (c) => {
          if (base === 'discovery') return { root: 'discovery', body: discovery(p, c.lang) };
          if (base === 'services') {
            await jurisdictionOf(c.tx, c.get('jurisdiction_id'), null);
            return { root: 'services', body: await serviceList(c.tx, c.lang) };
          }
          const env = await withKey(c);
          return { root: 'service_requests', body: await requests.list(env, c.get) };
        });
      },
    );
    app.get(
      '/services/:name',
      doc(
        'services/{service_code}.{fmt}',
        'A service definition: its attributes (variable, code, datatype, required, datatype_description, order, description, values).',
      ),
      (req: R, reply) =>
        answer(req, reply, req.params.name, null, async (c) => {
          await jurisdictionOf(c.tx, c.get('jurisdiction_id'), null);
          const code = splitFormat(req.params.name)![0];
          const s = await serviceByCode(c.tx, code);
          if (!s) throw missing(`service_code ${code} is not a known service`);
          return { root: 'service_definition', body: serviceDefinition(s, c.lang) };
        }),
    );
    app.post(
      '/:name',
      doc(
        'POST requests.{fmt}',
        'Form-urlencoded: api_key (scope cases.write), service_code, lat+long or address_string or address_id, jurisdiction_id, attribute[code], email, first_name, last_name, phone, description (≤ 4000), media_url. Answers 201 [{service_request_id, token, service_notice, account_id}].',
      ),
      (req: R, reply) =>
        answer(req, reply, req.params.name, ['requests'], async (c) => {
          const env = await withKey(c);
          return { root: 'service_requests', body: await requests.create(env, c.get), status: 201 };
        }),
    );
    app.get(
      '/requests/:name',
      doc(
        'requests/{service_request_id}.{fmt}',
        'One service request (scope cases.read); outside the api_key’s subtree it does not exist.',
      ),
      (req: R, reply) =>
        answer(req, reply, req.params.name, null, async (c) => {
          const env = await withKey(c);
          return { root: 'service_requests', body: await requests.one(env, splitFormat(req.params.name)![0]) };
        }),
    );
    app.get(
      '/tokens/:name',
      doc('tokens/{token}.{fmt}', 'The service_request_id a POST token stands for (scope cases.read).'),
      (req: R, reply) =>
        answer(req, reply, req.params.name, null, async (c) => {
          const env = await withKey(c);
          return { root: 'service_requests', body: await requests.byToken(env, splitFormat(req.params.name)![0]) };
        }),
    );
  };
}
