import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { migrate, migrationStatus } from '../platform/db/migrate.ts';

// `npm run migrate`: applies pending migrations to PGlite in LINLI_DATA_DIR, or to DATABASE_URL.
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(database.db);
  const status = await migrationStatus(database.db);
  console.log(
    `${database.engine}: applied ${applied.length ? applied.join(', ') : 'nothing'}; ${status.applied} migrations in place`,
  );
} finally {
  await database.close();
}
