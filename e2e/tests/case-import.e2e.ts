import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, shot, startHarness } from '../support/linli.ts';

// 钱芳, dispatcher of 青松街道, imports the 12345 hotline's export: two good orders, one without a description
// and one with an unknown community. The dry run reports the bad rows; the import creates the good ones, which
// then wait in her inbox; importing the same file again skips them as duplicates.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const CSV = [
  '工单编号,来电人,联系电话,诉求内容,事发地址,所属社区,诉求类别',
  'E2E-12345-001,李先生,13912345678,银杏路口人行道上有暴露垃圾，气味很大,银杏路12号门口,银杏社区,暴露垃圾',
  'E2E-12345-002,王女士,13987654321,小区门口夜间施工噪声扰民,银杏路88号,银杏社区,',
  'E2E-12345-003,赵先生,13811112222,,银杏路3号,银杏社区,',
  'E2E-12345-004,钱女士,13833334444,路灯不亮已经一周,不存在路1号,火星社区,',
].join('\r\n');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('12345 hotline import', () => {
  it('dry run lists the bad rows; the import creates the good ones; a second import skips them', async () => {
    const s = await newPage(h, DESKTOP);
    const p = s.page;
    await p.goto(`${h.base}/console/login`);
    await p.getByTestId('login-phone').fill('13800000002');
    await p.getByTestId('login-password').fill('Linli@2026');
    await p.getByTestId('login-submit').click();
    await p.getByTestId('node-switcher').waitFor();
    await p.getByTestId('menu-caseImport').click();
    await p.getByTestId('case-import-page').waitFor();

    const upload = async () => {
      await p
        .locator('[data-testid="case-import-upload"] input[type=file]')
        .setInputFiles({ name: '12345工单.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await poll(() => p.getByTestId('case-import-preview').getAttribute('data-row-count')).toBe('4');
    };
    await upload();
    // The usual hotline headers are recognised: the mapping is filled in already.
    expect(await p.getByTestId('case-import-map-description').textContent()).toContain('诉求内容');
    await p.getByTestId('case-import-category').click();
    await p.keyboard.type('楼道堆物');
    await p.getByTestId('case-import-category-option-楼道堆物').click();

    await p.getByTestId('case-import-dry-run').click();
    const result = p.getByTestId('case-import-result');
    await poll(() => result.getAttribute('data-dry-run')).toBe('true');
    expect(await p.getByTestId('case-import-created').textContent()).toContain('2');
    expect(await p.getByTestId('case-import-failed').textContent()).toContain('2');
    // Row numbers as in the spreadsheet (header = row 1).
    await p.getByTestId('case-import-error-4-description').waitFor();
    await p.getByTestId('case-import-error-5-community').waitFor();
    await shot(p, 'case-import-dry-run-desktop');

    await p.getByTestId('case-import-run').click();
    await p.getByTestId('case-import-run-confirm').click();
    await poll(() => result.getAttribute('data-dry-run')).toBe('false');
    await p.getByTestId('case-import-done').waitFor();
    await shot(p, 'case-import-done-desktop');

    // The imported orders wait in the street's inbox as hotline cases.
    await p.getByTestId('case-import-view-cases').click();
    await p.getByTestId('cases-page').waitFor();
    await p.getByTestId('cases-search').fill('暴露垃圾');
    await p.getByTestId('cases-search').press('Enter');
    await poll(() => p.getByText('银杏路口人行道上有暴露垃圾').count()).toBeGreaterThan(0);

    // The same file again: nothing new, two duplicates.
    await p.getByTestId('menu-caseImport').click();
    await upload();
    await p.getByTestId('case-import-category').click();
    await p.keyboard.type('楼道堆物');
    await p.getByTestId('case-import-category-option-楼道堆物').click();
    await p.getByTestId('case-import-dry-run').click();
    await poll(() => p.getByTestId('case-import-duplicates').textContent()).toContain('2');
    expect(await p.getByTestId('case-import-created').textContent()).toContain('0');
    await s.context.close();
  });
});
