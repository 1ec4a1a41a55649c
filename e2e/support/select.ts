import type { Locator, Page } from 'playwright-core';

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Picks the option with exactly this text in a single-choice antd Select. A click that lands while antd's
 * opening animation runs can be lost (the dropdown then stays open), so it retries until the dropdown closes.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await open.count()) === 0) await select.click();
    const option = open
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${literal(text)}$`) })
      .first();
    await option.waitFor({ state: 'visible', timeout: 10_000 });
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    for (let i = 0; i < 30; i++) {
      if ((await open.count()) === 0) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`the option “${text}” could not be picked`);
}
