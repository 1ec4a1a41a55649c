import { type Action, type Actor, isWithin, scopeOf } from '@linli/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { forbidden, notFound } from '../http/errors.ts';

/**
 * The one scoping helper every listing goes through. It returns the path prefixes the actor may see
 * for an action, optionally narrowed to one node (which must itself be inside the scope).
 */
export function listingScope(actor: Actor | null, action: Action, within?: { path: string } | null): string[] {
  const scopes = scopeOf(actor, action);
  if (scopes.length === 0) throw forbidden();
  if (!within) return scopes;
  if (scopes.some((s) => isWithin(within.path, s))) return [within.path];
  // The node is visible only partly (e.g. a grid worker asking for the whole community): keep the
  // actor's scopes that lie inside it.
  const inner = scopes.filter((s) => isWithin(s, within.path));
  if (inner.length === 0) throw notFound();
  return inner;
}

/** `column LIKE p1% OR column LIKE p2% ...` — paths are digits and slashes, so nothing needs escaping. */
export function pathIn<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scopes: readonly string[],
): Expression<SqlBool> {
  if (scopes.length === 0) return sql<SqlBool>`false`;
  return eb.or(scopes.map((p) => sql<SqlBool>`${sql.raw(column)} LIKE ${`${p}%`}`));
}
