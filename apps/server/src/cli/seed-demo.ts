import { loadConfig } from '../config.ts';
import { isEmpty, seedDemo } from '../modules/demo/seed.ts';
import { loadKeys } from '../platform/crypto/keys.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { migrate } from '../platform/db/migrate.ts';

// `npm run seed:demo`: loads the demo district into an empty database (embedded or DATABASE_URL).
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database.db);
  if (!(await isEmpty(database.db))) {
    console.error('The database already holds an org tree; the demo district loads only into an empty one.');
    process.exitCode = 1;
  } else {
    const { keys } = loadKeys(config.secret, config.dataDir);
    await seedDemo(database.db, keys, new Date());
    console.log(`${database.engine}: demo district 临江区 loaded (demo password Linli@2026 — never use in production)`);
  }
} finally {
  await database.close();
}
