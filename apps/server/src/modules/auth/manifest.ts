import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { buildMe } from './me.ts';
import * as auth from './service.ts';

export const authModule: ModuleManifest = {
  name: 'auth',
  routes: [
    route(api.auth.login, (ctx, { body, pre }) => auth.login(ctx, body.phone, pre as auth.PasswordCheck), {
      csrf: false,
      before: (db, _p, { body }) => {
        const b = body as { phone: string; password: string };
        return auth.checkPassword(db, b.phone, b.password);
      },
      rateLimitPerMinute: (p) => p.config.loginRateLimitPerMinute,
    }),
    route(api.auth.logout, (ctx) => auth.logout(ctx)),
    route(api.auth.me, async (ctx) => ({
      me: await buildMe(ctx.tx, ctx, ctx.user!, ctx.grants, ctx.session!.idleMinutes),
      csrfToken: ctx.session!.csrfToken,
    })),
    route(api.auth.changePassword, (ctx, { body }) => auth.changePassword(ctx, body.currentPassword, body.newPassword)),
  ],
};
