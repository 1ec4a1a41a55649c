import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { boot, type Linli } from '../boot.ts';
import { type Config, loadConfig } from '../config.ts';
import { TestClock } from '../platform/clock.ts';
import { TestClient } from './client.ts';

export { TestClock } from '../platform/clock.ts';
export { TestClient } from './client.ts';

export interface TestApp extends Linli {
  clock: TestClock;
  client(): TestClient;
  /** Signed-in client for a demo phone number. */
  as(phone: string): Promise<TestClient>;
}

/**
 * A Linli on a fresh database with the demo district: in-memory PGlite by default, or a new database
 * on the server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestApp(opts: { seed?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const clock = new TestClock();
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  let databaseUrl: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `linli_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      // The app's pool may still be closing its sockets: wait for them rather than terminate them, since a
      // terminated client that is already ending reports the FATAL as an uncaught error. FORCE is the last resort.
      let dropped = false;
      for (let i = 0; i < 20 && !dropped; i++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name}`);
          dropped = true;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      if (!dropped) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl,
    secret: 'test-secret-for-linli-integration-suite-000',
    demo: true,
    ...opts.config,
  };
  const linli = await boot(config, { clock, seed: opts.seed ?? true, memory: true });
  const app: TestApp = {
    ...linli,
    clock,
    client: () => new TestClient(linli.app),
    as: (phone) => new TestClient(linli.app).login(phone),
    close: async () => {
      try {
        await linli.close();
      } finally {
        await drop?.();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return app;
}
