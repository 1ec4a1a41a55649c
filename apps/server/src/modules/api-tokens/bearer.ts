/**
 * JSON routes for external systems under /api/open: the caller presents `Authorization: Bearer llk_…`
 * instead of a session (no cookie, no CSRF token). Each request runs in one transaction in which the token
 * is checked and counted (the count commits even when the request is refused), the handler reads, and its
 * use is audited in the name of the external system. Errors are Linli's problem+json.
 */
import type { api } from '@linli/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuditInput, writeAudit } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import { checkToken, type TokenCaller } from './service.ts';

type Def = api.openNotices.TokenRouteDef;

export interface TokenCtx {
  tx: Db;
  now: Date;
  caller: TokenCaller;
  /** Audited as `api_token.use` on the token, with what was read. */
  audit: (detail: Record<string, unknown>, e?: Partial<AuditInput>) => Promise<void>;
}

/** The secret from `Authorization: Bearer …` (case-insensitive scheme), if any. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/** Registers a token route: bearer check, scope, one transaction, problem+json errors. */
export function tokenRoute<P, Q>(
  app: FastifyInstance,
  db: Db,
  p: Platform,
  def: Def,
  handler: (c: TokenCtx, input: { params: P; query: Q }) => Promise<unknown>,
): void {
  app.route({
    method: def.method,
    url: def.url,
    // The route's `access` is a token scope, which the /api guard accepts as a declaration.
    config: { access: { token: def.scope } },
    schema: {
      summary: def.summary,
      tags: [...def.tags],
      description: `Requires an API token with the \`${def.scope}\` scope: \`Authorization: Bearer llk_…\`. A token without it is 403 \`scope_missing\`; an unknown, revoked or expired token 401 \`invalid_api_key\`.`,
      security: [{ apiToken: [] }],
      ...(def.params ? { params: def.params } : {}),
      ...(def.querystring ? { querystring: def.querystring } : {}),
      response: { 200: def.response },
    },
    handler: async (req) => {
      let refused: AppError | null = null;
      const out = await db.transaction().execute(async (tx) => {
        const now = p.clock.now();
        const check = await checkToken(tx, bearerOf(req), now);
        if (!check.ok) {
          refused = new AppError(check.status === 429 ? 429 : 401, check.code);
          return undefined;
        }
        const caller = check.caller;
        const audit = (detail: Record<string, unknown>, e: Partial<AuditInput> = {}) =>
          writeAudit(
            tx,
            {
              at: now,
              actorId: null,
              actorName: `API: ${caller.name}`,
              actorRole: 'api_token',
              ip: req.ip,
              requestId: String(req.id),
            },
            {
              action: 'api_token.use',
              resourceType: 'api_token',
              resourceId: caller.id,
              nodeId: caller.nodeId,
              nodePath: caller.nodePath,
              ...e,
              detail: { endpoint: `${def.method} ${def.url}`, ...detail },
            },
          );
        if (!caller.scopes.includes(def.scope)) {
          // A refused use is recorded too: the system is asking for more than it was given.
          await audit({ refused: 'scope_missing' }, { action: 'api_token.refused' });
          refused = new AppError(403, 'scope_missing', { scope: def.scope });
          return undefined;
        }
        try {
          return await handler({ tx, now, caller, audit }, { params: req.params as P, query: req.query as Q });
        } catch (e) {
          // A refusal inside the subtree check is audited and committed like the others.
          if (e instanceof AppError && e.status === 403) {
            await audit({ refused: e.code }, { action: 'api_token.refused' });
            refused = e;
            return undefined;
          }
          throw e;
        }
      });
      if (refused) throw refused;
      return out;
    },
  });
}
