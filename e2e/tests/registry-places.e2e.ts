import { makeCreditCode } from '@linli/contracts';
import type { Page } from 'playwright-core';
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
import { pickOption } from '../support/select.ts';

// 孙丽 (secretary of 银杏社区) records a bookshop in her community — first with a mistyped credit code, which
// the server refuses on the field — and builds the compound profile of 2号楼 from the registry drill-down.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const consoleAs = async (phone: string, viewport: Viewport = DESKTOP) => (await signInConsole(h, phone, viewport)).page;

const CODE = makeCreditCode('52310199MJ5R8K2W7');
// The table sizes its scroll area after its first paint: the width is polled until the layout settles.
const fitsPhone = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe('organisations and compounds', () => {
  it('the secretary adds an organisation; a wrong credit code is refused on its field', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-places').click();
    await p.getByTestId('places-page').waitFor();
    await poll(() => p.locator('[data-testid^="org-row-"]').count()).toBeGreaterThanOrEqual(5);
    await p.getByTestId('org-add').click();
    const drawer = p.getByTestId('org-drawer');
    await drawer.waitFor();
    await p.getByTestId('org-name').fill('银杏社区书屋');
    await pickOption(p, p.getByTestId('org-kind'), '社会组织');
    const wrong = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;
    await p.getByTestId('org-credit-code').fill(wrong);
    await p.getByTestId('org-node').click();
    await p.locator('.ant-select-tree-node-content-wrapper').getByText('2号楼', { exact: true }).click();
    await p.getByTestId('org-contact-name').fill('林老师');
    await p.getByTestId('org-contact-phone').fill('13712345688');
    await p.getByTestId('org-employees').fill('3');
    await p.getByTestId('org-party').click();
    await p.getByTestId('org-save').click();
    await drawer.getByText('统一社会信用代码校验位不正确').waitFor();
    await shot(p, 'places-org-error-desktop');
    await p.getByTestId('org-credit-code').fill(CODE);
    await p.getByTestId('org-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await p.getByTestId('org-table').getByText('银杏社区书屋').waitFor();
    // Search by name finds it alone.
    await p.getByTestId('org-search').locator('input').fill('书屋');
    await p.getByTestId('org-search').locator('input').press('Enter');
    await poll(() => p.locator('[data-testid^="org-row-"]').count()).toBe(1);
    await p.getByTestId('org-search').locator('input').fill('');
    await p.getByTestId('org-search').locator('input').press('Enter');
    await poll(() => p.locator('[data-testid^="org-row-"]').count()).toBeGreaterThanOrEqual(6);
    await shot(p, 'places-organisations-desktop');
  });

  it('the secretary builds a compound profile from the registry drill-down', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-registry').click();
    await p.getByTestId('registry-page').waitFor();
    const tree = p.getByTestId('registry-tree');
    for (const name of ['第一网格', '2号楼']) await tree.getByText(name, { exact: true }).click();
    const card = p.getByTestId('compound-card');
    await card.getByText('尚未建立小区档案').waitFor();
    await p.getByTestId('compound-edit').click();
    const form = p.getByTestId('compound-form');
    await form.waitFor();
    await form.getByText('物业公司管理').click();
    await p.getByTestId('compound-company').fill('青松物业管理有限公司');
    await p.getByTestId('compound-add-entrance').click();
    const gate = p.getByTestId('compound-entrance-0');
    await gate.getByPlaceholder('名称').fill('南门');
    await gate.getByPlaceholder('开放时间').fill('24 小时');
    await gate.getByText('有人值守').click();
    await p.getByTestId('compound-add-entrance').click();
    await p.getByTestId('compound-entrance-1').getByPlaceholder('名称').fill('北侧小门');
    await p.getByTestId('compound-add-facility').click();
    await pickOption(p, p.getByTestId('compound-facility-0').locator('.ant-select'), '充电桩');
    await p.getByTestId('compound-facility-0').locator('input.ant-input-number-input').fill('16');
    await p.getByTestId('compound-add-provider').click();
    const provider = p.getByTestId('compound-provider-0');
    await provider.getByPlaceholder('单位名称').fill('临江区银杏社区卫生服务站');
    await provider.getByPlaceholder('服务内容').fill('家庭医生');
    await provider.getByPlaceholder('联系电话').fill('021-56785678');
    await shot(p, 'places-compound-form-desktop');
    await p.getByTestId('compound-save').click();
    await form.waitFor({ state: 'hidden' });
    await card.getByText('2 个,其中 1 个有人值守').waitFor();
    await p.getByTestId('compound-facilities').getByText('充电桩 × 16').waitFor();
    await p.getByTestId('compound-providers').getByText('家庭医生').waitFor();
    await shot(p, 'places-compound-desktop');
  });

  it('on a phone: the organisation list and a compound profile fit the screen', async () => {
    const p = await consoleAs('13800000003', PHONE);
    await p.goto(`${h.base}/console/places`);
    await poll(() => p.locator('[data-testid^="org-row-"]').count()).toBeGreaterThanOrEqual(5);
    await shot(p, 'places-organisations-phone');
    await poll(() => fitsPhone(p)).toBeLessThanOrEqual(PHONE.width + 1);
    await p.getByTestId('places-tabs').getByText('小区概况', { exact: true }).click();
    await p.locator('[data-testid^="compound-row-"]').first().click();
    await p.getByTestId('compound-card').getByText('青松物业管理有限公司').first().waitFor();
    await poll(() => fitsPhone(p)).toBeLessThanOrEqual(PHONE.width + 1);
    await shot(p, 'places-compound-phone');
    await p.getByTestId('compound-edit').click();
    await p.getByTestId('compound-entrance-1').waitFor();
    await poll(() => fitsPhone(p)).toBeLessThanOrEqual(PHONE.width + 1);
    await shot(p, 'places-compound-form-phone');
  });

  it('the street reads organisations with masked phones, and the page speaks English', async () => {
    const p = await consoleAs('13800000011');
    await p.getByTestId('menu-places').click();
    await poll(() => p.locator('[data-testid^="org-row-"]').count()).toBeGreaterThanOrEqual(5);
    expect(await p.getByTestId('org-add').count()).toBe(0);
    await p.getByTestId('org-table').getByText('周建华 137****1201').waitFor();
    await shot(p, 'places-street-desktop');
    await p.getByTestId('lang-switch').click();
    await p.getByTestId('places-tabs').getByText('Compounds', { exact: true }).click();
    await p.getByTestId('compound-table').getByText('2, 1 guarded').first().waitFor();
    await shot(p, 'places-street-compounds-desktop-en');
    await p.getByTestId('lang-switch').click();
  });
});
