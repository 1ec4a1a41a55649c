import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type CaseDetail, type Category, categoryByCode } from './case-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';
import { CSV, ERRORS, gbk, HEADERS, MAPPING, type Preview, type Report, ROWS, toCsv, XLSX } from './import-helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let dispatcher: TestClient;
let leaks: Category;
let noise: Category;
const hotlineCases = async () => {
  const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM case_record WHERE source = 'hotline'`.execute(
    t.database.db,
  );
  return Number(r.rows[0]!.n);
};
const upload = async (c: TestClient, body: Buffer | string, type = CSV) => {
  const res = await c.post<Preview>('/api/case-imports', body, { 'content-type': type });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const run = (c: TestClient, id: string, body: Record<string, unknown>) =>
  c.post<Report>(`/api/case-imports/${id}/run`, { mapping: MAPPING, defaultCategoryId: leaks.id, ...body });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  dispatcher = await signIn(t, PHONES.dispatcher);
  leaks = await categoryByCode(admin, 'SQ06');
  noise = await categoryByCode(admin, 'SQ05');
});
afterAll(() => t.close());

describe('12345 imports: CSV', () => {
  let caseIds: string[] = [];

  it('previews an upload with a suggested mapping, and a dry run reports without writing', async () => {
    const p = await upload(dispatcher, toCsv(ROWS));
    expect(p.headers).toEqual(HEADERS);
    expect(p.rowCount).toBe(11);
    expect(p.sampleRows).toHaveLength(5);
    expect(p.sampleRows[0]![3]).toBe('银杏路烧烤店油烟扰民，\n晚上十点后仍在营业');
    expect(p.suggestedMapping).toEqual(MAPPING);
    const before = await hotlineCases();
    const res = await nothingWritten(t, () => run(dispatcher, p.id, { streetId: demo.street1.id, dryRun: true }));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ total: 11, created: 3, duplicates: 1, caseIds: [], dryRun: true });
    expect(res.body.errors).toEqual(ERRORS);
    expect(await hotlineCases()).toBe(before);
  });

  it('imports the valid rows as hotline cases at the street and reports the others', async () => {
    const p = await upload(dispatcher, toCsv(ROWS));
    const res = await run(dispatcher, p.id, { streetId: demo.street1.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ total: 11, created: 3, duplicates: 1, dryRun: false });
    expect(res.body.errors).toEqual(ERRORS);
    caseIds = res.body.caseIds;
    expect(caseIds).toHaveLength(3);
    const [a, b, c] = await Promise.all(
      caseIds.map(async (id) => (await dispatcher.get<CaseDetail>(`/api/cases/${id}`)).body),
    );
    expect(a).toMatchObject({ source: 'hotline', level: 'street', status: 'escalated', communityId: demo.A.id });
    expect(a!.categoryId).toBe(noise.id);
    expect(a!.address).toBe('银杏路 12 号');
    expect(a!.description).toBe('银杏路烧烤店油烟扰民，\n晚上十点后仍在营业\n（12345 受理时间：2026-11-20 09:30）');
    expect(a!.reporters).toEqual([{ name: '张三', phone: '13812345678' }]);
    // No category: the default; no community column value: the community named in the address.
    expect(b).toMatchObject({ communityId: demo.A.id, categoryId: leaks.id });
    expect(b!.reporters).toEqual([{ name: '来电人', phone: '13812345679' }]);
    expect(c).toMatchObject({ communityId: demo.B.id, categoryId: noise.id, reporters: [] });
    // The phone is stored encrypted.
    const stored = await sql<{ p: string }>`SELECT contact_phone AS p FROM case_record WHERE id = ${a!.id}`.execute(
      t.database.db,
    );
    expect(stored.rows[0]!.p).not.toContain('13812345678');
    const [entry] = await auditSearch(admin, { action: 'case.import' });
    expect(entry).toMatchObject({ resourceId: p.id, nodeId: demo.street1.id });
    expect(entry!.detail).toMatchObject({ total: 11, created: 3, duplicates: 1, failed: 7 });
  });

  it('re-importing the same file skips every order already imported', async () => {
    const before = await hotlineCases();
    const p = await upload(dispatcher, toCsv(ROWS));
    const res = await run(dispatcher, p.id, { streetId: demo.street1.id });
    expect(res.body).toMatchObject({ total: 11, created: 0, duplicates: 4, caseIds: [] });
    expect(res.body.errors.filter((e) => e.code === 'duplicate').map((e) => e.row)).toEqual([2, 3, 4, 12]);
    expect(await hotlineCases()).toBe(before);
  });

  it('reads a GBK file as Excel writes it on a Chinese Windows', async () => {
    const rows = [
      HEADERS,
      ['GBK-001', '陈静', '13912345678', '梧桐社区路灯不亮已经三天', '梧桐路 8 号', '', '梧桐社区', ''],
    ];
    const p = await upload(dispatcher, gbk(toCsv(rows)));
    expect(p.headers).toEqual(HEADERS);
    expect(p.sampleRows[0]![3]).toBe('梧桐社区路灯不亮已经三天');
    const res = await run(dispatcher, p.id, { streetId: demo.street1.id });
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    const c = (await dispatcher.get<CaseDetail>(`/api/cases/${res.body.caseIds[0]}`)).body;
    expect(c).toMatchObject({ communityId: demo.B.id, reporters: [{ name: '陈静', phone: '13912345678' }] });
  });

  it('refuses a mapping naming a column the file does not have, and a category that is not active', async () => {
    const p = await upload(dispatcher, toCsv(ROWS));
    await nothingWritten(t, async () => {
      const res = await run(dispatcher, p.id, { streetId: demo.street1.id, mapping: { ...MAPPING, address: '地点' } });
      expectProblem(res, 422, 'validation_failed', '/mapping/address');
      const bad = await run(dispatcher, p.id, { streetId: demo.street1.id, defaultCategoryId: '999999' });
      expectProblem(bad, 422, 'validation_failed', '/defaultCategoryId');
      const notStreet = await run(dispatcher, p.id, { streetId: demo.A.id });
      expectProblem(notStreet, 422, 'validation_failed', '/streetId');
    });
  });
});

describe('12345 imports: XLSX', () => {
  it('reads the first worksheet under a title row: numbers, dates and rich text as shown', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['白鹭镇 12345 工单明细（2026年11月）']);
    ws.addRow(['工单号', '联系人', '来电号码', '问题描述', '地址', '问题分类', '社区', '登记时间']);
    ws.addRow([
      2026112000001,
      '吴刚',
      13812340001,
      '海棠社区垃圾桶满溢无人清理',
      '海棠路 3 号',
      '暴露垃圾',
      '海棠社区',
      new Date(Date.UTC(2026, 10, 20, 8, 15)),
    ]);
    ws.addRow([
      { richText: [{ text: 'XL-' }, { text: '002' }] },
      '',
      '',
      '桃源村村口路灯损坏',
      '桃源村村口',
      'BJ0201',
      '桃源',
      '',
    ]);
    ws.addRow([]);
    ws.addRow(['XL-003', '', '', '青松街道的诉求', '银杏路', '', '银杏社区', '']);
    wb.addWorksheet('其他').addRow(['不读', '这一页']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await upload(admin, bytes, XLSX);
    expect(p.headers).toEqual(['工单号', '联系人', '来电号码', '问题描述', '地址', '问题分类', '社区', '登记时间']);
    expect(p.rowCount).toBe(3);
    expect(p.sampleRows[0]).toEqual([
      '2026112000001',
      '吴刚',
      '13812340001',
      '海棠社区垃圾桶满溢无人清理',
      '海棠路 3 号',
      '暴露垃圾',
      '海棠社区',
      '2026-11-20 08:15',
    ]);
    expect(p.sampleRows[1]![0]).toBe('XL-002');
    const mapping = p.suggestedMapping;
    expect(mapping).toMatchObject({
      externalNo: '工单号',
      contactPhone: '来电号码',
      community: '社区',
      receivedAt: '登记时间',
    });
    const res = await admin.post<Report>(`/api/case-imports/${p.id}/run`, {
      mapping,
      streetId: demo.street2.id,
      defaultCategoryId: leaks.id,
    });
    expect(res.status, res.text).toBe(200);
    // Row numbers are the worksheet's: title 1, header 2, data 3, 4, (blank 5), 6.
    expect(res.body).toMatchObject({
      total: 3,
      created: 2,
      errors: [{ row: 6, field: 'community', code: 'unknown_community' }],
    });
    const first = (await admin.get<CaseDetail>(`/api/cases/${res.body.caseIds[0]}`)).body;
    expect(first).toMatchObject({ communityId: demo.D.id, categoryCode: 'SJ0101', source: 'hotline' });
    const second = (await admin.get<CaseDetail>(`/api/cases/${res.body.caseIds[1]}`)).body;
    expect(second).toMatchObject({ communityId: demo.F.id, categoryCode: 'BJ0201' });
  });

  it('refuses a damaged workbook and a workbook sent as CSV', async () => {
    await nothingWritten(t, async () => {
      const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
      const res = await admin.post('/api/case-imports', broken, { 'content-type': XLSX });
      expectProblem(res, 422, 'validation_failed', '/file');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('a').addRow(['工单编号', '诉求内容']);
      const asCsv = await admin.post('/api/case-imports', Buffer.from(await wb.xlsx.writeBuffer()), {
        'content-type': CSV,
      });
      expectProblem(asCsv, 415, 'unsupported_media_type');
    });
  });
});

describe('12345 imports: access and limits', () => {
  const small = toCsv([HEADERS, ['AC-001', '', '', '越权导入测试诉求', '海棠路 1 号', '', '海棠社区', '']]);

  it('residents and community secretaries may not upload or run (403)', async () => {
    const p = await upload(dispatcher, small);
    for (const phone of [PHONES.residentA, PHONES.secretaryA, PHONES.secretaryD]) {
      const c = await signIn(t, phone);
      await nothingWritten(t, async () => {
        expectProblem(await c.post('/api/case-imports', small, { 'content-type': CSV }), 403, 'forbidden');
        expectProblem(await run(c, p.id, { streetId: demo.street1.id }), 403, 'forbidden');
      });
    }
  });

  it("钱芳 (青松街道) cannot import into 白鹭镇, nor run another person's upload (404)", async () => {
    const mine = await upload(dispatcher, small);
    const admins = await upload(admin, small);
    await nothingWritten(t, async () => {
      expectProblem(await run(dispatcher, mine.id, { streetId: demo.street2.id }), 404, 'not_found');
      expectProblem(await run(dispatcher, admins.id, { streetId: demo.street1.id }), 404, 'not_found');
    });
    const ok = await run(admin, admins.id, { streetId: demo.street2.id });
    expect(ok.body).toMatchObject({ created: 1, errors: [] });
  });

  it('refuses more than 10 MB (413), other types (415) and an empty body (400)', async () => {
    await nothingWritten(t, async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
      expectProblem(await dispatcher.post('/api/case-imports', big, { 'content-type': CSV }), 413, 'file_too_large');
      const pdf = await dispatcher.post('/api/case-imports', '%PDF-1.4', { 'content-type': 'application/pdf' });
      expectProblem(pdf, 415, 'unsupported_media_type');
      const json = await dispatcher.post('/api/case-imports', { a: 1 });
      expectProblem(json, 415, 'unsupported_media_type');
      expectProblem(await dispatcher.post('/api/case-imports', '', { 'content-type': CSV }), 400, 'file_empty');
    });
  });
});

describe('12345 imports: volume', () => {
  it('imports a 5,000-row file in one request', async () => {
    const rows = [HEADERS];
    for (let i = 0; i < 5_000; i++)
      rows.push([
        `BULK-${i}`,
        `来电人${i}`,
        `139${String(i).padStart(8, '0')}`,
        `批量导入的第 ${i} 条诉求内容`,
        `香樟路 ${i} 号`,
        '',
        '香樟社区',
        '',
      ]);
    const p = await upload(dispatcher, toCsv(rows));
    expect(p.rowCount).toBe(5_000);
    const res = await run(dispatcher, p.id, { streetId: demo.street1.id });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ total: 5_000, created: 5_000, errors: [] });
  }, 120_000); // ~12 s (PGlite) on an idle machine; the upper limit is MAX_IMPORT_ROWS
});
