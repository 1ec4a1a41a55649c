/**
 * The registry bench's second floor: the database work of the import without Linli. The rows the import just
 * wrote (households, people with their encrypted and blind-indexed ID numbers, the "created" history rows) are
 * exported to CSV files, then `COPY`ed into scratch tables made `LIKE … INCLUDING ALL` (the same columns,
 * checks and indexes) with the same foreign keys (redirected between the scratch tables). What the import does
 * beyond that — reading and checking the file, encrypting, the duplicate and registered-elsewhere lookups,
 * progress, errors — is what the ratio to this floor measures.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Running } from './linli.ts';

const TABLES = ['household', 'person', 'person_change'] as const;
const scratch = (t: string) => `bench_same_${t}`;

export interface SameWork {
  rows: number;
  bytes: number;
  ms: number;
  /** How the rows were written: psql `\copy` on a server, INSERT … SELECT on PGlite (no psql there). */
  how: string;
}

/** Copies the rows written at or after `since` (the import's start) into scratch tables; answers the time. */
export async function sameWorkCopy(server: Running, dir: string, since: Date): Promise<SameWork> {
  const { db } = server.linli.database;
  const at = since.toISOString();
  const where: Record<(typeof TABLES)[number], string> = {
    household: `created_at >= '${at}'`,
    person: `created_at >= '${at}'`,
    person_change: `changed_at >= '${at}' AND field = 'created'`,
  };
  // The same foreign keys as the real tables, pointing at the scratch copies where they point inside the set.
  const fks = (
    await sql<{ t: string; def: string }>`SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ('household', 'person', 'person_change')`.execute(
      db,
    )
  ).rows;
  const ddl = [
    ...TABLES.map((t) => `DROP TABLE IF EXISTS ${scratch(t)} CASCADE`),
    ...TABLES.map((t) => `CREATE TABLE ${scratch(t)} (LIKE ${t} INCLUDING ALL)`),
    ...fks.map(
      (f) =>
        `ALTER TABLE ${scratch(f.t)} ADD ${f.def.replace(/REFERENCES (household|person)\(/, (_m, t) => `REFERENCES ${scratch(t)}(`)}`,
    ),
  ];
  for (const s of ddl) await sql.raw(s).execute(db);
  let rows = 0;
  let bytes = 0;
  if (server.databaseUrl) {
    const psql = (...cmds: string[]) => {
      const r = spawnSync(
        'psql',
        [server.databaseUrl!, '-q', '-v', 'ON_ERROR_STOP=1', ...cmds.flatMap((c) => ['-c', c])],
        {
          stdio: 'inherit',
        },
      );
      if (r.status !== 0) throw new Error(`psql failed: ${cmds.join('; ').slice(0, 200)}`);
    };
    const file = (t: string) => join(dir, `${t}.csv`);
    psql(...TABLES.map((t) => `\\copy (SELECT * FROM ${t} WHERE ${where[t]}) TO '${file(t)}' WITH (FORMAT csv)`));
    for (const t of TABLES) bytes += statSync(file(t)).size;
    psql('CHECKPOINT'); // the export's reads and hint bits are not the copy's work
    const t0 = performance.now();
    psql(...TABLES.map((t) => `\\copy ${scratch(t)} FROM '${file(t)}' WITH (FORMAT csv)`));
    const ms = performance.now() - t0;
    rows = await count(server, scratch('person'));
    await drop(server);
    return { rows, bytes, ms, how: 'psql \\copy' };
  }
  const t0 = performance.now();
  for (const t of TABLES)
    await sql.raw(`INSERT INTO ${scratch(t)} OVERRIDING SYSTEM VALUE SELECT * FROM ${t} WHERE ${where[t]}`).execute(db);
  const ms = performance.now() - t0;
  rows = await count(server, scratch('person'));
  bytes = Number(
    (
      await sql<{
        b: string;
      }>`SELECT sum(pg_relation_size(c::regclass))::bigint AS b FROM unnest(${TABLES.map(scratch)}::text[]) c`.execute(
        db,
      )
    ).rows[0]!.b,
  );
  await drop(server);
  return { rows, bytes, ms, how: 'INSERT … SELECT (PGlite; size = heap pages)' };
}

async function count(server: Running, table: string) {
  const r = await sql.raw<{ n: string }>(`SELECT count(*) AS n FROM ${table}`).execute(server.linli.database.db);
  return Number(r.rows[0]!.n);
}

/** The scratch tables go again: the policy and search measurements that follow read only the real ones. */
async function drop(server: Running) {
  for (const t of [...TABLES].reverse())
    await sql.raw(`DROP TABLE ${scratch(t)} CASCADE`).execute(server.linli.database.db);
}
