/** Exports only after approval: request, decision by a higher role, watermarked XLSX, masking, expiry, audit. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';
import { auditRows, unchanged } from './registry-helpers.ts';

interface Export {
  id: string;
  status: string;
  version: number;
  expiresAt: string | null;
  canDecide: boolean;
  mine: boolean;
  downloads: number;
}

let t: TestApp;
let demo: Demo;
let worker: TestClient;
let secretary: TestClient;
let street: TestClient;
let grid1: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  worker = await signIn(t, PHONES.gridWorkerA1);
  secretary = await signIn(t, PHONES.secretaryA);
  street = await signIn(t, PHONES.streetStaff);
  grid1 = demo.child(demo.A, '第一网格').id;
});
afterAll(() => t.close());

const ask = (c: TestClient, nodeId: string, columns = ['name', 'idNumber', 'phone', 'address']) =>
  c.post<Export>('/api/registry/exports', { nodeId, columns, reason: '重阳节走访名单核对' });
/** The file's bytes (the test client reads bodies as text). */
const file = async (c: TestClient, id: string) => {
  const res = await t.app.inject({ url: `/api/registry/exports/${id}/file`, headers: { cookie: c.cookie! } });
  return { status: res.statusCode, type: String(res.headers['content-type']), bytes: res.rawPayload };
};
async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { ws, rows };
}

describe('registry exports', () => {
  let request: Export;

  it('a grid worker asks for their grid only; nothing is downloadable before approval', async () => {
    expectProblem(await ask(worker, demo.A.id), 422, 'validation_failed', '/nodeId');
    const resident = await signIn(t, PHONES.residentA);
    expectProblem(await ask(resident, grid1), 403, 'forbidden');
    const bad = await worker.post('/api/registry/exports', { nodeId: grid1, columns: ['password'], reason: '看看' });
    expectProblem(bad, 422, 'validation_failed', '/columns/0');
    const res = await ask(worker, grid1);
    expect(res.status, res.text).toBe(201);
    request = res.body;
    expect(request).toMatchObject({ status: 'pending', mine: true, canDecide: false });
    expect((await auditRows(t, 'registry.export.request'))[0]).toMatchObject({
      resource_id: request.id,
      actor_name: '李强',
    });
    expectProblem(await worker.get(`/api/registry/exports/${request.id}/file`), 409, 'export_not_approved');
  });

  it('only a higher role over the area decides — not the requester, not another community', async () => {
    expectProblem(
      await worker.post(`/api/registry/exports/${request.id}/decision`, { version: 1, approve: true }),
      403,
      'forbidden',
    );
    const committee = await signIn(t, PHONES.committeeA);
    expectProblem(
      await committee.post(`/api/registry/exports/${request.id}/decision`, { version: 1, approve: true }),
      403,
      'forbidden',
    );
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expect((await secretaryD.get<{ items: Export[] }>('/api/registry/exports/to-decide')).body.items).toEqual([]);
    await unchanged(t, async () =>
      expectProblem(
        await secretaryD.post(`/api/registry/exports/${request.id}/decision`, { version: 1, approve: true }),
        404,
        'not_found',
      ),
    );
    const queue = await secretary.get<{ items: Export[] }>('/api/registry/exports/to-decide');
    expect(queue.body.items.find((e) => e.id === request.id)).toMatchObject({ canDecide: true, mine: false });
    expect(
      (await street.get<{ items: Export[] }>('/api/registry/exports/to-decide')).body.items.map((e) => e.id),
    ).toContain(request.id);
    expectProblem(
      await secretary.post(`/api/registry/exports/${request.id}/decision`, { version: 7, approve: true }),
      409,
      'version_conflict',
    );
    const ok = await secretary.post<Export>(`/api/registry/exports/${request.id}/decision`, {
      version: 1,
      approve: true,
      note: '同意,用后删除',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(new Date(ok.body.expiresAt!).getTime() - t.clock.now().getTime()).toBe(72 * 3600_000);
    expectProblem(
      await secretary.post(`/api/registry/exports/${request.id}/decision`, { version: 2, approve: false }),
      409,
      'already_decided',
    );
    expect((await auditRows(t, 'registry.export.approve'))[0]).toMatchObject({
      resource_id: request.id,
      actor_name: '孙丽',
    });
  });

  it('the requester downloads a watermarked XLSX of their grid, ID numbers masked; each download audited', async () => {
    const res = await file(worker, request.id);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const { ws, rows } = await sheetOf(res.bytes);
    expect(rows[0]![0]).toContain('导出人:李强');
    expect(rows[0]![0]).toContain(`申请编号:${request.id}`);
    expect(ws.headerFooter.oddHeader).toContain('李强');
    expect(ws.headerFooter.oddHeader).toContain(request.id);
    expect(rows[1]).toEqual(['姓名', '身份证号', '手机', '住址']);
    const people = rows.slice(2);
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(p[1]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(p[3]).toContain('银杏社区');
    }
    // Only the grid: as many people as the worker's own listing.
    const listed = await worker.get<{ total: number }>(`/api/registry/people?nodeId=${grid1}&limit=1`);
    expect(people.length).toBe(listed.body.total);
    const [entry] = await auditRows(t, 'registry.export.download');
    expect(entry).toMatchObject({ resource_id: request.id, actor_name: '李强' });
    expect(entry!.detail).toMatchObject({ rows: people.length, revealed: 0 });
    // Not the approver's file.
    expectProblem(await secretary.get(`/api/registry/exports/${request.id}/file`), 404, 'not_found');
  });

  it('a secretary’s own request is decided by the street; she may reveal, so ID numbers come in full', async () => {
    const own = (await ask(secretary, demo.A.id, ['name', 'idNumber'])).body;
    expectProblem(
      await secretary.post(`/api/registry/exports/${own.id}/decision`, { version: 1, approve: true }),
      403,
      'own_export',
    );
    const ok = await street.post<Export>(`/api/registry/exports/${own.id}/decision`, { version: 1, approve: true });
    expect(ok.status, ok.text).toBe(200);
    const { rows } = await sheetOf((await file(secretary, own.id)).bytes);
    expect(rows.slice(2).every((r) => /^\d{17}[\dX]$/.test(r[1]!))).toBe(true);
    expect((await auditRows(t, 'registry.export.download'))[0]!.detail).toMatchObject({ revealed: rows.length - 2 });
  });

  it('an approval expires after 72 hours; a rejected request never downloads', async () => {
    t.clock.advance(73 * 3600_000);
    worker = await signIn(t, PHONES.gridWorkerA1);
    secretary = await signIn(t, PHONES.secretaryA);
    expectProblem(await worker.get(`/api/registry/exports/${request.id}/file`), 410, 'export_expired');
    const mine = await worker.get<{ items: Export[] }>('/api/registry/exports');
    expect(mine.body.items.find((e) => e.id === request.id)).toMatchObject({ status: 'expired', downloads: 1 });
    const again = (await ask(worker, grid1)).body;
    const no = await secretary.post<Export>(`/api/registry/exports/${again.id}/decision`, {
      version: 1,
      approve: false,
      note: '范围过大',
    });
    expect(no.body.status).toBe('rejected');
    expect((await auditRows(t, 'registry.export.reject'))[0]).toMatchObject({ resource_id: again.id });
    expectProblem(await worker.get(`/api/registry/exports/${again.id}/file`), 409, 'export_not_approved');
  });
});
