import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import { buildMe } from './me.ts';
import * as auth from './service.ts';
import { ssoRoutes } from './sso-http.ts';
import * as sso from './sso-links.ts';

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
    route(api.sso.ssoInfo, async (ctx) => sso.ssoInfo(ctx), { readOnly: true }),
    route(api.sso.listSsoLinks, (ctx, { query }) => sso.listLinks(ctx, query.userId), { readOnly: true }),
    route(api.sso.createSsoLink, (ctx, { body }) => sso.createLink(ctx, body)),
    route(api.sso.deleteSsoLink, (ctx, { body }) => sso.removeLink(ctx, body.subject)),
  ],
  // Single sign-on's redirects (not JSON, so not contract routes).
  http: async (app, db, p) => {
    await app.register(ssoRoutes(db, p));
  },
};
