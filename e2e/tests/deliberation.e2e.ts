import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type Harness,
  shot,
  consoleAs as signInConsole,
  phoneAs as signInPhone,
  startHarness,
} from '../support/linli.ts';

// The deliberation hall in the browser: a lift for 1号楼 from the resident's proposal on the phone, through the
// committee's screening, consultation, the vote (the votes module's panels), the project and its survey, to the
// acknowledged covenant. The outbox is delivered by hand (h.app.dispatch) where the votes module's events move
// the proposal on.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const TITLE = '1号楼加装电梯';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const consoleAs = async (phone: string) => (await signInConsole(h, phone)).page;

const phoneAs = async (phone: string) => (await signInPhone(h, phone)).page;

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .adm-spin-loading'));
  await page.waitForTimeout(400);
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const stateOf = (page: Page, step: string) => page.getByTestId(`chain-${step}`).first().getAttribute('data-state');

/** A console modal: fill its fields, confirm, wait for it to close. */
async function confirmModal(page: Page, kind: string) {
  await page.getByTestId(`delib-${kind}-confirm`).click();
  await page.getByTestId(`delib-${kind}-modal`).waitFor({ state: 'detached' });
}

/** Chooses an option of an antd Select by its visible text. */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('deliberation hall', () => {
  it('a lift for 1号楼: proposal → screening → consultation → vote → project → survey → acknowledged covenant', async () => {
    // 提出议题 on the phone.
    const r = await phoneAs('13800000005');
    await r.getByTestId('home-hall').click();
    await r.getByTestId('hall-propose').click();
    await r.getByTestId('proposal-title').fill(TITLE);
    await r
      .getByTestId('proposal-background')
      .fill('1号楼共6层，住着不少八十岁以上的老人，上下楼困难。<b>请大家支持</b>');
    await r.getByTestId('proposal-question').fill('是否同意在1号楼1单元加装电梯，费用按楼层分摊？');
    await r.getByTestId('proposal-options').fill('同意\n不同意');
    await r.getByTestId('proposal-scope').getByText('单个楼栋').click();
    await r.getByTestId('proposal-buildings').getByText('1号楼', { exact: true }).click();
    await settle(r);
    await shot(r, 'phone-delib-propose');
    await r.getByTestId('proposal-submit').click();
    await r.getByTestId('proposal-detail').waitFor();
    expect(await r.getByTestId('proposal-detail').getAttribute('data-stage')).toBe('submitted');
    // Markup typed by a resident shows as the characters typed.
    expect(await r.getByTestId('proposal-detail').textContent()).toContain('<b>请大家支持</b>');

    // 把关筛选 in the console: the queue shows how long it has waited.
    const a = await consoleAs('13800000008');
    await a.getByTestId('menu-deliberation').click();
    await a.getByTestId('delib-tab-queue').waitFor();
    const row = a.locator(`[data-testid="delib-row"][data-title="${TITLE}"]`);
    await row.waitFor();
    expect(await row.getByTestId('delib-waited').textContent()).toMatch(/分钟|min/);
    await settle(a);
    await shot(a, 'desktop-delib-queue');
    await row.click();
    await a.getByTestId('proposal-detail').waitFor();
    await a.getByTestId('delib-action-approve').click();
    await confirmModal(a, 'approve');
    await poll(() => a.getByTestId('proposal-detail').getAttribute('data-stage')).toBe('consulting');

    // 开展协商: the resident speaks for it on the phone.
    await r.reload();
    await r.getByTestId('delib-discussion').waitFor();
    await r.getByTestId('delib-stance').getByText('支持').click();
    await r.getByTestId('delib-comment-input').fill('支持！我家老人住六楼，每次去医院都要邻居帮忙抬。');
    await r.getByTestId('delib-comment-send').click();
    await r.getByTestId('delib-comment').first().waitFor();
    await settle(r);
    await shot(r, 'phone-delib-consult');

    // The committee records the residents' meeting, summarises and closes the discussion.
    await a.reload();
    await a.getByTestId('delib-comment').first().waitFor();
    await a.getByTestId('delib-action-meeting').click();
    const picker = a.getByTestId('delib-meeting-modal').locator('.ant-picker input');
    await picker.click();
    await picker.fill(new Date().toISOString().slice(0, 10));
    await picker.press('Enter');
    await a.getByTestId('delib-meeting-attendees').fill('居委会王建国；1号楼住户代表9人');
    await a
      .getByTestId('delib-meeting-minutes')
      .fill('9户中8户同意加装，1户（一楼）担心采光，商定电梯井道采用玻璃幕墙。');
    await confirmModal(a, 'meeting');
    await a.getByTestId('proposal-meetings').waitFor();
    await a.getByTestId('delib-action-close').click();
    await a
      .getByTestId('delib-summary')
      .fill('支持：老人出行难；顾虑：一楼采光。共识：玻璃井道，费用按楼层分摊，一楼不分摊。');
    await confirmModal(a, 'close');
    await poll(() => a.getByTestId('proposal-detail').getAttribute('data-stage')).toBe('summarised');

    // 表决 through the votes module's panels: the committee drafts a vote for the residents of 1号楼 and opens it.
    await a.getByTestId('vote-panel-create').waitFor();
    await a.getByTestId('vote-form-title').fill(TITLE);
    await a.getByTestId('vote-form-question').fill('是否同意在1号楼1单元加装电梯，费用按楼层分摊？');
    await pick(a, 'vote-form-electorate', '范围内已认证居民');
    await pick(a, 'vote-form-preset', '简单多数');
    await settle(a);
    await shot(a, 'desktop-delib-vote-form');
    await a.getByTestId('vote-form-submit').click();
    await a.getByTestId('vote-manage').waitFor();
    await a.getByTestId('vote-open').click();
    await a.getByTestId('vote-open-confirm').click();
    await poll(() => a.getByTestId('vote-status').textContent()).not.toMatch(/草稿|draft/i);
    await h.app.dispatch();
    // The resident votes 同意 on the phone and keeps the receipt.
    await r.reload();
    await r.getByTestId('vote-ballot').waitFor();
    expect(await r.getByTestId('proposal-detail').getAttribute('data-stage')).toBe('voting');
    await r.getByTestId('vote-options').getByText('同意', { exact: true }).click();
    await r.getByTestId('vote-submit').click();
    await r.locator('.adm-dialog').getByRole('button', { name: '确定' }).click();
    await r.getByTestId('vote-voted').waitFor();
    await settle(r);
    await shot(r, 'phone-delib-vote');
    // The committee closes the vote; the result decides the proposal.
    await a.reload();
    await a.getByTestId('vote-close').click();
    await a.getByTestId('vote-close-confirm').click();
    await a.getByTestId('vote-adopted').waitFor();
    await h.app.dispatch();
    await a.reload();
    await poll(() => a.getByTestId('proposal-detail').getAttribute('data-stage')).toBe('adopted');

    // 形成项目 and 推动实施.
    await a.getByTestId('delib-action-project').click();
    await a.getByTestId('delib-project-owner').fill('王建国（居委会委员）');
    await a.getByTestId('delib-project-plan').fill('1. 委托设计\n2. 公开招标\n3. 施工与验收');
    await a.getByTestId('delib-project-budget').fill('680000');
    await a.getByTestId('delib-project-milestones').fill('完成招标\n竣工验收');
    await confirmModal(a, 'project');
    await a.getByTestId('delib-project').waitFor();
    await a.getByTestId('delib-project-start').click();
    await poll(() => a.getByTestId('delib-project').getAttribute('data-status')).toBe('in_progress');
    await a.getByTestId('delib-project-progress').click();
    await a.getByTestId('delib-progress-body').fill('施工单位进场，井道基础完成。');
    await confirmModal(a, 'progress');
    await a.getByTestId('delib-milestone-done').first().click();
    await a.getByTestId('delib-project-complete').click();
    await poll(() => a.getByTestId('delib-project').getAttribute('data-status')).toBe('completed');

    // 效果评估 on the phone.
    await r.reload();
    await r.getByTestId('delib-survey-form').waitFor();
    await r.getByTestId('delib-survey-rate').getByText('★★★★★', { exact: true }).click();
    await r.getByTestId('delib-survey-comment').fill('电梯运行平稳，老人出门方便多了。');
    await r.getByTestId('delib-survey-submit').click();
    await r.getByTestId('delib-survey-mine').waitFor();
    expect(await stateOf(r, 'evaluate')).toBe('done');

    // 建立公约 in the console, acknowledged on the phone.
    await a.reload();
    await a.getByTestId('delib-action-covenant').click();
    await a.getByTestId('delib-covenant-title').fill('1号楼电梯使用公约');
    await a
      .getByTestId('delib-covenant-body')
      .fill(
        '一、电梯由1号楼住户共同使用、共同维护。\n二、禁止超载，装修材料须在9:00—17:00运送。\n三、维保费用按楼层系数分摊。',
      );
    await confirmModal(a, 'covenant');
    await a.getByTestId('delib-covenant').waitFor();
    expect(await stateOf(a, 'covenant')).toBe('done');
    await settle(a);
    await shot(a, 'desktop-delib-chain');

    await r.reload();
    await r.getByTestId('delib-covenant-ack').click();
    await r.getByTestId('delib-covenant-acked').waitFor();
    await poll(() => r.getByTestId('delib-covenant-acks').textContent()).toContain('1');
    for (const step of ['propose', 'screen', 'consult', 'project', 'deliver', 'evaluate', 'covenant'])
      expect(await stateOf(r, step), step).toBe('done');
    await settle(r);
    await shot(r, 'phone-delib-chain');

    // The covenant is listed and found in Chinese.
    await r.goto(`${h.base}/hall?tab=covenants`);
    await r.getByTestId('covenant-search').locator('input').fill('维保');
    await r.getByTestId('covenant-search').locator('input').press('Enter');
    await poll(() => r.getByTestId('delib-covenant').allTextContents()).toEqual([
      expect.stringContaining('1号楼电梯使用公约'),
    ]);
    await settle(r);
    await shot(r, 'phone-delib-covenants');
    // The hall speaks English too.
    await r.getByTestId('lang-switch').click();
    await poll(() => r.getByTestId('page-title').textContent()).toBe('Deliberation hall');
    expect(await r.getByTestId('hall-tab-covenants').textContent()).toBe('Covenants');
    await r.getByTestId('lang-switch').click();

    // 督查: the street sees the whole chain with its timing.
    const s = await consoleAs('13800000011');
    await s.getByTestId('menu-deliberation').click();
    await s.locator(`[data-testid="delib-row"][data-title="${TITLE}"]`).waitFor();
    await settle(s);
    await shot(s, 'desktop-delib-supervision');
  });
});
