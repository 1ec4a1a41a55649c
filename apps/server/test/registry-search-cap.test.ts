/**
 * Searches that match more people than anyone reads through (a common surname, one pinyin initial): the first
 * thousand are listed in address order and the answer says it was capped; reach still decides who is found.
 */
import { makeIdNumber } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { freeRoomsUnder, type PersonRow } from './registry-helpers.ts';

type Found = Page<PersonRow> & { capped?: boolean };

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let inGrid1: number;
const GIVEN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  const grid1 = demo.under(demo.A, 'grid').sort((a, b) => a.path.localeCompare(b.path))[0]!;
  const grid2 = demo.under(demo.A, 'grid').sort((a, b) => a.path.localeCompare(b.path))[1]!;
  const room = (id: string) => {
    const r = demo.byId.get(id)!;
    const unit = demo.byId.get(r.parentId!)!;
    return `${demo.byId.get(unit.parentId!)!.name}${unit.name}${r.name}`;
  };
  const rooms = [
    ...(await freeRoomsUnder(t, demo, demo.A.id, grid1)).slice(0, 2),
    ...(await freeRoomsUnder(t, demo, demo.A.id, grid2)).slice(0, 2),
  ];
  // 1,010 people surnamed 欧阳 (pinyin initials "oy…"), spread over two rooms of each of two grids.
  const rows = Array.from({ length: 1010 }, (_, i) => [
    `欧阳${GIVEN[i % GIVEN.length]}${GIVEN[Math.floor(i / GIVEN.length) % GIVEN.length]}`,
    makeIdNumber('310113', `19${50 + (i % 40)}0101`, Math.floor(i / 40)),
    room(rooms[i % rooms.length]!),
  ]);
  inGrid1 = rows.filter((_, i) => i % rooms.length < 2).length;
  const csv = Buffer.from([['姓名', '身份证号', '房号'], ...rows].map((r) => r.join(',')).join('\r\n'), 'utf8');
  const up = await secretary.post<{ id: string }>('/api/registry/imports', csv, { 'content-type': 'text/csv' });
  expect(up.status, up.text).toBe(201);
  const run = await secretary.post<{ created: number }>(`/api/registry/imports/${up.body.id}/run`, {
    communityId: demo.A.id,
    mapping: { name: '姓名', idNumber: '身份证号', room: '房号' },
    mode: 'valid_only',
  });
  expect(run.status, run.text).toBe(200);
  expect(run.body.created).toBe(1010);
});
afterAll(() => t.close());

const search = (c: TestClient, q: string, offset = 0) =>
  c.get<Found>(`/api/registry/people?q=${encodeURIComponent(q)}&limit=50&offset=${offset}`);

describe('searches with many matches', () => {
  it('list the first thousand in address order and say the search was capped', async () => {
    for (const q of ['欧阳', 'oy']) {
      const res = await search(secretary, q);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ total: 1000, capped: true, limit: 50 });
      expect(res.body.items).toHaveLength(50);
      const addresses = res.body.items.map((p) => p.address);
      expect(addresses).toEqual([...addresses].sort());
      const last = await search(secretary, q, 980);
      expect(last.body.items).toHaveLength(20);
    }
  });

  it('are exact below the cap, and a narrower search is not capped', async () => {
    const res = await search(secretary, `欧阳${GIVEN[0]}`);
    expect(res.body.capped).toBeUndefined();
    expect(res.body.total).toBe(res.body.items.length);
    expect(res.body.items.every((p) => p.name.startsWith(`欧阳${GIVEN[0]}`))).toBe(true);
  });

  it('find only the people in the caller’s reach', async () => {
    const worker = await signIn(t, PHONES.gridWorkerA1);
    const own = await search(worker, '欧阳');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ total: inGrid1 });
    expect(own.body.capped).toBeUndefined();
    const other = await signIn(t, PHONES.secretaryD);
    expect((await search(other, '欧阳')).body).toMatchObject({ total: 0, items: [] });
  });
});
