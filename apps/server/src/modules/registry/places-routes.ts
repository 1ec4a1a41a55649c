/** Routes of organisations in the community and compound profiles (docs/adr/0009-registry.md). */
import { api } from '@linli/contracts';
import { route } from '../../platform/modules.ts';
import * as compounds from './compounds.ts';
import * as organisations from './organisations.ts';

const x = api.registryPlaces;

export const placesRoutes = [
  route(x.listOrganisations, (ctx, { query }) => organisations.list(ctx, query)),
  route(x.getOrganisation, (ctx, { params }) => organisations.get(ctx, params.id)),
  route(x.createOrganisation, (ctx, { body }) => organisations.create(ctx, body)),
  route(x.updateOrganisation, (ctx, { params, body }) => organisations.update(ctx, params.id, body)),
  route(x.deleteOrganisation, (ctx, { params, query }) => organisations.remove(ctx, params.id, query.version)),
  route(x.listCompounds, (ctx, { query }) => compounds.list(ctx, query)),
  route(x.getCompound, (ctx, { params }) => compounds.get(ctx, params.nodeId)),
  route(x.putCompound, (ctx, { params, body }) => compounds.put(ctx, params.nodeId, body)),
];
