import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as people from './service.ts';

export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: [
    route(api.people.listPeople, (ctx, { query }) => people.list(ctx, query)),
    route(api.people.createStaff, (ctx, { body }) => people.createStaff(ctx, body)),
    route(api.people.addGrant, (ctx, { body }) => people.addGrant(ctx, body)),
    route(api.people.revokeGrant, (ctx, { params }) => people.revokeGrant(ctx, params.id)),
  ],
};
