import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as tokens from './service.ts';

export const apiTokensModule: ModuleManifest = {
  name: 'api-tokens',
  routes: [
    route(api.apiTokens.listApiTokens, (ctx) => tokens.list(ctx)),
    route(api.apiTokens.createApiToken, (ctx, { body }) => tokens.create(ctx, body)),
    route(api.apiTokens.revokeApiToken, (ctx, { params }) => tokens.revoke(ctx, params.id)),
  ],
};
