// Runs the HTTP integration suite against a real PostgreSQL server: each test file creates (and drops)
// its own fresh database on TEST_DATABASE_URL (default: the local server's `test` database).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
console.log(`Integration suite on PostgreSQL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
const r = spawnSync('npx', ['vitest', 'run', 'apps/server'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(r.status ?? 1);
