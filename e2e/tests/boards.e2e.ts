import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// Community boards in the browser: a must-read district notice confirmed on the phone and its read rate in the
// console; a 身边事 post turned into a case; a give-away reserved and closed; service-guide search in Chinese.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function consoleAs(phone: string) {
  const s = await newPage(h, DESKTOP);
  await s.page.goto(`${h.base}/console/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.getByTestId('node-switcher').waitFor();
  return s;
}

async function phoneAs(phone: string) {
  const s = await newPage(h, PHONE, { mobile: true });
  await s.page.goto(`${h.base}/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.waitForURL(/\/(home|applications)$/);
  return s;
}

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .adm-spin-loading'));
  await page.waitForTimeout(400);
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe('community boards', () => {
  it('district must-read notice → resident confirms → publisher sees the read rate', async () => {
    const admin = await consoleAs('13800000001');
    const a = admin.page;
    await a.getByTestId('menu-notices').click();
    await a.getByTestId('notice-publish').click();
    await a.getByTestId('notice-form-title').fill('寒潮预警:请注意防冻保暖');
    await a.getByTestId('notice-form-body').fill('本周末最低气温零下 5 度,请检查水管保温。\n<script>alert(1)</script>');
    await a.getByTestId('notice-form-must-read').click();
    await a.getByTestId('notice-form-submit').click();
    const row = a.getByTestId('notice-row-寒潮预警:请注意防冻保暖');
    await row.waitFor();
    await settle(a);
    await shot(a, 'desktop-notices');

    const resident = await phoneAs('13800000005');
    const r = resident.page;
    await r.getByTestId('home-feed').waitFor();
    const item = r.getByTestId('feed-item').filter({ hasText: '寒潮预警' });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    await settle(r);
    await shot(r, 'phone-home-feed');
    await item.click();
    await r.getByTestId('notice-detail').waitFor();
    // Hostile text shows as text.
    expect(await r.getByTestId('notice-body').textContent()).toContain('<script>alert(1)</script>');
    await r.getByTestId('notice-confirm').click();
    await r.getByTestId('notice-confirmed').waitFor();
    await settle(r);
    await shot(r, 'phone-notice-confirmed');

    await a.reload();
    await a.getByTestId('notice-row-寒潮预警:请注意防冻保暖').getByTestId('notice-read-rate').click();
    await a.getByTestId('notice-rate-drawer').waitFor();
    await poll(() => a.getByTestId('notice-rate-reached').textContent()).toBe('1');
    expect(await a.getByTestId('notice-rate-households').textContent()).toBe('200');
    await settle(a);
    await shot(a, 'desktop-notice-read-rate');
    await admin.context.close();
    await resident.context.close();
  });

  it('resident posts 身边事 → the secretary turns it into a case', async () => {
    const resident = await phoneAs('13800000005');
    const r = resident.page;
    await r.goto(`${h.base}/neighbours/new`);
    await r.getByTestId('post-form-title').fill('小区广场草坪被挖了种菜');
    await r.getByTestId('post-form-body').fill('中心广场东侧的草坪被人挖开种菜了,希望恢复绿地。');
    await r.getByTestId('post-form-submit').click();
    await r.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await r.getByTestId('post-detail').waitFor();
    await settle(r);
    await shot(r, 'phone-post');

    const sec = await consoleAs('13800000003');
    const s = sec.page;
    await s.getByTestId('menu-boards').click();
    await s.getByTestId('moderation-page').waitFor();
    await settle(s);
    await shot(s, 'desktop-moderation');
    const postId = r.url().split('/').pop()!;
    await s.goto(`${h.base}/console/boards?post=${postId}`);
    await s.getByTestId('board-post-drawer').waitFor();
    await s.getByTestId('board-post-reply').fill('已收到,我们马上联系城管和物业处理。');
    await s.getByTestId('board-post-reply-send').click();
    await s.getByTestId('board-comment').first().waitFor();
    await s.getByTestId('board-post-convert').click();
    await s.getByTestId('board-convert-category').click();
    // Searching expands the matching branch whether or not the tree had loaded when it opened.
    await s.keyboard.type('漏水');
    await s.getByTestId('board-convert-category-option-漏水渗水').click();
    await s.getByTestId('board-convert-confirm').click();
    await poll(() => s.getByTestId('board-post-drawer').textContent()).toMatch(/已转为诉求 \d+/);
    await settle(s);
    await shot(s, 'desktop-post-converted');
    await r.reload();
    await poll(() => r.getByTestId('post-detail').textContent()).toMatch(/已转为诉求 \d+/);
    await sec.context.close();
    await resident.context.close();
  });

  it('a give-away is reserved by a neighbour, handed over and closed', async () => {
    const resident = await phoneAs('13800000005');
    const r = resident.page;
    await r.goto(`${h.base}/neighbours/new?board=giveaway`);
    await r.getByTestId('post-form-title').fill('送儿童滑板车');
    await r.getByTestId('post-form-body').fill('孩子长大了,滑板车九成新,自提。');
    await r.getByTestId('post-form-submit').click();
    await r.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const url = r.url();

    const neighbour = await phoneAs('13800000004');
    const n = neighbour.page;
    await n.goto(url);
    await n.getByTestId('post-step-reserve').click();
    await poll(() => n.getByTestId('post-detail').getAttribute('data-stage')).toBe('reserved');

    await r.reload();
    await r.getByTestId('post-step-hand_over').click();
    await poll(() => r.getByTestId('post-detail').getAttribute('data-stage')).toBe('handed_over');
    await r.getByTestId('post-step-close').click();
    await poll(() => r.getByTestId('post-detail').getAttribute('data-stage')).toBe('closed');
    await settle(r);
    await shot(r, 'phone-giveaway-closed');
    await neighbour.context.close();
    await resident.context.close();
  });

  it('service guide search finds 怎么办居住证 from 居住证', async () => {
    const resident = await phoneAs('13800000005');
    const r = resident.page;
    await r.goto(`${h.base}/guides`);
    const search = r.getByTestId('guide-search').locator('input');
    await search.fill('居住证');
    await search.press('Enter');
    await poll(() => r.getByTestId('guide-item').count()).toBe(1);
    expect(await r.getByTestId('guide-item').textContent()).toContain('怎么办居住证');
    await r.getByTestId('guide-item').click();
    await r.getByTestId('guide-detail').waitFor();
    await settle(r);
    await shot(r, 'phone-guide');
    await resident.context.close();
  });
});
