/**
 * The community home feed: notices from every level above the community (district, street) and inside it
 * (community, and the grids the caller reads) merged with neighbour posts, newest first, with a cursor over
 * (time, id). Pinned notices and posts come separately on the first page. Notices are unread until opened;
 * posts until the caller last marked the feed seen.
 */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { audienceOf } from '../notices/audience.ts';
import * as notices from '../notices/repository.ts';
import { toSummary as noticeSummary } from '../notices/views.ts';
import { readableCommunity, readableCommunityPath } from './access.ts';
import * as repo from './repository.ts';
import { cursorOf, parseCursor, toSummary } from './views.ts';

type Item = Static<typeof api.boards.FeedItem>;

export async function feed(ctx: Ctx, communityId: string, q: { cursor?: string; limit?: number }) {
  const community = { id: communityId, path: await readableCommunityPath(ctx, communityId) };
  const me = ctx.user!.id;
  const limit = q.limit ?? 20;
  const before = parseCursor(q.cursor);
  // The caller's audience, narrowed to this community: the levels above it and what lies inside it.
  const all = audienceOf(ctx.actor);
  const audience = {
    above: all.above.filter((p) => community.path.startsWith(p) || p.startsWith(community.path)),
    within: all.within
      .filter((w) => w.startsWith(community.path) || community.path.startsWith(w))
      .map((w) => (w.length < community.path.length ? community.path : w)),
  };
  // Four statements (pinned items ride with the first page's): a read-only request runs them in turn.
  const [
    { page: ns, pinned: pinnedNotices },
    { page: ps, pinned: pinnedPosts },
    { seen, unread: unreadPosts },
    unreadNotices,
  ] = await Promise.all([
    notices.visibleAndPinned(ctx.tx, audience, ctx.now, { userId: me, before, limit }, !before),
    repo.postsAndPinned(ctx.tx, community.id, { before, limit, userId: me }, !before),
    repo.unreadSince(ctx.tx, community.id, me),
    notices.unreadCount(ctx.tx, audience, ctx.now, me),
  ]);
  const postUnread = (p: repo.PostRow) => p.author_id !== me && (!seen || new Date(p.created_at) > seen);
  const noticeItem = (n: notices.NoticeRow): Item => ({
    type: 'notice',
    at: new Date(n.published_at).toISOString(),
    unread: !n.seen_at,
    notice: noticeSummary(n, ctx.now),
  });
  const postItem = (p: repo.PostRow): Item => ({
    type: 'post',
    at: new Date(p.created_at).toISOString(),
    unread: postUnread(p),
    post: toSummary(p, me),
  });
  const merged = [
    ...ns.map((n) => ({ key: [new Date(n.published_at).getTime(), n.id] as const, item: noticeItem(n) })),
    ...ps
      .filter((p) => p.status === 'visible' || p.author_id === me)
      .map((p) => ({ key: [new Date(p.created_at).getTime(), p.id] as const, item: postItem(p) })),
  ].sort((a, b) => b.key[0] - a.key[0] || (a.key[1] < b.key[1] ? 1 : a.key[1] > b.key[1] ? -1 : 0));
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return {
    pinned: [...pinnedNotices.map(noticeItem), ...pinnedPosts.map(postItem)],
    items: page.map((x) => x.item),
    nextCursor: merged.length > limit && last ? cursorOf(new Date(last.key[0]), last.key[1]) : null,
    unreadCount: unreadPosts + unreadNotices,
  };
}

export async function markSeen(ctx: Ctx, communityId: string) {
  const community = await readableCommunity(ctx, communityId);
  await repo.setFeedSeen(ctx.tx, ctx.user!.id, community.id, ctx.now);
  return { ok: true as const };
}
