import { boot } from './boot.ts';
import { loadConfig } from './config.ts';
import { DEMO_PASSWORD } from './modules/demo/accounts.ts';

const config = loadConfig();
const linli = await boot(config, { logger: { level: config.logLevel } });
const { app, platform } = linli;
await app.listen({ port: config.port, host: config.host });
linli.startBackground();

app.log.info(
  { engine: platform.engine, dataDir: config.databaseUrl ? undefined : config.dataDir },
  `Linli 邻里 is up at ${config.publicUrl} (console: ${config.publicUrl}/console)`,
);
if (linli.seeded) app.log.info('demo district 临江区 loaded');
if (platform.demoAccounts.size > 0) {
  // Loud on purpose: a plain banner on stderr besides the structured log line.
  process.stderr.write(
    `\n  !!! 演示模式 DEMO MODE: ${platform.demoAccounts.size} demo accounts use the public password ${DEMO_PASSWORD}.\n` +
      '  !!! Never expose this instance. Console: ' +
      `${config.publicUrl}/console  ·  Resident web: ${config.publicUrl}/\n\n`,
  );
  app.log.warn(
    `DEMO PASSWORDS ACTIVE: ${platform.demoAccounts.size} demo accounts still use the published password "${DEMO_PASSWORD}". ` +
      'Do not expose this instance; change those passwords or start from an empty database.',
  );
}

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${sig}: shutting down`);
    linli.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
