import { api } from '@linli/contracts';
import QRCode from 'qrcode';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as join from './service.ts';

export const joinModule: ModuleManifest = {
  name: 'join',
  routes: [
    route(api.join.joinInfo, (ctx, { params }) => join.joinInfo(ctx, params.token)),
    route(api.join.apply, (ctx, { params, body, pre }) => join.apply(ctx, pre as string | null, params.token, body), {
      before: (_db, _p, { body }) => join.hashNewPassword(body as { password?: string }),
    }),
    route(api.join.myApplications, (ctx) => join.mine(ctx)),
    route(api.join.listApplications, (ctx, { query }) => join.list(ctx, query)),
    route(api.join.getApplication, (ctx, { params }) => join.detail(ctx, params.id)),
    route(api.join.approveApplication, (ctx, { params, body }) =>
      join.decideApplication(ctx, params.id, 'approve', body.version, null),
    ),
    route(api.join.rejectApplication, (ctx, { params, body }) =>
      join.decideApplication(ctx, params.id, 'reject', body.version, body.reason.trim()),
    ),
    route(api.join.revealApplicationId, (ctx, { params, body }) => join.revealId(ctx, params.id, body.purpose)),
    route(api.join.getJoinLink, (ctx, { params }) => join.joinLink(ctx, params.id)),
    route(api.join.rotateJoinLink, (ctx, { params }) => join.joinLink(ctx, params.id, true)),
    route(api.join.joinQr, async (ctx, { params }) => {
      const link = await join.joinLink(ctx, params.id);
      // Printed on A4 posters in stairwells: high error correction survives wear and tape.
      const opts = { errorCorrectionLevel: 'H' as const, margin: 2, width: 600 };
      ctx.reply.header('content-disposition', `inline; filename="join-${params.id}.${params.format}"`);
      if (params.format === 'svg') {
        ctx.reply.type('image/svg+xml');
        return QRCode.toString(link.url, { ...opts, type: 'svg' });
      }
      ctx.reply.type('image/png');
      return QRCode.toBuffer(link.url, opts);
    }),
  ],
};
