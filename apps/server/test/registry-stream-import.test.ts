/**
 * Long residents imports: uploads in parts, the background job's batches and progress, a crash mid-import
 * resumed without duplicates (valid_only) or with nothing written until the end (all_or_nothing), a street-wide
 * import naming communities, malformed files, and who may see an import.
 */
import { makeIdNumber } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImports } from '../src/modules/registry/import-job.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';
import { auditRows, freeRoomsUnder } from './registry-helpers.ts';

interface Status {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string; code: string }[];
  written: boolean;
  status: string;
  phase: string;
  rowsDone: number;
  lastRow: number;
  failure: string | null;
}
const MAPPING = { name: '姓名', idNumber: '身份证号', room: '房号' };

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let rooms: string[];
let roomsD: string[];
let seq = 0;
/** Distinct valid ID numbers (area 310104; a birth date per day from 1940, sequence numbers from 100). */
const nextId = () => {
  const i = seq++;
  const d = new Date(Date.UTC(1940, 0, 1) + (i % 20000) * 86_400_000);
  const birth = d.toISOString().slice(0, 10).replace(/-/g, '');
  return makeIdNumber('310104', birth, 100 + Math.floor(i / 20000));
};
const nameOf = (demoRoom: string) => {
  const room = demo.byId.get(demoRoom)!;
  const unit = demo.byId.get(room.parentId!)!;
  const building = demo.byId.get(unit.parentId!)!;
  return `${building.name}${unit.name}${room.name}`;
};

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  rooms = (await freeRoomsUnder(t, demo, demo.A.id, demo.A)).slice(0, 8).map(nameOf);
  roomsD = (await freeRoomsUnder(t, demo, demo.D.id, demo.D)).slice(0, 2).map(nameOf);
});
afterAll(() => t.close());

const csvOf = (rows: string[][], head = ['姓名', '身份证号', '房号']) =>
  Buffer.from(`\uFEFF${[head, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
const people = (n: number, room = (i: number) => rooms[i % rooms.length]!) =>
  Array.from({ length: n }, (_, i) => [`导入${i}`, nextId(), room(i)]);
const count = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM person`.execute(t.database.db)).rows[0]!.n);

/** Sends a file in parts of `part` bytes and closes the upload. */
async function uploadInParts(c: TestClient, body: Buffer, part: number, type = 'text/csv') {
  let id: string | undefined;
  for (let at = 0; at < body.length; at += part) {
    const q = new URLSearchParams({ offset: String(at), ...(id ? { id } : {}) });
    const res = await c.post<{ id: string; size: number }>(
      `/api/registry/imports/parts?${q}`,
      body.subarray(at, at + part),
      {
        'content-type': type,
      },
    );
    expect(res.status, res.text).toBe(200);
    id = res.body.id;
    expect(res.body.size).toBe(Math.min(at + part, body.length));
  }
  return c.post<{ id: string; rowCount: number; headers: string[] }>(`/api/registry/imports/${id}/finish`, {});
}
const start = (id: string, body: Record<string, unknown> = {}, c = secretary) =>
  c.post<Status>(`/api/registry/imports/${id}/run`, {
    communityId: demo.A.id,
    mapping: MAPPING,
    mode: 'valid_only',
    ...body,
  });
const status = async (id: string, c = secretary) => {
  const res = await c.get<Status>(`/api/registry/imports/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
/** A crash after `n` committed batches: the worker stops where it stands. */
const crashAfter = (n: number) => {
  let batches = 0;
  return {
    afterBatch: () => {
      if (++batches === n) throw new Error('worker killed');
    },
  };
};
const resume = async () => {
  t.clock.advance(10 * 60_000);
  return runImports(t.database.db, t.platform);
};

describe('long imports', () => {
  it('uploads in parts: offsets must follow on, only the uploader continues, the preview counts every row', async () => {
    const body = csvOf(people(5));
    const first = await secretary.post<{ id: string }>('/api/registry/imports/parts?offset=0', body.subarray(0, 50), {
      'content-type': 'text/csv',
    });
    expect(first.status).toBe(200);
    const id = first.body.id;
    const gap = await secretary.post(`/api/registry/imports/parts?offset=60&id=${id}`, body.subarray(60), {
      'content-type': 'text/csv',
    });
    expect(expectProblem(gap, 409, 'upload_offset').detail).toContain('已接收 50 字节');
    const other = await signIn(t, PHONES.gridWorkerA1);
    const stranger = await other.post(`/api/registry/imports/parts?offset=50&id=${id}`, body.subarray(50), {
      'content-type': 'text/csv',
    });
    expectProblem(stranger, 404, 'not_found');
    expectProblem(await other.post(`/api/registry/imports/${id}/finish`, {}), 404, 'not_found');
    const rest = await secretary.post(`/api/registry/imports/parts?offset=50&id=${id}`, body.subarray(50), {
      'content-type': 'text/csv',
    });
    expect(rest.status).toBe(200);
    const done = await secretary.post<{ rowCount: number; headers: string[] }>(
      `/api/registry/imports/${id}/finish`,
      {},
    );
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ rowCount: 5, headers: ['姓名', '身份证号', '房号'] });
    // Closed: no more parts, no second finish.
    expectProblem(await secretary.post(`/api/registry/imports/${id}/finish`, {}), 404, 'not_found');
    const resident = await signIn(t, PHONES.residentA);
    expectProblem(
      await resident.post('/api/registry/imports/parts?offset=0', body, { 'content-type': 'text/csv' }),
      403,
      'forbidden',
    );
  });

  it('valid_only: a crash mid-import resumes after the last committed batch — every person once, errors once', async () => {
    const rows = people(5000);
    rows[3000] = ['错号', `${rows[3000]![1]!.slice(0, 17)}${rows[3000]![1]!.endsWith('0') ? '1' : '0'}`, rooms[0]!];
    rows[4500] = ['重复', rows[10]![1]!, rooms[1]!]; // the same ID number as row 12, two batches earlier
    // Row 2502 is in the batch checked (its ID numbers recorded) while the first was written, before the crash.
    rows[4800] = ['重复二', rows[2500]![1]!, rooms[1]!];
    const up = await uploadInParts(secretary, csvOf(rows), 64 * 1024);
    expect(up.status, up.text).toBe(200);
    expect(up.body.rowCount).toBe(5000);
    const before = await count();
    const queued = await start(up.body.id);
    expect(queued.status, queued.text).toBe(200);
    expect(queued.body).toMatchObject({ status: 'queued', rowsDone: 0, lastRow: 5001, written: false });
    expectProblem(await start(up.body.id), 409, 'import_running');

    await expect(runImports(t.database.db, t.platform, crashAfter(1))).rejects.toThrow('worker killed');
    const mid = await status(up.body.id);
    expect(mid).toMatchObject({ status: 'running', rowsDone: 2001, created: 2000 });
    expect(await count()).toBe(before + 2000);

    await resume();
    const end = await status(up.body.id);
    expect(end).toMatchObject({ status: 'done', rowsDone: 5001, created: 4997, failed: 3, written: true });
    expect(end.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '3002:idNumber:id_checksum',
      '4502:idNumber:duplicate',
      '4802:idNumber:duplicate',
    ]);
    expect(await count()).toBe(before + 4997);
    const again = await sql<{ n: string }>`SELECT count(*) AS n FROM person_change
      WHERE field = 'created' AND new_value LIKE '导入%'`.execute(t.database.db);
    expect(Number(again.rows[0]!.n)).toBe(4997);
    const [entry] = await auditRows(t, 'registry.import.run');
    expect(entry).toMatchObject({ actor_name: '孙丽' });
    expect(entry!.detail).toMatchObject({ created: 4997, failed: 3, written: true });
    expect((await auditRows(t, 'registry.import.queue')).length).toBeGreaterThan(0);
    // Re-importing the same file changes nothing: every row is known and unchanged (or still wrong).
    await start(up.body.id);
    await runImports(t.database.db, t.platform);
    expect(await status(up.body.id)).toMatchObject({ created: 0, unchanged: 4997, failed: 3 });
    expect(await count()).toBe(before + 4997);
  });

  it('all_or_nothing: one bad row near the end writes nothing; a crash while writing leaves nothing, the rerun writes all', async () => {
    const rows = people(4100);
    rows[4050] = ['', nextId(), rooms[2]!];
    const bad = await uploadInParts(secretary, csvOf(rows), 1024 * 1024);
    const before = await count();
    await start(bad.body.id, { mode: 'all_or_nothing' });
    await runImports(t.database.db, t.platform);
    expect(await status(bad.body.id)).toMatchObject({ status: 'done', written: false, failed: 1 });
    expect((await status(bad.body.id)).errors).toEqual([{ row: 4052, field: 'name', code: 'required' }]);
    expect(await count()).toBe(before);
    expect(
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM registry_import_row`.execute(t.database.db)).rows[0]!.n,
      ),
    ).toBe(0);

    const good = await uploadInParts(secretary, csvOf(people(4100)), 1024 * 1024);
    await start(good.body.id, { mode: 'all_or_nothing' });
    // Three batches checked and staged, then the crash falls in the writing transaction's second batch.
    await expect(runImports(t.database.db, t.platform, crashAfter(4))).rejects.toThrow('worker killed');
    expect(await status(good.body.id)).toMatchObject({ status: 'running', phase: 'apply', written: false });
    expect(await count()).toBe(before);
    await resume();
    expect(await status(good.body.id)).toMatchObject({ status: 'done', written: true, created: 4100, failed: 0 });
    expect(await count()).toBe(before + 4100);
  });

  it('a street-wide import names each row’s community; unknown communities and rooms out of reach are reported', async () => {
    const admin = await signIn(t, PHONES.admin);
    const head = ['社区', '姓名', '身份证号', '房号'];
    const rows = [
      [demo.A.name, '甲', nextId(), rooms[3]!],
      [demo.D.name, '乙', nextId(), roomsD[0]!],
      ['不存在社区', '丙', nextId(), rooms[3]!],
      [demo.F.name, '丁', nextId(), roomsD[0]!], // 桃源村 is in the other street
    ];
    const up = await admin.post<{ id: string; suggestedMapping: Record<string, string> }>(
      '/api/registry/imports',
      csvOf(rows, head),
      { 'content-type': 'text/csv' },
    );
    expect(up.body.suggestedMapping).toMatchObject({ community: '社区' });
    const body = { communityId: demo.street1.id, mapping: { ...MAPPING, community: '社区' }, mode: 'valid_only' };
    const missing = await admin.post(`/api/registry/imports/${up.body.id}/run`, { ...body, mapping: MAPPING });
    expectProblem(missing, 422, 'validation_failed', '/mapping/community');
    const res = await admin.post<Status>(`/api/registry/imports/${up.body.id}/run`, body);
    expect(res.status, res.text).toBe(200);
    const inD = demo.D.path.startsWith(demo.street1.path);
    expect(res.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      ...(inD ? [] : ['3:community:unknown_community']),
      '4:community:unknown_community',
      '5:community:unknown_community',
    ]);
    // A secretary of one community imports street-wide only into the rooms they may edit.
    const own = await secretary.post<{ id: string }>('/api/registry/imports', csvOf(rows, head), {
      'content-type': 'text/csv',
    });
    const mine = await start(own.body.id, body, secretary);
    expect(mine.body).toMatchObject({ unchanged: 1, failed: 3 });
    if (inD) expect(mine.body.errors).toContainEqual({ row: 3, field: 'room', code: 'unknown_room' });
    // The other street is out of their reach altogether.
    expectProblem(await start(own.body.id, { ...body, communityId: demo.street2.id }, secretary), 404, 'not_found');
  });

  it('malformed files: a broken workbook, a file of blank lines, an unterminated quote', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const broken = await uploadInParts(
      secretary,
      zip,
      1000,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expectProblem(broken, 422, 'validation_failed', '/file');
    const blank = await uploadInParts(secretary, Buffer.from('\r\n\r\n,,\r\n'), 100);
    expect(expectProblem(blank, 422, 'validation_failed', '/file').errors?.[0]).toMatchObject({ code: 'no_header' });
    // A quote that never closes swallows the rest of the file: one long cell, no crash.
    const quote = await uploadInParts(secretary, csvOf([['"开头', nextId(), rooms[0]!], ...people(3)]), 100);
    expect(quote.status, quote.text).toBe(200);
    expect(quote.body.rowCount).toBe(1);
    // A workbook sent as CSV is refused when the upload closes.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRows([['姓名', '身份证号', '房号'], ...people(2)]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expectProblem(await uploadInParts(secretary, xlsx, 4096), 415, 'unsupported_media_type');
    const ok = await uploadInParts(
      secretary,
      xlsx,
      4096,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(ok.body.rowCount).toBe(2);
    const run = await start(ok.body.id, { background: true });
    expect(run.body.status).toBe('queued');
    await runImports(t.database.db, t.platform);
    expect(await status(ok.body.id)).toMatchObject({ status: 'done', created: 2 });
  });

  it('an import is its uploader’s: others get 404 for its progress and errors', async () => {
    const up = await secretary.post<{ id: string }>('/api/registry/imports', csvOf(people(2)), {
      'content-type': 'text/csv',
    });
    const committee = await signIn(t, PHONES.committeeA);
    expectProblem(await committee.get(`/api/registry/imports/${up.body.id}`), 404, 'not_found');
    expectProblem(await committee.get(`/api/registry/imports/${up.body.id}/errors`), 404, 'not_found');
    const errors = await secretary.get<{ items: unknown[]; total: number }>(
      `/api/registry/imports/${up.body.id}/errors`,
    );
    expect(errors.body).toEqual({ items: [], total: 0 });
  });
});
