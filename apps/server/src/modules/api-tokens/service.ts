/**
 * API tokens: a district admin registers an external system with a token bound to an org subtree and
 * scopes. The secret (`llk_…`) is returned once; only its SHA-256 is kept, so a database leak reveals no
 * usable token. Each use is checked (expiry, revocation, subtree, scope), counted against the token's own
 * per-minute limit, stamped as last used and audited.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

type CreateBody = Static<typeof api.apiTokens.createApiToken.body>;
type View = Static<typeof api.apiTokens.ApiToken>;
export type ApiScope = api.apiTokens.ApiScope;

export const DEFAULT_RATE_PER_MINUTE = 120;
const invalid = (path: string, code: string) => new AppError(422, 'validation_failed', {}, [{ path, code }]);
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

async function toViews(tx: Db, rows: repo.TokenRow[], now: Date): Promise<View[]> {
  const nodes = await org.getNodes(tx, [...new Set(rows.map((r) => r.node_id))]);
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      rows.length ? [...new Set(rows.map((r) => r.created_by))] : ['00000000-0000-0000-0000-000000000000'],
    )
    .execute();
  const who = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nodeId: r.node_id,
    nodeName: names.get(r.node_id) ?? '',
    scopes: r.scopes as ApiScope[],
    prefix: r.prefix,
    ratePerMinute: r.rate_per_minute,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    createdByName: who.get(r.created_by) ?? null,
    active: !r.revoked_at && (!r.expires_at || r.expires_at > now),
  }));
}

export async function list(ctx: Ctx) {
  const rows = await repo.list(ctx.tx, listingScope(ctx.actor, 'platform.manage'));
  return { items: await toViews(ctx.tx, rows, ctx.now) };
}

export async function create(ctx: Ctx, b: CreateBody) {
  const node = await org.getNode(ctx.tx, b.nodeId);
  if (!node || !ctx.can('platform.manage', node.path)) throw invalid('/nodeId', 'not_found');
  const expiresAt = b.expiresAt ? new Date(b.expiresAt) : null;
  if (expiresAt && expiresAt <= ctx.now) throw invalid('/expiresAt', 'in_past');
  const secret = `llk_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await repo.insert(ctx.tx, {
    id,
    name: b.name.trim(),
    node_id: node.id,
    node_path: node.path,
    scopes: [...b.scopes],
    token_hash: hashSecret(secret),
    prefix: secret.slice(0, 10),
    rate_per_minute: b.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
    expires_at: expiresAt,
    revoked_at: null,
    last_used_at: null,
    created_by: ctx.user!.id,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'api_token.create',
    resourceType: 'api_token',
    resourceId: id,
    nodeId: node.id,
    nodePath: node.path,
    detail: { name: b.name.trim(), scopes: b.scopes, expiresAt: expiresAt?.toISOString() ?? null },
  });
  const row = (await repo.byId(ctx.tx, id))!;
  const [token] = await toViews(ctx.tx, [row], ctx.now);
  return { token: token!, secret };
}

export async function revoke(ctx: Ctx, id: string) {
  const row = await repo.byId(ctx.tx, id);
  if (!row) throw notFound();
  ctx.authorize('platform.manage', row.node_path);
  if (!row.revoked_at) {
    await repo.revoke(ctx.tx, id, ctx.now);
    await ctx.audit({
      action: 'api_token.revoke',
      resourceType: 'api_token',
      resourceId: id,
      nodeId: row.node_id,
      nodePath: row.node_path,
      detail: { name: row.name },
    });
  }
  const [view] = await toViews(ctx.tx, [(await repo.byId(ctx.tx, id))!], ctx.now);
  return view!;
}

/** A caller holding a valid token: the system it names and where it may act. */
export interface TokenCaller {
  id: string;
  name: string;
  nodeId: string;
  nodePath: string;
  scopes: readonly ApiScope[];
}

export type TokenCheck =
  | { ok: true; caller: TokenCaller }
  | { ok: false; status: 403 | 429; code: 'invalid_api_key' | 'rate_limited' };

/**
 * Checks a presented secret: unknown, revoked or expired → 403; over the token's per-minute limit → 429.
 * The use is counted and stamped in the caller's transaction (the caller commits it even when refusing).
 */
export async function checkToken(tx: Db, secret: string | undefined, now: Date): Promise<TokenCheck> {
  if (!secret || secret.length > 200) return { ok: false, status: 403, code: 'invalid_api_key' };
  const row = await repo.byHash(tx, hashSecret(secret));
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now))
    return { ok: false, status: 403, code: 'invalid_api_key' };
  const window = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const used = await repo.countUse(tx, row.id, window);
  if (used > row.rate_per_minute) return { ok: false, status: 429, code: 'rate_limited' };
  await repo.touch(tx, row.id, now);
  return {
    ok: true,
    caller: {
      id: row.id,
      name: row.name,
      nodeId: row.node_id,
      nodePath: row.node_path,
      scopes: row.scopes as ApiScope[],
    },
  };
}
