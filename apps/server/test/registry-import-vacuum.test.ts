/**
 * The VACUUM (ANALYZE) a large import ends with: it runs on this engine (PGlite or PostgreSQL) outside any
 * transaction and leaves the person pages marked all-visible; where it cannot run, it answers false instead of
 * failing the import.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { vacuumRegistry } from '../src/modules/registry/import-repository.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('registry import vacuum', () => {
  it('vacuums and analyzes person, household and person_change', async () => {
    expect(await vacuumRegistry(t.database.db)).toBe(true);
    const r = await sql<{ relname: string; relallvisible: number; reltuples: number }>`
      SELECT relname, relallvisible, reltuples FROM pg_class
      WHERE relname IN ('person', 'household', 'person_change') ORDER BY relname`.execute(t.database.db);
    expect(r.rows.map((x) => x.relname)).toEqual(['household', 'person', 'person_change']);
    const person = r.rows.find((x) => x.relname === 'person')!;
    expect(Number(person.reltuples)).toBeGreaterThan(0);
    expect(Number(person.relallvisible)).toBeGreaterThan(0);
  });

  it('answers false and logs, never throws, where VACUUM cannot run (inside a transaction)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      let ok: boolean | undefined;
      // The failed statement aborts that transaction (PostgreSQL's driver then reports the rollback).
      await t.database.db
        .transaction()
        .execute(async (tx) => {
          ok = await vacuumRegistry(tx);
        })
        .catch(() => undefined);
      expect(ok).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('VACUUM (ANALYZE) failed'));
    } finally {
      warn.mockRestore();
    }
  });
});
