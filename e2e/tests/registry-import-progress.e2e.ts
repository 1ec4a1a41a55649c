import { makeIdNumber } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImports } from '../../apps/server/src/modules/registry/import-job.ts';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// 孙丽 (secretary of 银杏社区) imports a 3,500-row spreadsheet: it goes to the background job, the wizard shows
// its progress bar; the worker is killed after the first batch and the import resumes, then the report shows
// the rows that failed.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function consoleAs(phone: string, viewport: { width: number; height: number } = DESKTOP) {
  const { page } = await newPage(h, viewport);
  await page.goto(`${h.base}/console/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-password').fill('Linli@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('node-switcher').waitFor();
  return page;
}

describe('long registry import', () => {
  it('progress bar while the job runs, resume after a crash, then the error report', async () => {
    const db = h.app.database.db;
    const rooms = (
      await sql<{ name: string }>`SELECT b.name || u.name || r.name AS name FROM org_node r
        JOIN org_node u ON u.id = r.parent_id JOIN org_node b ON b.id = u.parent_id
        JOIN org_node c ON c.id = r.community_id
        WHERE r.type = 'room' AND c.name = '银杏社区' ORDER BY r.path LIMIT 6`.execute(db)
    ).rows.map((r) => r.name);
    const rows = Array.from({ length: 3500 }, (_, i) => {
      const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      return [`批量${i}`, makeIdNumber('320102', day, 700), rooms[i % rooms.length]!];
    });
    rows[2600] = ['', rows[2600]![1]!, rows[2600]![2]!];
    rows[3100] = ['无房', rows[3100]![1]!, '99号楼9单元999室'];
    const csv = ['姓名,身份证号,房号', ...rows.map((r) => r.join(','))].join('\r\n');

    const p = await consoleAs('13800000003');
    await p.goto(`${h.base}/console/registry/import`);
    await p.getByTestId('registry-import-page').waitFor();
    await p
      .locator('[data-testid="registry-import-upload"] input[type=file]')
      .setInputFiles({ name: '全社区居民.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await poll(() => p.getByTestId('registry-import-rows').textContent()).toContain('3500');
    await p.getByTestId('registry-import-mode').getByText('只导入正确的行').click();
    await p.getByTestId('registry-import-run').click();
    const progress = p.getByTestId('registry-import-progress');
    await poll(() => progress.getAttribute('data-status')).toBe('queued');
    await shot(p, 'registry-import-queued-desktop');

    // The worker dies after its first batch: 2,000 rows are in, the bar stands part-way.
    await expect(
      runImports(db, h.app.platform, {
        afterBatch: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const bar = p.getByTestId('registry-import-bar');
    await poll(async () => Number(await bar.getAttribute('data-percent'))).toBe(57);
    await poll(() => progress.textContent()).toContain('2001 / 3501');
    await shot(p, 'registry-import-progress-desktop');
    const phone = await consoleAs('13800000003', PHONE);
    await phone.goto(`${h.base}/console/registry/import`);
    await phone.getByTestId('registry-import-page').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);

    // Its lease runs out (as a minute later); the next worker resumes after row 2001.
    await sql`UPDATE registry_import SET lease_until = now() - interval '1 minute' WHERE status = 'running'`.execute(
      db,
    );
    await runImports(db, h.app.platform);
    const report = p.getByTestId('registry-import-report');
    await report.waitFor({ timeout: 15_000 });
    expect(await report.getAttribute('data-written')).toBe('true');
    await poll(() => p.getByTestId('registry-import-created').textContent()).toContain('3,498');
    await p.getByTestId('registry-import-error-2602-name').waitFor();
    await p.getByTestId('registry-import-error-3102-room').waitFor();
    const people = await sql<{ n: string }>`SELECT count(*) AS n FROM person WHERE name LIKE '批量%'`.execute(db);
    expect(Number(people.rows[0]!.n)).toBe(3498);
    await shot(p, 'registry-import-report-desktop');
  });
});
