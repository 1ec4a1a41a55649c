/** The api-tokens module's SQL. */
import { type Insertable, type Selectable, sql } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { ApiTokenTables } from './tables.ts';

const t = (tx: Db) => tx.withTables<ApiTokenTables>();
export type TokenRow = Selectable<ApiTokenTables['api_token']>;

export async function insert(tx: Db, row: Insertable<ApiTokenTables['api_token']>): Promise<void> {
  await t(tx).insertInto('api_token').values(row).execute();
}

export const byId = (tx: Db, id: string) =>
  t(tx).selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();

export const byHash = (tx: Db, hash: string) =>
  t(tx).selectFrom('api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const list = (tx: Db, scopes: readonly string[]) =>
  t(tx)
    .selectFrom('api_token')
    .selectAll()
    .where((eb) => pathIn(eb, 'node_path', scopes))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();

export async function revoke(tx: Db, id: string, at: Date): Promise<void> {
  await t(tx)
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function touch(tx: Db, id: string, at: Date): Promise<void> {
  await t(tx).updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Counts one use in the current minute window; returns the count so far (including this one). */
export async function countUse(tx: Db, id: string, window: Date): Promise<number> {
  const r = await sql<{ count: number }>`
    INSERT INTO api_token_usage (token_id, window_at, count) VALUES (${id}, ${window}, 1)
    ON CONFLICT (token_id, window_at) DO UPDATE SET count = api_token_usage.count + 1
    RETURNING count`.execute(tx);
  // Older windows are of no further use.
  await sql`DELETE FROM api_token_usage WHERE token_id = ${id} AND window_at < ${window}`.execute(tx);
  return Number(r.rows[0]!.count);
}
