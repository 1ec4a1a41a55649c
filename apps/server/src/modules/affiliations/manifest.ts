import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { hashNewPassword } from '../auth/register.ts';
import * as hometown from './hometown.ts';
import * as affiliations from './service.ts';
import { decidedSubscriber } from './subscribers.ts';

/** Party check-ins (报到 / 双报到) and hometown members (乡愁乡音), each approved by the committee. */
export const affiliationsModule: ModuleManifest = {
  name: 'affiliations',
  routes: [
    route(api.affiliations.applyAffiliation, (ctx, { params, body }) => affiliations.apply(ctx, params.id, body)),
    route(api.affiliations.myAffiliations, (ctx) => affiliations.mine(ctx), { readOnly: true }),
    route(api.affiliations.withdrawAffiliation, (ctx, { params, body }) =>
      affiliations.withdraw(ctx, params.id, body.version),
    ),
    route(api.affiliations.listAffiliations, (ctx, { params, query }) => affiliations.list(ctx, params.id, query), {
      readOnly: true,
    }),
    route(api.affiliations.decideAffiliation, (ctx, { params, body }) => affiliations.decide(ctx, params.id, body)),
    route(api.affiliations.hometownInfo, (ctx, { params }) => hometown.info(ctx, params.id), { readOnly: true }),
    route(
      api.affiliations.joinHometown,
      (ctx, { params, body, pre }) => hometown.join(ctx, pre as string | null, params.id, body),
      { before: (_db, _p, { body }) => hashNewPassword(body as { password?: string }) },
    ),
  ],
  subscribers: [decidedSubscriber],
};
