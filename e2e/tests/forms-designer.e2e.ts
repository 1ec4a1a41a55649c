import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPng } from '../support/images.ts';
import { ARTIFACTS, DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';
import { pickOption } from '../support/select.ts';

// 褚卫东 (street staff, 青松街道) designs a form in the console with an age_count binding, a conditional field,
// person/building pickers, a photo and a table; a tag list he may not bind is refused on its field. 李强 (grid
// worker, 第一网格) fills it on a 390 px phone with the pickers and two table rows; 赵明 (district) opens the
// ranking of requesters by burden.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const TITLE = '独居老人走访登记';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function signIn(p: Page, phone: string, console = true) {
  await p.goto(`${h.base}${console ? '/console' : ''}/login`);
  await p.getByTestId('login-phone').fill(phone);
  await p.getByTestId('login-password').fill('Linli@2026');
  await p.getByTestId('login-submit').click();
  if (console) await p.getByTestId('node-switcher').waitFor();
  else await p.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Picks an option of the antd Select with this test id. */
const choose = (p: Page, testId: string, option: string) => pickOption(p, p.getByTestId(testId), option);

const widthOk = (p: Page, max: number) => p.evaluate(() => document.documentElement.scrollWidth).then((w) => w <= max);

describe('forms designer, phone pickers and the district ranking', () => {
  it('designs, fills with pickers and table rows, and ranks the requester', async () => {
    // 1. The street designs the form.
    const { page: p } = await newPage(h, DESKTOP);
    await signIn(p, '13800000011');
    await p.getByTestId('menu-collection').click();
    await p.getByTestId('collection-page').waitFor();
    await p.getByTestId('collection-design').click();
    await p.getByTestId('designer-title').fill(TITLE);
    // f1: a count the registry answers — people aged 65 and older.
    await p.getByTestId('designer-label-0').fill('65岁以上人数');
    await choose(p, 'designer-binding-0', '某年龄以上人数');
    await p.getByTestId('designer-binding-age-0').locator('input').fill('65');
    // f2 choice, f3 shown only when f2 is 未走访.
    await p.getByTestId('designer-add').click();
    await p.getByTestId('designer-label-1').fill('是否已走访');
    await choose(p, 'designer-type-1', '单选');
    await p.getByTestId('designer-options-1').fill('已走访、未走访');
    await p.getByTestId('designer-add').click();
    await p.getByTestId('designer-label-2').fill('未走访原因');
    await choose(p, 'designer-condition-2', '当“是否已走访”');
    await choose(p, 'designer-condition-equals-2', '为“未走访”');
    // f4 person, f5 building, f6 photo.
    for (const [i, label, type] of [
      [3, '走访对象', '人员'],
      [4, '所在楼栋', '楼栋'],
      [5, '现场照片', '照片'],
    ] as const) {
      await p.getByTestId('designer-add').click();
      await p.getByTestId(`designer-label-${i}`).fill(label);
      await choose(p, `designer-type-${i}`, type);
    }
    // f7 table: first bound to a tag list the street may not read — refused on the field itself.
    await p.getByTestId('designer-add').click();
    await p.getByTestId('designer-label-6').fill('困难清单');
    await choose(p, 'designer-type-6', '表格');
    await choose(p, 'designer-binding-6', '某标签人员名单');
    await p.getByTestId('designer-save').click();
    await p.getByTestId('designer-error-6').waitFor();
    expect(await p.getByTestId('designer-error-6').textContent()).toMatch(/\S/);
    await shot(p, 'forms-designer-binding-error-desktop');
    await choose(p, 'designer-binding-6', '不绑定(由基层填写)');
    await p.getByTestId('designer-column-label-6-0').fill('困难事项');
    await p.getByTestId('designer-add-column-6').click();
    await p.getByTestId('designer-column-label-6-1').fill('涉及人数');
    await choose(p, 'designer-column-type-6-1', '数字');
    expect(await widthOk(p, DESKTOP.width + 1)).toBe(true);
    // The drawer scrolls by itself: a viewport shot of its end (a full-page shot would show its top).
    await p.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await p.getByTestId('designer-save').scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${ARTIFACTS}forms-designer-table-desktop.png` });
    await p.getByTestId('designer-save').click();
    await p.getByTestId('designer-title').waitFor({ state: 'detached' });
    await p.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
    await p.getByTestId('collection-results').waitFor();
    await p.getByTestId('collection-targets').click();
    await p.keyboard.type('第一网格');
    await p.keyboard.press('Enter');
    await p.getByTestId('collection-results').locator('.ant-card-head').click();
    await p.getByTestId('collection-deadline').fill('2030-01-01T12:00');
    await p.getByTestId('collection-send').click();
    await p.getByTestId('collection-board').getByText('待填报').waitFor();

    // 2. The grid worker fills it on the phone.
    const { page: r } = await newPage(h, PHONE, { mobile: true });
    await signIn(r, '13800000004', false);
    await r.goto(`${h.base}/form-tasks`);
    await r.locator('[data-testid^="form-task-"]', { hasText: TITLE }).first().click();
    await r.getByTestId('form-fill').waitFor();
    await poll(() => r.getByTestId('form-bound-f1').textContent()).toMatch(/^\d+/);
    expect(await r.getByTestId('form-field-f3').count()).toBe(0);
    await r.getByTestId('form-input-f2').getByText('未走访', { exact: true }).click();
    await r.getByTestId('form-input-f3').locator('textarea').first().fill('老人住院中');

    await r.getByTestId('form-pick-f4').click();
    const people = r.getByTestId('form-pick-f4-option');
    await people.first().waitFor();
    await shot(r, 'forms-picker-person-phone');
    const person = (await people.first().getAttribute('data-label'))!;
    await r.getByTestId('form-pick-f4-search').locator('input').fill(person);
    await r.locator(`[data-testid="form-pick-f4-list"][data-query="${person}"][data-fetching="false"]`).waitFor();
    expect(await people.first().textContent()).toContain(person);
    await people.first().click();
    await poll(() => r.getByTestId('form-pick-f4-value').textContent()).toContain(person);

    await r.getByTestId('form-pick-f5').click();
    await r.getByTestId('form-pick-f5-option').first().click();
    await r.getByTestId('form-pick-f5-value').waitFor();
    const building = (await r.getByTestId('form-pick-f5-value').textContent())!;

    await r
      .getByTestId('form-photo-f6')
      .locator('input[type=file]')
      .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: testPng(7, 96) });
    await r.getByTestId('form-photo-f6-item').first().waitFor();

    await r.getByTestId('form-add-row-f7').click();
    await r.getByTestId('form-add-row-f7').click();
    await r.getByTestId('form-input-f7-0-c1').locator('textarea').first().fill('冬季取暖');
    await r.getByTestId('form-input-f7-0-c2').locator('input').fill('2');
    await r.getByTestId('form-input-f7-1-c1').locator('textarea').first().fill('就医陪护');
    await r.getByTestId('form-input-f7-1-c2').locator('input').fill('1');
    await poll(() => r.getByTestId('form-save-state').textContent()).toBe('草稿已保存');
    expect(await widthOk(r, PHONE.width + 1)).toBe(true);
    await r.evaluate(() => window.scrollTo(0, 0));
    await shot(r, 'forms-pickers-phone');

    // The draft (ids, photo, rows) and the picked names survive a reload.
    await r.reload();
    await r.getByTestId('form-fill').waitFor();
    await poll(() => r.getByTestId('form-pick-f4-value').textContent()).toContain(person);
    expect(await r.getByTestId('form-pick-f5-value').textContent()).toBe(building);
    expect(await r.locator('[data-testid^="form-row-f7-"]').count()).toBe(2);
    await r.getByTestId('form-photo-f6-item').first().waitFor();
    await r.getByTestId('form-submit').click();
    await r.getByText('已提交,如需修改请联系发起方退回').waitFor();

    const worker = await h.app.as('13800000004');
    const tasks = await worker.get<{ items: { id: string; title: string }[] }>('/api/form-tasks');
    const task = tasks.body.items.find((x) => x.title === TITLE)!;
    const detail = await worker.get<{ status: string; answers: Record<string, unknown> }>(`/api/form-tasks/${task.id}`);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.answers).toMatchObject({
      f2: '未走访',
      f3: '老人住院中',
      f7: [
        { c1: '冬季取暖', c2: 2 },
        { c1: '就医陪护', c2: 1 },
      ],
    });
    expect(detail.body.answers.f4).toMatch(/^[0-9a-f-]{36}$/);
    expect(detail.body.answers.f5).toMatch(/^\d+$/);
    expect(detail.body.answers.f6).toMatch(/^[0-9a-f]{64}$/);

    // 3. The district opens the ranking.
    const { page: d } = await newPage(h, DESKTOP);
    await signIn(d, '13800000001');
    await d.getByTestId('menu-formBurden').click();
    await d.getByTestId('burden-ranking-table').getByText('褚卫东').waitFor();
    await d.getByTestId('burden-ranking-chart').waitFor();
    expect(await widthOk(d, DESKTOP.width + 1)).toBe(true);
    await shot(d, 'forms-burden-ranking-desktop');
  });
});
