/** Routes of household transfers between communities (docs/adr/0009-registry.md). */
import { api } from '@linli/contracts';
import { route } from '../../platform/modules.ts';
import * as transfer from './transfer.ts';
import { transferDecidedSubscriber, transferRequestedSubscriber } from './transfer-notify.ts';

const x = api.registryTransfer;

export const transferRoutes = [
  route(x.startTransfer, (ctx, { params, body }) => transfer.start(ctx, params.id, body)),
  route(x.listTransfers, (ctx, { query }) => transfer.list(ctx, query)),
  route(x.acceptTransfer, (ctx, { params, body }) => transfer.accept(ctx, params.id, body)),
  route(x.refuseTransfer, (ctx, { params, body }) => transfer.refuse(ctx, params.id, body)),
  route(x.cancelTransfer, (ctx, { params, body }) => transfer.cancel(ctx, params.id, body)),
  route(x.transferDestinations, (ctx, { query }) => transfer.destinations(ctx, query.q)),
];

export const transferSubscribers = [transferRequestedSubscriber, transferDecidedSubscriber];
