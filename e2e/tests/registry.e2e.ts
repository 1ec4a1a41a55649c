import { makeIdNumber } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  DESKTOP,
  type Harness,
  newPage,
  PHONE,
  shot,
  consoleAs as signInConsole,
  startHarness,
  type Viewport,
} from '../support/linli.ts';

// 孙丽 (secretary of 银杏社区) finds a resident, reveals the ID number for a stated purpose, defines a policy
// and sees the live count; 李强 (grid worker, 第一网格) records an outcome on his phone.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const consoleAs = async (phone: string, viewport: Viewport = DESKTOP) => (await signInConsole(h, phone, viewport)).page;

describe('resident registry', () => {
  it('search, person card with masked ID and audited reveal, room drill-down', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-registry').click();
    await p.getByTestId('registry-page').waitFor();
    await poll(() => p.locator('[data-testid^="registry-person-"]').count()).toBeGreaterThan(5);
    await shot(p, 'registry-list-desktop');
    const phone = await consoleAs('13800000004', PHONE);
    await phone.goto(`${h.base}/console/registry`);
    await poll(() => phone.locator('[data-testid^="registry-person-"]').count()).toBeGreaterThan(3);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    await shot(phone, 'registry-list-phone');
    await p.getByTestId('registry-search').locator('input').fill('周敏');
    await p.getByTestId('registry-search').locator('input').press('Enter');
    await poll(() => p.locator('[data-testid^="registry-person-"]').count()).toBe(1);
    await p.locator('[data-testid^="registry-person-"]').first().click();
    const id = p.getByTestId('registry-id');
    await poll(() => id.textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await p.getByTestId('registry-reveal').click();
    await p.getByTestId('registry-reveal-purpose').fill('核对低保申请材料');
    await p.getByTestId('registry-reveal-confirm').click();
    await poll(() => id.textContent()).toMatch(/^\d{17}[\dX]$/);
    await p.getByTestId('registry-reveal-purpose').waitFor({ state: 'detached' });
    await shot(p, 'registry-person-desktop');
    await p.keyboard.press('Escape');
    // Drill down: grid → building → unit → room, with its housing and household.
    const tree = p.getByTestId('registry-tree');
    for (const name of ['第一网格', '1号楼', '1单元', '302室']) await tree.getByText(name, { exact: true }).click();
    await p.getByTestId('registry-housing').waitFor();
    await poll(() => p.getByTestId('registry-household-0').textContent()).toContain('周敏');
    await shot(p, 'registry-room-desktop');
    // English switch: the registry speaks it too.
    await p.getByTestId('lang-switch').click();
    await p.getByTestId('registry-housing').getByText('Floor area (m²)').waitFor();
    await p.getByTestId('registry-household-0').getByText('Head', { exact: true }).waitFor();
    await shot(p, 'registry-room-desktop-en');
    await p.getByTestId('lang-switch').click();
  });

  it('import a spreadsheet with bad rows: the dry run reports them row by row', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-registry').click();
    await p.getByTestId('registry-go-import').click();
    await p.getByTestId('registry-import-page').waitFor();
    const csv = [
      '姓名,身份证号,房号,手机,与户主关系',
      `测试甲,${makeIdNumber('110105', '19600101', 901)},1号楼1单元101室,13712348801,`,
      `测试乙,${makeIdNumber('110105', '19600101', 902).slice(0, 17)}0,1号楼1单元101室,,`,
      `测试丙,${makeIdNumber('110105', '19600101', 903)},9号楼9单元909室,,`,
    ].join('\r\n');
    await p
      .locator('[data-testid="registry-import-upload"] input[type=file]')
      .setInputFiles({ name: '居民.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await poll(() => p.getByTestId('registry-import-rows').textContent()).toContain('3');
    await p.getByTestId('registry-import-dry-run').click();
    await p.getByTestId('registry-import-report').waitFor();
    await p.getByTestId('registry-import-error-4-room').waitFor();
    expect(await p.getByTestId('registry-import-report').getAttribute('data-written')).toBe('false');
    await shot(p, 'registry-import-dry-run-desktop');
  });

  it('policy builder: live count, save, outreach board', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-outreach').click();
    await p.getByTestId('outreach-page').waitFor();
    // The street sees counts per community, never a person.
    const street = await consoleAs('13800000011');
    await street.getByTestId('menu-outreach').click();
    await street.getByTestId('registry-stats').getByText('梧桐社区').waitFor();
    expect(await street.getByTestId('menu-registry').count()).toBe(0);
    await shot(street, 'registry-street-stats-desktop');
    const count = p.getByTestId('policy-count');
    await poll(async () => Number((await count.textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    await p.getByTestId('policy-name').fill('高龄津贴告知');
    await p.getByTestId('policy-save').click();
    await p.getByText('高龄津贴告知').first().waitFor();
    await shot(p, 'registry-outreach-desktop');
  });

  it('a grid worker records an outcome on a phone', async () => {
    const { page: r } = await newPage(h, PHONE, { mobile: true });
    await r.goto(`${h.base}/login`);
    await r.getByTestId('login-phone').fill('13800000004');
    await r.getByTestId('login-password').fill('Linli@2026');
    await r.getByTestId('login-submit').click();
    await r.waitForURL((u) => !u.pathname.startsWith('/login'));
    await r.goto(`${h.base}/outreach`);
    await r.getByTestId('outreach-list').waitFor();
    const card = r.locator('[data-testid^="outreach-card-"]').first();
    await card.waitFor();
    const key = (await card.getAttribute('data-testid'))!.replace('outreach-card-', '');
    await shot(r, 'registry-outreach-phone');
    await r.getByTestId(`outreach-m-informed-${key}`).click();
    await poll(() => r.getByTestId(`outreach-card-${key}`).textContent()).toContain('已告知');
    await shot(r, 'registry-outreach-phone-recorded');
  });

  it('a record check: the secretary starts it, a grid worker corrects a record on a phone', async () => {
    const p = await consoleAs('13800000003');
    await p.getByTestId('menu-outreach').click();
    await p.getByTestId('campaign-name').fill('第四季度信息核实');
    await p.getByTestId('campaign-start').click();
    await p.getByTestId('campaigns-card').getByText('第四季度信息核实').waitFor();
    const { page: r } = await newPage(h, PHONE, { mobile: true });
    await r.goto(`${h.base}/login`);
    await r.getByTestId('login-phone').fill('13800000004');
    await r.getByTestId('login-password').fill('Linli@2026');
    await r.getByTestId('login-submit').click();
    await r.waitForURL((u) => !u.pathname.startsWith('/login'));
    await r.goto(`${h.base}/campaign`);
    const card = r.locator('[data-testid^="campaign-card-"]').first();
    await card.waitFor();
    const key = (await card.getAttribute('data-testid'))!.replace('campaign-card-', '');
    await r.getByTestId(`campaign-residence-${key}`).getByText('外出').click();
    // The list is long: the first screen is what the grid worker sees.
    await r.screenshot({ path: `${ARTIFACTS}registry-campaign-phone.png` });
    await r.getByTestId(`campaign-save-${key}`).click();
    await poll(() => r.getByTestId(`campaign-card-${key}`).count()).toBe(0);
  });
});
