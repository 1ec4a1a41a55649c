import { api } from '@linli/contracts';
import { sql } from 'kysely';
import { migrationStatus } from '../../platform/db/migrate.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type ModuleManifest, route } from '../../platform/modules.ts';

export const healthModule: ModuleManifest = {
  name: 'health',
  routes: [
    route(api.health.health, async () => ({ status: 'ok' as const }), { withoutDatabase: true }),
    route(api.health.ready, async (ctx) => {
      await sql`SELECT 1`.execute(ctx.tx);
      const { applied, pending } = await migrationStatus(ctx.tx);
      if (pending > 0) throw new AppError(503, 'internal_error');
      return { status: 'ready' as const, engine: ctx.engine, migrations: applied };
    }),
  ],
};
