import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { openNoticeRoutes } from './open.ts';
import { readRate } from './read-rate.ts';
import * as notices from './service.ts';
import { mustReadSubscriber } from './subscribers.ts';

/** Pages that write nothing run without a transaction (RouteOptions.readOnly); the read rate is audited, so not it. */
const READ = { readOnly: true } as const;

export const noticesModule: ModuleManifest = {
  name: 'notices',
  routes: [
    route(api.notices.listNotices, (ctx, { query }) => notices.list(ctx, query), READ),
    route(api.notices.managedNotices, (ctx, { query }) => notices.managed(ctx, query), READ),
    route(api.notices.getNotice, (ctx, { params }) => notices.detail(ctx, params.id), READ),
    route(api.notices.createNotice, (ctx, { body }) => notices.create(ctx, body)),
    route(api.notices.updateNotice, (ctx, { params, body }) => notices.update(ctx, params.id, body)),
    route(api.notices.markNoticeRead, (ctx, { params, body }) => notices.markRead(ctx, params.id, !!body.confirm)),
    route(api.notices.noticeReadRate, (ctx, { params }) => readRate(ctx, params.id)),
    route(api.notices.noticeAttachment, (ctx, { params }) => notices.attachment(ctx, params.id, params.attachmentId), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
  ],
  subscribers: [mustReadSubscriber],
  // Token-authenticated reads for external systems (notices.read): no session, so not contract routes.
  http: async (app, db, p) => {
    await app.register(openNoticeRoutes(db, p));
  },
};
