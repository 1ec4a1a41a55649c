import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { excerptOf } from '../notices/text.ts';
import type { PostRow } from './repository.ts';

type Summary = Static<typeof api.boards.PostSummary>;

const iso = (d: Date | string) => new Date(d).toISOString();

export const toSummary = (r: PostRow, userId: string): Summary => ({
  id: r.id,
  communityId: r.community_id,
  board: r.board as Summary['board'],
  kind: r.kind as Summary['kind'],
  title: r.title,
  excerpt: excerptOf(r.body),
  authorLabel: r.author_label,
  status: r.status as Summary['status'],
  stage: r.stage as Summary['stage'],
  takerLabel: r.taker_label,
  caseNo: r.case_no,
  imageCount: r.attachments.length,
  commentCount: r.comment_count,
  likeCount: r.like_count,
  reportCount: r.report_count,
  pinned: r.pinned,
  partyBadge: r.party_badge,
  createdAt: iso(r.created_at),
  mine: r.author_id === userId,
});

export const cursorOf = (at: Date | string, id: string) => `${new Date(at).getTime()}.${id}`;
export const parseCursor = (c: string | undefined) => {
  if (!c) return null;
  const [ms, id] = c.split('.');
  return { at: new Date(Number(ms)), id: id! };
};
