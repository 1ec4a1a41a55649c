import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// 党建园地: a resident checks in as a party member (双报到) on the phone, the secretary approves it and publishes a
// study material in the console, the member discusses with the party badge shown. 乡愁乡音: someone who moved
// away signs up on the village's page, the village committee approves, and they read village affairs and post.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .adm-spin-loading'));
  await page.waitForTimeout(400);
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
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

describe('party board and hometown board', () => {
  it('报到 → approval in the console → study material → a members’ talk with the party badge', async () => {
    const resident = await phoneAs('13800000005');
    const r = resident.page;
    await r.getByTestId('home-party').click();
    await r.getByTestId('party-checkin').click();
    await r.getByTestId('checkin-kind').getByText('双报到(在职党员)').click();
    await r.getByTestId('checkin-party-org').fill('临江区教育局机关党委');
    await r.getByTestId('checkin-workplace').fill('临江区实验小学');
    await r.getByTestId('checkin-workplace-org').fill('临江区实验小学党支部');
    await r.getByTestId('checkin-service-offer').fill('周末辅导社区孩子功课');
    await settle(r);
    await shot(r, 'phone-party-checkin');
    await r.getByTestId('checkin-submit').click();
    await r.waitForURL(/\/party$/);
    await expect.poll(() => r.getByTestId('affiliation-item').getAttribute('data-status')).toBe('pending');

    const c = await newPage(h, DESKTOP);
    await c.page.goto(`${h.base}/console/login`);
    await c.page.getByTestId('login-phone').fill('13800000003');
    await c.page.getByTestId('login-password').fill('Linli@2026');
    await c.page.getByTestId('login-submit').click();
    await c.page.getByTestId('node-switcher').waitFor();
    await c.page.getByTestId('menu-affiliations').click();
    const row = c.page.locator('[data-testid="affiliation-row"][data-name="周敏"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('临江区实验小学党支部');
    await c.page.getByTestId('party-publish-title').fill('学习资料：在职党员进社区');
    await c.page.getByTestId('party-publish-body').fill('双报到党员每年至少参加两次社区志愿服务。');
    await settle(c.page);
    await shot(c.page, 'desktop-party-board');
    await row.getByTestId('affiliation-approve').click();
    await row.waitFor({ state: 'detached' });
    await c.page.getByTestId('party-publish-submit').click();
    await c.page.getByTestId('party-post-row').first().waitFor();

    await r.reload();
    await r.getByTestId('party-posts').getByText('学习资料：在职党员进社区').waitFor();
    await r.getByTestId('party-post').click();
    await r.getByTestId('post-form-title').fill('周末作业辅导，欢迎报名');
    await r.getByTestId('post-form-body').fill('每周六上午在社区活动室，小学生作业辅导。');
    await r.getByTestId('post-form-badge').click();
    await r.getByTestId('post-form-submit').click();
    await r.getByTestId('post-detail').waitFor();
    await r.getByTestId('party-badge').first().waitFor();
    await settle(r);
    await shot(r, 'phone-party-post-badge');
    await r.goto(`${h.base}/party`);
    await expect.poll(() => r.getByTestId('party-posts').getByTestId('party-badge').count()).toBe(1);
    await settle(r);
    await shot(r, 'phone-party-board');
    await resident.context.close();
    await c.context.close();
  });

  it('乡愁乡音: someone far away signs up, the village approves, they read village affairs and post', async () => {
    const admin = await h.app.as('13800000001');
    const tree = await admin.get<{ nodes: { id: string; name: string }[] }>('/api/org/tree');
    const village = tree.body.nodes.find((n) => n.name === '桃源村')!.id;
    const staff = await admin.post('/api/people', {
      name: '陶书记',
      phone: '13500009001',
      initialPassword: 'Init#Pass2026',
      role: 'community_secretary',
      nodeId: village,
    });
    expect(staff.status, staff.text).toBe(201);
    const secretary = await h.app.client().login('13500009001', 'Init#Pass2026');
    const affairs = await secretary.post('/api/notices', {
      nodeId: village,
      category: 'affairs_public',
      title: '桃源村2026年第三季度村务公开',
      body: '集体经济收入 42.6 万元，修缮老祠堂支出 8.3 万元。',
    });
    expect(affairs.status, affairs.text).toBe(201);

    const s = await newPage(h, PHONE, { mobile: true });
    const p = s.page;
    await p.goto(`${h.base}/hometown/${village}`);
    await p.getByTestId('hometown-village').getByText('加入桃源村乡愁乡音').waitFor();
    await p.getByTestId('hometown-name').fill('陶小梅');
    await p.getByTestId('hometown-phone').fill('13700001111');
    await p.getByTestId('hometown-password').fill('Hometown#2026');
    await p.getByTestId('hometown-tie').getByText('在本村出生').click();
    await p.getByTestId('hometown-lives-in').fill('深圳市南山区');
    await p.getByTestId('hometown-note').fill('在外工作十年，想念家乡');
    await settle(p);
    await shot(p, 'phone-hometown-join');
    await p.getByTestId('hometown-submit').click();
    await p.waitForURL(/\/applications$/);
    await expect
      .poll(() => p.locator('[data-testid="affiliation-item"][data-kind="hometown"]').getAttribute('data-status'))
      .toBe('pending');

    const queue = await secretary.get<{ items: { id: string; version: number }[] }>(
      `/api/communities/${village}/affiliations?kind=hometown&status=pending`,
    );
    const [request] = queue.body.items;
    const ok = await secretary.post(`/api/affiliations/${request!.id}/decide`, {
      decision: 'approve',
      version: request!.version,
    });
    expect(ok.status, ok.text).toBe(200);

    await p.reload();
    await p.getByTestId('affiliation-enter').click();
    await p.getByTestId('hometown-affair').getByText('桃源村2026年第三季度村务公开').waitFor();
    await p.getByTestId('hometown-post').click();
    await p.getByTestId('post-form-title').fill('给村里小学捐一批图书');
    await p.getByTestId('post-form-body').fill('我在深圳联系了几位老乡，年前寄回去。');
    await p.getByTestId('post-form-submit').click();
    await p.getByTestId('post-detail').waitFor();
    await p.goto(`${h.base}/`);
    await p.waitForURL(/\/hometown\/\d+\/board$/);
    await p.getByTestId('hometown-posts').getByText('给村里小学捐一批图书').waitFor();
    await settle(p);
    await shot(p, 'phone-hometown-board');
    await s.context.close();
  });
});
