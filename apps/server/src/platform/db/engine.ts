import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.ts';
import type { PlatformTables } from './tables.ts';

export type Db = Kysely<PlatformTables>;
export type EngineName = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: EngineName;
  close(): Promise<void>;
}

// int8 and numeric stay strings (ids are bigints); dates stay ISO strings so both engines agree.
const TEXT = (v: string) => v;
const PARSERS = { 20: TEXT, 1700: TEXT, 1082: TEXT };

pg.types.setTypeParser(20, TEXT);
pg.types.setTypeParser(1082, TEXT);

/** Opens PostgreSQL: a server through a pool when `url` is set, else embedded PGlite in `dataDir` (memory if null). */
export async function openDatabase(opts: { url?: string | null; dataDir?: string | null }): Promise<Database> {
  if (opts.url) {
    // No JIT: Linli's statements are short, and on district-wide counts and imports compiling the plan
    // (0.1–0.6 s) cost more than it saved. PGlite has no JIT to turn off.
    const pool = new pg.Pool({ connectionString: opts.url, max: 10, options: '-c jit=off' });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const lite = await PGlite.create({ dataDir: opts.dataDir ?? undefined, parsers: PARSERS });
  const pool = new PGlitePool(lite);
  // biome-ignore lint/suspicious/noExplicitAny: Kysely expects node-postgres's Pool type; PGlitePool implements the part it uses.
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool: pool as any }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
