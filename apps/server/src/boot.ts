import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { demoAccountsStillDefault, isEmpty, seedDemo } from './modules/demo/seed.ts';
import { MODULES } from './modules/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Platform } from './platform/context.ts';
import { loadKeys } from './platform/crypto/keys.ts';
import { type Database, openDatabase } from './platform/db/engine.ts';
import { migrate } from './platform/db/migrate.ts';
import { startJobs } from './platform/jobs/scheduler.ts';
import { dispatchPending } from './platform/outbox/dispatcher.ts';

export interface Linli {
  app: FastifyInstance;
  platform: Platform;
  database: Database;
  seeded: boolean;
  /** Delivers pending domain events now (the background loop does this every second). */
  dispatch(): Promise<number>;
  /** Runs every module job once, e.g. after moving a test clock. */
  runJobs(): Promise<void>;
  startBackground(): void;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, loads demo data when configured, and builds the app. */
export async function boot(
  config: Config,
  opts: { clock?: Clock; logger?: boolean | object; seed?: boolean; memory?: boolean } = {},
): Promise<Linli> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: opts.memory ? null : config.dataDir });
  try {
    await migrate(database.db);
    const { keys } = loadKeys(config.secret, config.dataDir);
    const clock = opts.clock ?? systemClock;
    let seeded = false;
    if ((opts.seed ?? config.demo) && (await isEmpty(database.db))) {
      await seedDemo(database.db, keys, clock.now());
      seeded = true;
    }
    const demoAccounts = await demoAccountsStillDefault(database.db);
    const { app, platform } = await buildApp({ config, database, keys, clock, demoAccounts, logger: opts.logger });
    const subscribers = MODULES.flatMap((m) => m.subscribers ?? []);
    const jobs = MODULES.flatMap((m) => m.jobs ?? []);
    let stopJobs: (() => void) | null = null;
    return {
      app,
      platform,
      database,
      seeded,
      dispatch: () => dispatchPending(database.db, platform, subscribers),
      runJobs: async () => {
        for (const j of jobs) await j.run(database.db, platform);
      },
      startBackground() {
        stopJobs = startJobs(
          database.db,
          platform,
          [
            ...jobs,
            { name: 'outbox', everyMs: 1000, run: (db, p) => dispatchPending(db, p, subscribers).then(() => {}) },
          ],
          app.log,
        );
      },
      async close() {
        stopJobs?.();
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
