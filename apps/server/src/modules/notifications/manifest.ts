import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { runOutboundJob } from './drain.ts';
import * as notifications from './service.ts';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: [
    route(api.notifications.listNotifications, (ctx, { query }) => notifications.list(ctx, query)),
    route(api.notifications.unreadCount, (ctx) => notifications.unreadCount(ctx)),
    route(api.notifications.markRead, (ctx, { body }) => notifications.markRead(ctx, body)),
  ],
  jobs: [{ name: 'outbound-messages', everyMs: 5_000, run: runOutboundJob }],
};
