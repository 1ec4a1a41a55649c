import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../../platform/modules.ts';
import * as imports from './service.ts';

/** 12345 hotline imports (part of the cases domain; routes of their own, registered next to the cases module). */
export const caseImportsModule: ModuleManifest = {
  name: 'case-imports',
  routes: [
    route(api.caseImports.uploadImport, (ctx, { pre }) => imports.upload(ctx, pre as imports.Prepared), {
      raw: { contentTypes: [...api.caseImports.IMPORT_TYPES], maxBytes: api.caseImports.MAX_IMPORT_BYTES },
      before: (_db, _p, { body }) => imports.prepare(body),
    }),
    route(api.caseImports.runImport, (ctx, { params, body }) => imports.run(ctx, params.id, body)),
  ],
};
