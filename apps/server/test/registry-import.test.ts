/** Residents spreadsheet import: row-level report, all-or-nothing or valid rows only, idempotent re-import. */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { freeRoomsUnder, newId, type PersonRow, register, unchanged } from './registry-helpers.ts';

interface Report {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string; code: string }[];
  written: boolean;
}
const MAPPING = {
  name: '姓名',
  idNumber: '身份证号',
  room: '房号',
  phone: '手机',
  relation: '与户主关系',
  residence: '居住状态',
};

let t: TestApp;
let demo: Demo;
let secretary: TestClient;
let roomNames: string[];
let elsewhere: string;
let otherRoomPerson: { idNumber: string };
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  secretary = await signIn(t, PHONES.secretaryA);
  const free = await freeRoomsUnder(t, demo, demo.A.id, demo.A);
  // "1号楼 1单元 302室" style names of three free rooms.
  roomNames = free.slice(0, 3).map((id) => {
    const room = demo.byId.get(id)!;
    const unit = demo.byId.get(room.parentId!)!;
    const building = demo.byId.get(unit.parentId!)!;
    return `${building.name}${unit.name}${room.name}`;
  });
  const secretaryD = await signIn(t, PHONES.secretaryD);
  elsewhere = newId('19660606');
  await register(secretaryD, (await freeRoomsUnder(t, demo, demo.D.id, demo.D))[0]!, { idNumber: elsewhere });
  otherRoomPerson = { idNumber: newId('19770707') };
  await register(secretary, free[5]!, { idNumber: otherRoomPerson.idNumber, name: '别处人' });
});
afterAll(() => t.close());

const csv = (rows: string[][]) =>
  Buffer.from(
    [['姓名', '身份证号', '房号', '手机', '与户主关系', '居住状态'], ...rows].map((r) => r.join(',')).join('\r\n'),
    'utf8',
  );

async function upload(body: Buffer, type = 'text/csv') {
  const res = await secretary.post<{ id: string; rowCount: number; suggestedMapping: Record<string, string> }>(
    '/api/registry/imports',
    body,
    {
      'content-type': type,
    },
  );
  expect(res.status, res.text).toBe(201);
  return res.body;
}
const run = (id: string, body: Record<string, unknown>) =>
  secretary.post<Report>(`/api/registry/imports/${id}/run`, {
    communityId: demo.A.id,
    mapping: MAPPING,
    mode: 'valid_only',
    ...body,
  });

const a = newId('19500101');
const b = newId('19520202');
const c = newId('20150303');
const good = () => [
  ['王大山', a, roomNames[0]!, '13712340101', '户主', '户籍'],
  ['李小花', b, roomNames[0]!, '', '配偶', '常住'],
  ['王小宝', c, roomNames[0]!, '', '孙子', ''],
];
const bad = () => [
  ['', newId('19800101'), roomNames[1]!, '', '', ''],
  ['错号', `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`, roomNames[1]!, '', '', ''],
  ['无房', newId('19810101'), '99号楼9单元999室', '', '', ''],
  ['重复', a, roomNames[0]!, '', '', ''],
  ['外区', elsewhere, roomNames[1]!, '', '', ''],
  ['换房', otherRoomPerson.idNumber, roomNames[2]!, '', '', ''],
  ['坏电话', newId('19820101'), roomNames[1]!, '12345', '朋友', '常驻'],
];

describe('residents import', () => {
  it('suggests the mapping; a dry run reports every bad row by field and writes nothing', async () => {
    const up = await upload(csv([...good(), ...bad()]));
    expect(up.rowCount).toBe(10);
    expect(up.suggestedMapping).toEqual(MAPPING);
    const res = await unchanged(t, () => run(up.id, { dryRun: true }), { audited: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ total: 10, created: 3, failed: 7, written: false });
    expect(res.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '5:name:required',
      '6:idNumber:id_checksum',
      '7:room:unknown_room',
      '8:idNumber:duplicate',
      '9:idNumber:registered_elsewhere',
      '10:room:conflicting_household',
      '11:phone:invalid_phone',
      '11:relation:invalid_relation',
      '11:residence:invalid_residence',
    ]);
  });

  it('all-or-nothing writes nothing when a row fails; valid-only writes the good rows as one household', async () => {
    const up = await upload(csv([...good(), ...bad()]));
    const none = await unchanged(t, () => run(up.id, { mode: 'all_or_nothing' }), { audited: true });
    expect(none.body).toMatchObject({ created: 3, written: false });
    const some = await run(up.id, { mode: 'valid_only' });
    expect(some.body).toMatchObject({ created: 3, failed: 7, written: true });
    const found = await secretary.get<Page<PersonRow & { relation: string; residenceStatus: string }>>(
      `/api/registry/people?q=${encodeURIComponent(roomNames[0]!.replace(/(号楼|单元)/g, '$1 '))}`,
    );
    const byName = new Map(found.body.items.map((p) => [p.name, p]));
    expect(byName.get('王大山')).toMatchObject({
      relation: 'head',
      residenceStatus: 'registered',
      phone: '13712340101',
    });
    expect(byName.get('李小花')).toMatchObject({ relation: 'spouse' });
    expect(byName.get('王小宝')).toMatchObject({ relation: 'grandchild', residenceStatus: 'permanent' });
  });

  it('re-importing is idempotent; changed cells update with history', async () => {
    const again = await upload(csv(good()));
    const same = await unchanged(t, async () => (await run(again.id, {})).body, { audited: true });
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 3, written: true });
    const changed = good();
    changed[1]![3] = '13712340202';
    const up = await upload(csv(changed));
    expect((await run(up.id, {})).body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const row = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM person_change WHERE field = 'phone' AND new_value = '13712340202' AND reason = '表格导入'`.execute(
      t.database.db,
    );
    expect(row.rows[0]!.n).toBe(1);
  });

  it('reads XLSX too, and refuses a spreadsheet that is not one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民');
    ws.addRow(['姓名', '身份证号', '房号']);
    ws.addRow(['赵一', newId('19900909'), roomNames[1]!]);
    const up = await upload(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const res = await run(up.id, { mapping: { name: '姓名', idNumber: '身份证号', room: '房号' } });
    expect(res.body).toMatchObject({ created: 1, failed: 0, written: true });
    const broken = await secretary.post('/api/registry/imports', Buffer.from('PK\u0003\u0004garbage'), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(broken.status).toBe(422);
    expectProblem(
      await run(up.id, { mapping: { name: '姓名', idNumber: '证件', room: '房号' } }),
      422,
      'validation_failed',
      '/mapping/idNumber',
    );
  });

  it('only the uploader runs an upload; a grid worker imports into their grid only', async () => {
    const up = await upload(csv(good()));
    const worker = await signIn(t, PHONES.gridWorkerA1);
    expectProblem(
      await worker.post(`/api/registry/imports/${up.id}/run`, {
        communityId: demo.A.id,
        mapping: MAPPING,
        mode: 'valid_only',
      }),
      404,
      'not_found',
    );
    const grid2Room = (await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第二网格')))[0]!;
    const room = demo.byId.get(grid2Room)!;
    const unit = demo.byId.get(room.parentId!)!;
    const building = demo.byId.get(unit.parentId!)!;
    const mine = await worker.post<{ id: string }>(
      '/api/registry/imports',
      csv([['越界', newId('19910101'), `${building.name}${unit.name}${room.name}`, '', '', '']]),
      {
        'content-type': 'text/csv',
      },
    );
    const res = await worker.post<Report>(`/api/registry/imports/${mine.body.id}/run`, {
      communityId: demo.A.id,
      mapping: MAPPING,
      mode: 'valid_only',
    });
    expect(res.body.errors).toEqual([{ row: 2, field: 'room', code: 'unknown_room' }]);
  });
});
