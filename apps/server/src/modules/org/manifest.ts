import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as org from './service.ts';

export const orgModule: ModuleManifest = {
  name: 'org',
  routes: [
    route(api.org.orgTree, (ctx, { query }) => org.tree(ctx, query.rootId, query.maxType)),
    route(api.org.orgNode, (ctx, { params }) => org.detail(ctx, params.id)),
    route(api.org.createNode, (ctx, { body }) => org.create(ctx, body)),
    route(api.org.updateNode, (ctx, { params, body }) => org.update(ctx, params.id, body)),
    route(api.org.deleteNode, (ctx, { params }) => org.remove(ctx, params.id)),
  ],
};
