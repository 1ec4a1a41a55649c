import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type Harness,
  newPage,
  PHONE,
  shot,
  consoleAs as signInConsole,
  startHarness,
  type Viewport,
} from '../support/linli.ts';

// The closed loop (闭环): a resident reports with a photo → the community secretary signs for it and escalates
// → the street dispatcher registers and dispatches → the department handles it with a photo → the street
// checks → the resident rates 5 and the case is closed. Every step runs in the browser.

/** Commands round-trip through the server; allow for a busy machine. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const x of td) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  td.copy(out, 4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
/** A 160×120 RGB PNG with a diagonal gradient in the given hue, so photos are visible in screenshots. */
function photo(r: number, g: number, b: number): Buffer {
  const w = 160;
  const ht = 120;
  const rows: Buffer[] = [];
  for (let y = 0; y < ht; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const f = 0.5 + (x + y) / (2 * (w + ht));
      row[1 + x * 3] = Math.min(255, r * f);
      row[2 + x * 3] = Math.min(255, g * f);
      row[3 + x * 3] = Math.min(255, b * f);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(ht, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const consoleAs = (phone: string, viewport: Viewport = DESKTOP) => signInConsole(h, phone, viewport);

/** Settled for a screenshot: no spinner, antd animations done, nothing wider than the viewport. */
async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await page.waitForTimeout(500);
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const CASE_URL = /\/cases\/[0-9a-f-]{36}$/;
const statusOf = (page: Page) => page.getByTestId('case-page').getAttribute('data-status');

/** Clicks a command button, fills the note when given, confirms, and waits for the new status. */
async function command(page: Page, type: string, status: string, note?: string) {
  await page.getByTestId(`case-action-${type}`).click();
  await page.getByTestId('case-cmd-modal').waitFor();
  if (note) await page.getByTestId('case-cmd-note').fill(note);
  await page.getByTestId('case-cmd-confirm').click();
  await poll(() => statusOf(page)).toBe(status);
}

describe('case closed loop', () => {
  it('resident → community → street → department → check → rating', async () => {
    // 1. 周敏 reports a parking problem with a photo on the resident Report page (phone).
    const resident = await newPage(h, PHONE, { mobile: true });
    const r = resident.page;
    await r.goto(`${h.base}/login`);
    await r.getByTestId('login-phone').fill('13800000005');
    await r.getByTestId('login-password').fill('Linli@2026');
    await r.getByTestId('login-submit').click();
    await r.waitForURL(/\/home$/);
    await r.goto(`${h.base}/report`);
    await r.getByTestId('report-category-停车管理').click();
    await r.getByTestId('report-description').fill('3号楼门口长期有车辆占用消防通道,晚上更严重');
    await r
      .getByTestId('report-photos')
      .locator('input[type=file]')
      .setInputFiles({ name: 'parking.png', mimeType: 'image/png', buffer: photo(200, 80, 60) });
    await r.getByTestId('report-photos-item').first().waitFor();
    await r.getByTestId('report-submit').click();
    // Similar open cases nearby are offered first; this one is new.
    const goOn = r.getByTestId('report-duplicate-continue');
    await Promise.race([r.waitForURL(CASE_URL), goOn.waitFor().then(() => goOn.click())]);
    await r.waitForURL(CASE_URL);
    const caseId = r.url().split('/').pop()!;
    await poll(() => r.getByTestId('case-no').textContent()).toMatch(/\d{6,}/);
    const no = (await r.getByTestId('case-no').textContent())!.replace(/\D/g, '');

    // 2. 孙丽 (community secretary) finds it in 待签收, signs for it and escalates it to the street.
    const sec = await consoleAs('13800000003');
    const s = sec.page;
    await s.getByTestId('menu-cases').click();
    const row = s.getByTestId(`case-row-${no}`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('submitted');
    await poll(async () => Number(await s.getByTestId('case-box-to_accept-count').textContent())).toBeGreaterThan(0);
    await settle(s);
    await shot(s, 'desktop-cases-inbox');
    await row.getByTestId('case-open').click();
    await s.getByTestId('case-page').waitFor();
    expect(await s.getByTestId('case-photos').locator('img').count()).toBe(1);
    await command(s, 'accept', 'accepted');
    await command(s, 'escalate', 'escalated', '占用消防通道需执法部门处理');
    expect(await s.getByTestId('case-level').textContent()).toBe('街道');
    await sec.context.close();

    // 3. 钱芳 (street dispatcher) registers it and dispatches it to the city-management bureau.
    const disp = await consoleAs('13800000002');
    const d = disp.page;
    await d.goto(`${h.base}/console/cases/${caseId}`);
    await d.getByTestId('case-page').waitFor();
    expect(await d.getByTestId('case-reporter').first().textContent()).toContain('周敏');
    await command(d, 'register', 'registered');
    await d.getByTestId('case-action-dispatch').click();
    await d.getByTestId('dispatch-modal').waitFor();
    await d.getByTestId('dispatch-dept-区城市管理行政执法局').click();
    await poll(() => d.getByTestId('dispatch-deadline-区城市管理行政执法局').inputValue()).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
    );
    await d.waitForTimeout(400);
    await shot(d, 'desktop-case-dispatch');
    await d.getByTestId('dispatch-confirm').click();
    await poll(() => statusOf(d)).toBe('dispatched');
    await d.getByTestId('case-assignment-区城市管理行政执法局').waitFor();

    // 4. 郑伟 (department) finds it in his inbox, accepts and reports back with a photo.
    const dept = await consoleAs('13800000007');
    const z = dept.page;
    await z.getByTestId('menu-cases').click();
    await z.getByTestId(`case-row-${no}`).getByTestId('case-open').click();
    await z.getByTestId('case-page').waitFor();
    await command(z, 'acceptAssignment', 'dispatched');
    await poll(() => z.getByTestId('case-assignment-区城市管理行政执法局').getAttribute('data-status')).toBe(
      'accepted',
    );
    await z.getByTestId('case-action-handle').click();
    await z.getByTestId('case-cmd-modal').waitFor();
    await z
      .getByTestId('case-cmd-photos')
      .locator('input[type=file]')
      .setInputFiles({ name: 'cleared.png', mimeType: 'image/png', buffer: photo(60, 160, 90) });
    await poll(() => z.getByTestId('case-cmd-photos').getAttribute('data-count')).toBe('1');
    await z.getByTestId('case-cmd-note').fill('已现场劝离占道车辆,并设置禁停标识');
    await z.getByTestId('case-cmd-confirm').click();
    await poll(() => statusOf(z)).toBe('checking');
    await dept.context.close();

    // 5. The dispatcher checks it on site: passed.
    await d.getByTestId('case-reload').click();
    await d.getByTestId('case-action-check').waitFor();
    await command(d, 'check', 'resolved');
    const handled = d.getByTestId('timeline-entry').and(d.locator('[data-type="handle"]'));
    expect(await handled.getByTestId('timeline-note').textContent()).toContain('禁停标识');
    expect(await handled.getByTestId('timeline-photos').locator('img').count()).toBe(1);
    await settle(d);
    await shot(d, 'desktop-case-detail');

    // 6. The resident rates 5 stars; the case is closed.
    await r.reload();
    await r.getByTestId('case-action-rate').click();
    await r.getByTestId('case-rate-star-5').click();
    await r.getByTestId('case-rate-submit').click();
    await d.getByTestId('case-reload').click();
    await poll(() => statusOf(d)).toBe('closed');
    expect(await d.getByTestId('case-rating').getAttribute('data-score')).toBe('5');
    expect(await d.getByTestId('case-no-actions').count()).toBe(1);
    await disp.context.close();

    // The case page on a 390 px phone (the secretary, read-only now).
    const phone = await consoleAs('13800000003', PHONE);
    await phone.page.goto(`${h.base}/console/cases/${caseId}`);
    await phone.page.getByTestId('case-timeline').waitFor();
    await settle(phone.page);
    await shot(phone.page, 'phone-console-case-detail');
    await phone.page.goto(`${h.base}/console/cases?box=closed`);
    await phone.page.getByTestId(`case-row-${no}`).waitFor();
    await settle(phone.page);
    await shot(phone.page, 'phone-console-cases-inbox');
    await phone.context.close();
    await resident.context.close();
  });
});
