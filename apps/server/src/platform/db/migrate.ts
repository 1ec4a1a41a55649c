import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './engine.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

/** Numbered plain-SQL files (`0001_name.sql`), the same on PGlite and PostgreSQL, applied in order. */
export function migrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

const LOCK_KEY = 7_355_608; // advisory lock so two servers starting together do not both migrate

/** Forward-only: applies each pending file in its own transaction; returns the versions applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: number[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      const done = new Set(
        (await conn.selectFrom('schema_migration').select('version').execute()).map((r) => r.version),
      );
      for (const file of migrationFiles(dir)) {
        if (done.has(file.version)) continue;
        await conn.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await tx
            .insertInto('schema_migration')
            .values({ version: file.version, name: file.name, applied_at: new Date() })
            .execute();
        });
        applied.push(file.version);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
  return applied;
}

/** Readiness: the number of applied migrations, and whether any file is still pending. */
export async function migrationStatus(db: Db): Promise<{ applied: number; pending: number }> {
  const rows = await db.selectFrom('schema_migration').select('version').execute();
  const have = new Set(rows.map((r) => r.version));
  const pending = migrationFiles().filter((f) => !have.has(f.version)).length;
  return { applied: rows.length, pending };
}
