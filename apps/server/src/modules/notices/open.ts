/**
 * Notices read by external systems with an API token (`notices.read`, docs/adr/0013): the token's node
 * reads what a cadre there would — notices at the node, inside its subtree, and above it — current ones only
 * (not withdrawn, not expired). Narrowing to a node outside the token's subtree is 403; a notice outside
 * what the token reads does not exist (404). Every read is audited in the name of the external system.
 */
import { api } from '@linli/contracts';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { tokenRoute } from '../api-tokens/bearer.ts';
import * as org from '../org/service.ts';
import { type Audience, ancestorPaths, reads } from './audience.ts';
import * as repo from './repository.ts';
import { cursorOf, isExpired, parseCursor } from './views.ts';

type OpenNotice = Static<typeof api.openNotices.OpenNotice>;
type ListQuery = Static<typeof api.openNotices.listOpenNotices.querystring>;

/** Read state is per person; a system has none (this id matches no one). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const audienceAt = (path: string): Audience => ({ above: ancestorPaths(path), within: [path] });

const toOpen = (r: repo.NoticeRow): OpenNotice => ({
  id: r.id,
  nodeId: String(r.node_id),
  nodeName: r.node_name,
  level: r.level as OpenNotice['level'],
  category: r.category as OpenNotice['category'],
  title: r.title,
  body: r.body,
  pinned: r.pinned,
  mustRead: r.must_read,
  publishedAt: new Date(r.published_at).toISOString(),
  expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
  authorName: r.author_name,
});

export function openNoticeRoutes(db: Db, p: Platform) {
  return async (app: FastifyInstance) => {
    tokenRoute<unknown, ListQuery>(app, db, p, api.openNotices.listOpenNotices, async (c, { query }) => {
      let path = c.caller.nodePath;
      if (query.nodeId) {
        const node = await org.getNode(c.tx, query.nodeId);
        // Outside the token's subtree (or no such node): the token may not ask there.
        if (!node?.path.startsWith(c.caller.nodePath)) throw forbidden('token_out_of_scope');
        path = node.path;
      }
      const limit = query.limit ?? 20;
      const rows = await repo.visible(c.tx, audienceAt(path), c.now, {
        userId: NOBODY,
        category: query.category,
        before: parseCursor(query.cursor),
        limit,
      });
      const items = rows.slice(0, limit);
      await c.audit({ nodeId: query.nodeId ?? null, count: items.length });
      return {
        items: items.map(toOpen),
        nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]!) : null,
      };
    });
    tokenRoute<{ id: string }, unknown>(app, db, p, api.openNotices.getOpenNotice, async (c, { params }) => {
      const r = await repo.byId(c.tx, params.id, NOBODY);
      if (!r || !reads(audienceAt(c.caller.nodePath), r.node_path) || r.withdrawn_at || isExpired(r, c.now))
        throw notFound();
      await c.audit({ noticeId: r.id });
      return toOpen(r);
    });
  };
}
