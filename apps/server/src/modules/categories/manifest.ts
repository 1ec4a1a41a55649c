import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as categories from './service.ts';

export const categoriesModule: ModuleManifest = {
  name: 'categories',
  routes: [
    route(api.categories.listCategories, (ctx, { query }) => categories.list(ctx, query.includeInactive)),
    route(api.categories.createCategory, (ctx, { body }) => categories.create(ctx, body)),
    route(api.categories.updateCategory, (ctx, { params, body }) => categories.update(ctx, params.id, body)),
  ],
};
