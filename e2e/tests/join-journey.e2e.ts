import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// The foundation journey: a resident joins by the community's link on a phone, a cadre approves in the
// console, the resident signs in and lands on 银杏社区's home, and the district admin sees it all audited.

let h: Harness;
let joinUrl = '';
const APPLICANT = { name: '林小雨', id: '110101199003074514', phone: '13912345678', password: 'Join@2026' };

beforeAll(async () => {
  h = await startHarness();
  const sec = await h.app.as('13800000003');
  const me = await sec.get<{ me: { grants: { nodeId: string }[] } }>('/api/auth/me');
  const link = await sec.get<{ url: string }>(`/api/communities/${me.body.me.grants[0]!.nodeId}/join-link`);
  joinUrl = link.body.url;
});
afterAll(() => h?.close());

describe('join → pending → approve → resident home', () => {
  it('runs end to end on a phone and a desktop', async () => {
    // 1. The resident scans the QR code: the join page on a 390 px phone.
    const phone = await newPage(h, PHONE, { mobile: true });
    const p = phone.page;
    await p.goto(joinUrl);
    await expect.poll(() => p.getByTestId('join-community-name').textContent()).toContain('银杏社区');
    await shot(p, 'phone-1-join-form');

    await p.getByTestId('join-name').fill(APPLICANT.name);
    await p.getByTestId('join-id-number').fill(APPLICANT.id);
    await p.getByTestId('join-phone').fill(APPLICANT.phone);
    await p.getByTestId('join-password').fill(APPLICANT.password);
    await p.getByTestId('join-address').click();
    await p.getByTestId('address-option-1号楼').first().click();
    await p.getByTestId('address-option-1单元').first().click();
    await p.getByTestId('address-option-101室').first().click();
    await p.getByTestId('address-confirm').click();
    await expect.poll(() => p.getByTestId('join-address').textContent()).toContain('101室');
    await shot(p, 'phone-2-join-filled');
    await p.getByTestId('join-submit').click();

    // 2. Pending: the applicant sees the status.
    await p.waitForURL(/\/applications$/);
    await expect.poll(() => p.getByTestId('application-status').first().textContent()).toContain('待审核');
    await shot(p, 'phone-3-pending');

    // 3. The committee secretary approves in the console (1440 px desktop).
    const desk = await newPage(h, DESKTOP);
    const d = desk.page;
    await d.goto(`${h.base}/console`);
    await d.getByTestId('login-phone').fill('13800000003');
    await d.getByTestId('login-password').fill('Linli@2026');
    await d.getByTestId('login-submit').click();
    await d.getByTestId('node-switcher').waitFor();
    await d.goto(`${h.base}/console/review`);
    const row = d.getByTestId(`review-row-${APPLICANT.name}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('1101**********4514');
    await shot(d, 'desktop-1-review-queue');
    await row.getByTestId('review-open').click();
    await d.getByTestId('review-drawer').waitFor();
    await d.waitForTimeout(600); // let the drawer finish sliding in before the screenshot
    await shot(d, 'desktop-2-review-drawer');
    await d.getByTestId('review-approve').click();
    await d.getByTestId('review-approve-confirm').click();
    await expect.poll(() => d.getByTestId('review-drawer-status').textContent()).toContain('已通过');

    // 4. The resident sees the approval, signs in again on a new phone and lands on the community home.
    await p.reload();
    await expect.poll(() => p.getByTestId('application-status').first().textContent()).toContain('已通过');
    const phone2 = await newPage(h, PHONE, { mobile: true });
    const p2 = phone2.page;
    await p2.goto(`${h.base}/login`);
    await p2.getByTestId('login-phone').fill(APPLICANT.phone);
    await p2.getByTestId('login-password').fill(APPLICANT.password);
    await p2.getByTestId('login-submit').click();
    await p2.waitForURL(/\/home$/);
    await expect.poll(() => p2.getByTestId('home-community-name').textContent()).toContain('银杏社区');
    await expect.poll(() => p2.getByTestId('home-address').textContent()).toContain('101室');
    await shot(p2, 'phone-4-community-home');

    // 5. The district admin sees who did what.
    const admin = await newPage(h, DESKTOP);
    const a = admin.page;
    await a.goto(`${h.base}/console/login`);
    await a.getByTestId('login-phone').fill('13800000001');
    await a.getByTestId('login-password').fill('Linli@2026');
    await a.getByTestId('login-submit').click();
    await a.getByTestId('node-switcher').waitFor();
    await a.goto(`${h.base}/console/audit`);
    await a.getByTestId('audit-table').waitFor();
    await expect
      .poll(async () => (await a.getByTestId('audit-table').textContent()) ?? '')
      .toMatch(/孙丽[\s\S]*|[\s\S]*孙丽/);
    await shot(a, 'desktop-3-audit-log');

    for (const c of [phone, phone2, desk, admin]) await c.context.close();
  });
});
