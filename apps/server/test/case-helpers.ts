import { deflateSync } from 'node:zlib';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../src/testing/index.ts';
import type { Demo } from './helpers.ts';

export type CaseDetail = Static<typeof api.cases.CaseDetail>;
export type CaseSummary = Static<typeof api.cases.CaseSummary>;
export type CasePage = { items: CaseSummary[]; nextCursor: string | null };
export interface Category {
  id: string;
  code: string;
  name: string;
}

export async function categoryByCode(c: TestClient, code: string): Promise<Category> {
  const res = await c.get<{ items: Category[] }>('/api/case-categories?includeInactive=true');
  const cat = res.body.items.find((x) => x.code === code);
  if (!cat) throw new Error(`no category ${code}`);
  return cat;
}

/** A building of community A (银杏社区) and one of its rooms. */
export function placesOfA(demo: Demo) {
  const buildings = demo.under(demo.A, 'building');
  const b1 = buildings[0]!;
  const room = demo.under(b1, 'room')[0]!;
  return { building: b1, room, otherBuilding: buildings[1]! };
}

export async function report(
  c: TestClient,
  body: Partial<Static<typeof api.cases.reportCase.body>> & { categoryId: string; placeId: string },
): Promise<CaseDetail> {
  const res = await c.post<CaseDetail>('/api/cases', { description: '3号楼楼道漏水，天花板一直滴水', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** Runs a command with the case's current version; returns the raw response. */
export async function act(c: TestClient, caseId: string, version: number, command: Record<string, unknown>) {
  return c.post<CaseDetail>(`/api/cases/${caseId}/commands`, { version, ...command });
}

/** Runs a command and expects success. */
export async function ok(c: TestClient, kase: { id: string; version: number }, command: Record<string, unknown>) {
  const res = await act(c, kase.id, kase.version, command);
  expect(res.status, `${String(command.type)}: ${res.text}`).toBe(200);
  return res.body;
}

export const inFuture = (t: TestApp, days: number) =>
  new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

export async function departmentIdOf(t: TestApp, code: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('department')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer) => {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A real greyscale PNG; `shade` makes distinct images (distinct content hashes). */
export function tinyPng(shade = 128, size = 4): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array(size).fill(shade)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function uploadPhoto(c: TestClient, shade = 128): Promise<string> {
  const res = await c.post<{ id: string }>('/api/attachments', tinyPng(shade), { 'content-type': 'image/png' });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}
