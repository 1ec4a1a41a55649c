import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type Harness,
  PHONE,
  shot,
  consoleAs as signInConsole,
  startHarness,
  type Viewport,
} from '../support/linli.ts';

// 李强 (grid worker, 第一网格) asks to export his grid; 孙丽 (secretary of 银杏社区) approves; he downloads a
// watermarked spreadsheet with ID numbers masked.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const consoleAs = async (phone: string, viewport: Viewport = DESKTOP) => (await signInConsole(h, phone, viewport)).page;

describe('registry export approval', () => {
  it('request, approval by the secretary, watermarked download', async () => {
    const worker = await consoleAs('13800000004');
    await worker.getByTestId('menu-registry').click();
    await worker.getByTestId('registry-go-exports').click();
    await worker.getByTestId('registry-exports-page').waitFor();
    await worker.getByTestId('export-columns').getByText('身份证号').click();
    await worker.getByTestId('export-reason').fill('重阳节走访名单核对');
    await worker.getByTestId('export-ask').click();
    const status = worker.locator('[data-testid^="export-status-"]').first();
    await poll(() => status.getAttribute('data-status')).toBe('pending');
    const id = (await status.getAttribute('data-testid'))!.replace('export-status-', '');
    await shot(worker, 'registry-export-request-desktop');

    const secretary = await consoleAs('13800000003');
    await secretary.goto(`${h.base}/console/registry/exports`);
    await secretary.getByTestId(`export-approve-${id}`).click();
    await poll(() => secretary.getByTestId(`export-status-${id}`).getAttribute('data-status')).toBe('approved');
    await shot(secretary, 'registry-export-approve-desktop');

    await worker.reload();
    await worker.getByTestId(`export-download-${id}`).waitFor();
    const [download] = await Promise.all([
      worker.waitForEvent('download'),
      worker.getByTestId(`export-download-${id}`).click(),
    ]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path!);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('导出人:李强');
    expect(String(ws.getRow(1).getCell(1).value)).toContain(id);
    expect(String(ws.getRow(3).getCell(2).value)).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await poll(async () => (await worker.getByTestId('export-mine').textContent()) ?? '').toContain('已批准');
    await shot(worker, 'registry-export-approved-desktop');
    const phone = await consoleAs('13800000004', PHONE);
    await phone.goto(`${h.base}/console/registry/exports`);
    await phone.getByTestId('registry-exports-page').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    await shot(phone, 'registry-export-phone');
  });
});
