import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// Key console and resident screens at both widths, in Chinese and English, for people to look at.

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

describe('key screens', () => {
  it('console pages render for the secretary without layout breakage', async () => {
    const { page, context } = await consoleLogin('13800000003');
    for (const [path, testId] of [
      ['join-link', 'join-link-qr'],
      ['org', 'org-tree'],
      ['people', 'people-table'],
    ] as const) {
      await page.goto(`${h.base}/console/${path}`);
      await page.getByTestId(testId).first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
      await page.waitForTimeout(400); // antd fades the table back in; screenshot after the fade
      // Nothing may overflow the 1440 px viewport horizontally.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
      await shot(page, `desktop-secretary-${path}`);
    }
    await context.close();
  });

  it('the secretary adds a grid with its CJ/T 349 code, and a code of another community is refused on the field', async () => {
    const { page, context } = await consoleLogin('13800000003');
    await page.goto(`${h.base}/console/org`);
    await page.getByTestId('org-tree').waitFor();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-create-name').fill('第三网格');
    await page.getByTestId('org-create-code').fill('31019900200101');
    await page.getByTestId('org-create-confirm').click();
    // The server's field error lands on the code field; nothing was created.
    await expect.poll(() => page.getByTestId('org-create-modal').textContent()).toMatch(/国家标准/);
    expect(await page.getByTestId('org-tree').textContent()).not.toContain('第三网格');
    await page.getByTestId('org-create-code').fill('31019900100103');
    await page.getByTestId('org-create-confirm').click();
    await expect.poll(async () => (await page.getByTestId('org-tree').textContent()) ?? '').toContain('第三网格');
    await context.close();
  });

  it('the console still works on a phone for cadres in the field', async () => {
    const { page, context } = await newPage(h, PHONE, { mobile: true });
    await page.goto(`${h.base}/console/login`);
    await page.getByTestId('login-phone').fill('13800000003');
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('node-switcher').waitFor();
    await page.goto(`${h.base}/console/review`);
    await page.getByTestId('review-table').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-console-review');
    await context.close();
  });

  it('the resident home in English on a phone', async () => {
    const { page, context } = await newPage(h, PHONE, { mobile: true });
    await page.goto(`${h.base}/login`);
    await page.getByTestId('login-phone').fill('13800000005');
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/home$/);
    await expect.poll(() => page.getByTestId('home-community-name').textContent()).toContain('银杏社区');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-resident-home-zh');
    await page.getByTestId('lang-switch').first().click();
    await expect.poll(() => page.evaluate(() => document.body.textContent ?? '')).toMatch(/Home|Community|Household/);
    await shot(page, 'phone-resident-home-en');
    await context.close();
  });
});
