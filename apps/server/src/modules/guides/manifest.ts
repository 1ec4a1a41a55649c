import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as guides from './service.ts';

export const guidesModule: ModuleManifest = {
  name: 'guides',
  routes: [
    route(api.guides.listGuides, (ctx, { query }) => guides.list(ctx, query), { readOnly: true }),
    route(api.guides.getGuide, (ctx, { params }) => guides.detail(ctx, params.id), { readOnly: true }),
    route(api.guides.createGuide, (ctx, { body }) => guides.create(ctx, body)),
    route(api.guides.updateGuide, (ctx, { params, body }) => guides.update(ctx, params.id, body)),
  ],
};
