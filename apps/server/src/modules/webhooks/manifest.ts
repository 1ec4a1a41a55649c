import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { deliveryJob } from './deliver.ts';
import { webhookSubscribers } from './events.ts';
import * as webhooks from './service.ts';

export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  routes: [
    route(api.webhooks.listWebhooks, (ctx) => webhooks.list(ctx)),
    route(api.webhooks.createWebhook, (ctx, { body }) => webhooks.create(ctx, body)),
    route(api.webhooks.setWebhookActive, (ctx, { params, body }) => webhooks.setActive(ctx, params.id, body)),
    route(api.webhooks.listDeliveries, (ctx, { params }) => webhooks.deliveries(ctx, params.id)),
    route(api.webhooks.redeliver, (ctx, { params }) => webhooks.redeliver(ctx, params.id, params.deliveryId)),
  ],
  subscribers: webhookSubscribers,
  jobs: [deliveryJob],
};
