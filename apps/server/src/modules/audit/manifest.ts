import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as audit from './service.ts';

export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: [route(api.audit.searchAudit, (ctx, { query }) => audit.search(ctx, query))],
  jobs: [
    { name: 'audit-retention', everyMs: 6 * 3600_000, run: (db, p) => audit.applyRetention(db, p).then(() => {}) },
  ],
};
