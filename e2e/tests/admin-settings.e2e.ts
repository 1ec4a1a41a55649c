import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, shot, startHarness } from '../support/linli.ts';

// The district admin configures case categories (stage time limits) and the district's working calendar.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function consoleLogin(phone: string) {
  const s = await newPage(h, DESKTOP);
  await s.page.goto(`${h.base}/console/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.getByTestId('node-switcher').waitFor();
  return s;
}

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await page.waitForTimeout(400); // antd fades tables and messages; screenshot after
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
}

describe('district settings', () => {
  it('the district admin changes a stage limit and adds a holiday, and both persist', async () => {
    const { page, context } = await consoleLogin('13800000001');

    await page.getByTestId('menu-categories').click();
    const row = page.getByTestId('category-row-SJ0101');
    await row.click();
    await expect.poll(() => page.getByTestId('category-title').textContent()).toContain('暴露垃圾');
    expect(await row.getByTestId('category-handle').textContent()).toBe('4 工作时');
    await page.getByTestId('category-limit-handle-value').fill('6');
    await page.getByTestId('category-save').click();
    await expect.poll(() => row.getByTestId('category-handle').textContent()).toBe('6 工作时');
    await page.reload();
    await expect.poll(() => row.getByTestId('category-handle').textContent()).toBe('6 工作时');
    await row.click();
    expect(await page.getByTestId('category-limit-handle-value').inputValue()).toBe('6');
    await settle(page);
    await shot(page, 'desktop-admin-categories');

    await page.getByTestId('menu-calendar').click();
    await page.getByTestId('calendar-builtin').waitFor();
    const picker = page.getByTestId('calendar-holiday-add');
    await picker.click();
    await picker.fill('2026-12-31');
    await picker.press('Enter');
    await page.getByTestId('calendar-holiday-2026-12-31').waitFor();
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-custom').waitFor();
    await page.reload();
    await page.getByTestId('calendar-custom').waitFor();
    await page.getByTestId('calendar-holiday-2026-12-31').waitFor();
    await settle(page);
    await shot(page, 'desktop-admin-calendar');
    await context.close();
  });

  it('the secretary sees neither settings page', async () => {
    const { page, context } = await consoleLogin('13800000003');
    await page.getByTestId('menu-org').waitFor();
    expect(await page.getByTestId('menu-categories').count()).toBe(0);
    expect(await page.getByTestId('menu-calendar').count()).toBe(0);
    await context.close();
  });
});
