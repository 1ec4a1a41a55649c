import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// A village applicant types their address; the secretary of 桃源村 is not in the demo, so the district
// admin reviews it, rejects with a reason, and the applicant reads the reason on the phone.

let h: Harness;
let joinUrl = '';
beforeAll(async () => {
  h = await startHarness();
  const admin = await h.app.as('13800000001');
  const tree = await admin.get<{ nodes: { id: string; name: string }[] }>('/api/org/tree?maxType=community');
  const village = tree.body.nodes.find((n) => n.name === '桃源村')!;
  joinUrl = (await admin.get<{ url: string }>(`/api/communities/${village.id}/join-link`)).body.url;
});
afterAll(() => h?.close());

describe('village join → rejection with a reason', () => {
  it('shows the applicant why they were not accepted', async () => {
    const phone = await newPage(h, PHONE, { mobile: true });
    const p = phone.page;
    await p.goto(joinUrl);
    await expect.poll(() => p.getByTestId('join-community-name').textContent()).toContain('桃源村');
    await p.getByTestId('join-name').fill('马春花');
    await p.getByTestId('join-id-number').fill('110101196805123222');
    await p.getByTestId('join-phone').fill('13987654321');
    await p.getByTestId('join-password').fill('Village#2026');
    await p.getByTestId('join-address-text').fill('第一村民小组 河边院 7号');
    await shot(p, 'phone-village-join');
    await p.getByTestId('join-submit').click();
    await p.waitForURL(/\/applications$/);

    const desk = await newPage(h, DESKTOP);
    const d = desk.page;
    await d.goto(`${h.base}/console/login`);
    await d.getByTestId('login-phone').fill('13800000001');
    await d.getByTestId('login-password').fill('Linli@2026');
    await d.getByTestId('login-submit').click();
    await d.getByTestId('node-switcher').waitFor();
    await d.goto(`${h.base}/console/review`);
    const row = d.getByTestId('review-row-马春花');
    await row.waitFor();
    expect(await row.textContent()).toContain('河边院 7号');
    await row.getByTestId('review-open').click();
    await d.getByTestId('review-reject').click();
    // A reason is required: confirming without one changes nothing.
    await d.getByTestId('review-reject-confirm').click();
    await expect.poll(() => d.getByTestId('review-reject-modal').textContent()).toMatch(/原因|理由/);
    await d.getByTestId('review-reject-reason').fill('经核实,该户籍地址不在本村,请到户籍所在村申请');
    await d.waitForTimeout(300); // modal fully open before the screenshot
    await shot(d, 'desktop-reject-reason');
    await d.getByTestId('review-reject-confirm').click();
    await expect.poll(() => d.getByTestId('review-drawer-status').textContent()).toContain('未通过');

    await p.reload();
    await expect.poll(() => p.getByTestId('application-status').first().textContent()).toContain('未通过');
    await expect.poll(() => p.getByTestId('application-reason').first().textContent()).toContain('不在本村');
    await shot(p, 'phone-rejected-with-reason');
    await phone.context.close();
    await desk.context.close();
  });
});
