/**
 * BENCH_EXPLAIN=1 with BENCH_ONLY=forms: the time of the registry's whole prefill of the form for the grid
 * (`boundValues`, as a task opens) and of its parts, and the plan of the counts-and-lists statement.
 */
import { sql } from 'kysely';
import { boundValues } from '../../apps/server/src/modules/registry/form-bindings.ts';
import {
  floorAreaUnder,
  taggedIn,
  valuesQuery,
} from '../../apps/server/src/modules/registry/form-bindings-repository.ts';
import * as records from '../../apps/server/src/modules/residents/records.ts';
import type { FormField } from './forms-data.ts';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export async function explainPrefill(db: Db, fields: readonly FormField[], cid: string, path: string) {
  const now = new Date();
  const today = records.chinaToday(now);
  const target = { communityId: cid, path };
  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      xs.push(performance.now() - t0);
    }
    console.log(`    ${label}: median of 5 ${xs.sort((a, b) => a - b)[2]!.toFixed(1)} ms`);
  };
  await time('boundValues (all 30 bound fields)', () => boundValues(db as never, now, target, fields as never));
  await time('tag taxonomy', () => records.allTags(db as never));
  await time('floor area', () => floorAreaUnder(db as never, cid, path));
  const q = valuesQuery(db as never, target, [
    { key: 'people', where: null, kind: 'count' },
    { key: 'households', where: null, kind: 'households' },
    { key: 'party', where: taggedIn(cid, 'party_member', today), kind: 'count' },
    { key: 'alone', where: taggedIn(cid, 'elderly_alone', today), kind: 'list' },
  ]).compile();
  const text = q.sql.replace(/\$(\d+)/g, (_, i) => `'${String(q.parameters[Number(i) - 1])}'`);
  await time('counts and a list (one statement)', () => sql.raw(text).execute(db));
  const plan = await sql.raw(`EXPLAIN ANALYZE ${text}`).execute(db);
  console.log((plan.rows as { 'QUERY PLAN': string }[]).map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
}
