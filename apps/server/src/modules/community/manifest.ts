import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as community from './service.ts';

export const communityModule: ModuleManifest = {
  name: 'community',
  routes: [route(api.community.communityHome, (ctx, { params }) => community.home(ctx, params.id))],
};
