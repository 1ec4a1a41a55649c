import { api } from '@linli/contracts';
import { type ModuleManifest, type RouteOptions, route } from '../../platform/modules.ts';
import * as attachments from './service.ts';

/** Raw image bodies, stripped and hashed before the transaction opens. */
const UPLOAD: RouteOptions = {
  raw: { contentTypes: [...api.attachments.IMAGE_TYPES], maxBytes: api.attachments.MAX_IMAGE_BYTES },
  before: async (_db, _p, { body }) => attachments.prepare(body),
};

/** Uploads without an account, per client address: enough for a few reports, not for filling the disk. */
const PUBLIC_UPLOADS_PER_MINUTE = 20;

export const attachmentsModule: ModuleManifest = {
  name: 'attachments',
  routes: [
    route(
      api.attachments.uploadAttachment,
      (ctx, { pre }) => attachments.upload(ctx, pre as attachments.Prepared, ctx.user!.id),
      UPLOAD,
    ),
    route(
      api.attachments.uploadPublicAttachment,
      (ctx, { pre }) => attachments.upload(ctx, pre as attachments.Prepared, null),
      {
        ...UPLOAD,
        rateLimitPerMinute: () => PUBLIC_UPLOADS_PER_MINUTE,
      },
    ),
    route(api.attachments.getAttachment, (ctx, { params }) => attachments.download(ctx, params.id), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
  ],
};
