import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fieldText, type Lang, pickLang, problemText } from '../i18n/messages.ts';
import { AppError } from './errors.ts';
import { uniqueViolationCode } from './unique-violations.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  schemaPath?: string;
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };

/** Maps a schema violation to a field path (JSON pointer) and a stable code. */
export function fieldError(e: AjvError, context: string): { path: string; code: string } {
  let path = e.instancePath;
  if (e.keyword === 'required') path += `/${String(e.params.missingProperty)}`;
  if (e.keyword === 'additionalProperties') path += `/${String(e.params.additionalProperty)}`;
  let code = e.keyword;
  if (e.keyword === 'format' && e.params.format === 'cn-id-number') code = 'invalid_id_number';
  if (e.keyword === 'pattern' && /phone$/i.test(e.instancePath)) code = 'invalid_phone';
  return { path: (PART_PREFIX[context] ?? '') + path, code };
}

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  lang: Lang,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors: { path: string; code: string }[] = [],
): FastifyReply {
  const title = problemText(code, lang, params);
  const body = {
    type: `https://linli.dev/problems/${code}`,
    title,
    status,
    code,
    detail: errors.length
      ? `${title}: ${errors.map((e) => `${e.path.replace(/^\//, '')} ${fieldText(e.code, lang)}`).join('; ')}`
      : title,
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(errors.length ? { errors: errors.map((e) => ({ ...e, message: fieldText(e.code, lang) })) } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'malformed_json'],
};

/** Connection refused, server shutting down, or the pool/embedded engine already closed. */
function isDatabaseDown(err: { code?: string; message?: string }): boolean {
  const code = err.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'].includes(code) ||
    /^(08|57P)/.test(code) ||
    /pool after calling end|PGlite is closed|Connection terminated|driver has already been destroyed/i.test(
      err.message ?? '',
    )
  );
}

/** Every failure leaves as RFC 9457 problem+json with a stable code, in the caller's language. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validationContext?: string }, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (err instanceof AppError) return sendProblem(reply, req, lang, err.status, err.code, err.params, err.errors);
    if (err.validation) {
      const errors = (err.validation as unknown as AjvError[]).map((e) =>
        fieldError(e, err.validationContext ?? 'body'),
      );
      return sendProblem(reply, req, lang, 422, 'validation_failed', {}, errors);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendProblem(reply, req, lang, mapped[0], mapped[1]);
    if (err instanceof SyntaxError || err.statusCode === 400)
      return sendProblem(reply, req, lang, 400, 'malformed_json');
    if (err.statusCode === 429) return sendProblem(reply, req, lang, 429, 'rate_limited');
    const pgErr = err as { code?: string; constraint?: string };
    if (pgErr.code === '23505') return sendProblem(reply, req, lang, 409, uniqueViolationCode(pgErr.constraint));
    if (isDatabaseDown(err)) {
      req.log.error({ err }, 'database unavailable');
      return sendProblem(reply, req, lang, 503, 'database_unavailable');
    }
    req.log.error({ err }, 'unhandled error');
    if (process.env.LINLI_DEBUG_ERRORS) console.error(err);
    return sendProblem(reply, req, lang, 500, 'internal_error');
  });
  // The not-found handler is set once by the app (it also serves the web build's pages).
}
