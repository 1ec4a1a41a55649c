import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { NoticeRow } from './repository.ts';
import { excerptOf } from './text.ts';

type Summary = Static<typeof api.notices.NoticeSummary>;

const iso = (d: Date | string) => new Date(d).toISOString();

export const isExpired = (r: Pick<NoticeRow, 'expires_at'>, now: Date) =>
  !!r.expires_at && new Date(r.expires_at) <= now;

export const toSummary = (r: NoticeRow, now: Date): Summary => ({
  id: r.id,
  nodeId: r.node_id,
  nodeName: r.node_name,
  level: r.level as Summary['level'],
  category: r.category as Summary['category'],
  title: r.title,
  excerpt: excerptOf(r.body),
  pinned: r.pinned,
  mustRead: r.must_read,
  publishedAt: iso(r.published_at),
  expiresAt: r.expires_at ? iso(r.expires_at) : null,
  withdrawn: !!r.withdrawn_at,
  expired: isExpired(r, now),
  authorName: r.author_name,
  imageCount: r.attachments.length,
  unread: !r.seen_at,
  confirmed: !!r.confirmed_at,
});

/** `<published ms>.<id>`: the page after the last item shown. */
export const cursorOf = (r: Pick<NoticeRow, 'published_at' | 'id'>) => `${new Date(r.published_at).getTime()}.${r.id}`;
export const parseCursor = (c: string | undefined) => {
  if (!c) return null;
  const [ms, id] = c.split('.');
  return { at: new Date(Number(ms)), id: id! };
};
