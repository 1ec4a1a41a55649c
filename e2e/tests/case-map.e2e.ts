import { geo } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, shot, startHarness } from '../support/linli.ts';

// 诉求地图: the street dispatcher opens the case map. It draws community, grid and building outlines and the
// cases as SLA-coloured points with no tile server: every request the page makes stays on 127.0.0.1.

interface MapAnswer {
  outlines: { id: string; name: string; type: string; geometry: geo.Polygon }[];
  cases: { id: string; colour: string; pinned: boolean }[];
}

let h: Harness;
let pinnedId = '';
beforeAll(async () => {
  h = await startHarness();
  // 周敏 reports with a map pin a little north-east of her building's centre.
  const resident = await h.app.as('13800000005');
  const secretary = await h.app.as('13800000003');
  const map = await secretary.get<MapAnswer>('/api/case-map');
  expect(map.status, map.text).toBe(200);
  const building = map.body.outlines.find((o) => o.type === 'building' && o.name === '1号楼')!;
  const [lng, lat] = geo.centroid(building.geometry);
  const cats = await resident.get<{ items: { id: string; code: string }[] }>('/api/case-categories');
  const created = await resident.post<{ id: string }>('/api/cases', {
    categoryId: cats.body.items.find((c) => c.code === 'SQ06')!.id,
    placeId: building.id,
    description: '1号楼东侧路灯不亮,晚上出行不便',
    location: { lat: lat! + 0.0004, lng: lng! + 0.0006 },
  });
  expect(created.status, created.text).toBe(201);
  pinnedId = created.body.id;
});
afterAll(() => h?.close());

async function consoleAs(phone: string) {
  const s = await newPage(h, DESKTOP);
  const requests: string[] = [];
  s.page.on('request', (r) => requests.push(r.url()));
  await s.page.goto(`${h.base}/console/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.getByTestId('node-switcher').waitFor();
  return { ...s, requests };
}

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
}

const count = (page: Page, selector: string) => page.locator(selector).count();

describe('case map', () => {
  it('the dispatcher sees outlines and SLA-coloured cases, drawn without a tile server', async () => {
    const { page, context, requests } = await consoleAs('13800000002');
    await page.getByTestId('menu-caseMap').click();
    await page.waitForURL(/\/console\/case-map/);
    await page.getByTestId('case-map-canvas').waitFor();
    // 青松街道's three communities, their grids and buildings.
    await expect.poll(() => count(page, '[data-testid=case-map-outline][data-type=community]')).toBe(3);
    expect(await count(page, '[data-testid=case-map-outline][data-type=grid]')).toBe(6);
    expect(await count(page, '[data-testid=case-map-outline][data-type=building]')).toBeGreaterThanOrEqual(12);
    for (const name of ['银杏社区', '梧桐社区', '香樟社区'])
      expect(await page.locator('.case-map-label-community', { hasText: name }).count()).toBe(1);

    // Markers: as many as the summary says, the new pinned one among them, coloured by SLA.
    const markers = page.locator('[data-testid=case-map-marker]');
    await expect.poll(() => markers.count()).toBeGreaterThan(1);
    const shown = Number(await page.getByTestId('case-map-summary').getAttribute('data-count'));
    expect(await markers.count()).toBe(shown);
    const pinned = page.locator(`[data-testid=case-map-marker][data-case-id="${pinnedId}"]`);
    expect(await pinned.getAttribute('data-pinned')).toBe('true');
    expect(await pinned.getAttribute('data-colour')).toBe('ok');
    const fill = await pinned.getAttribute('fill');
    expect(fill).toBe('#52c41a');
    await page.getByTestId('case-map-legend').waitFor();

    await settle(page);
    await shot(page, 'desktop-case-map');

    // Nothing left 127.0.0.1: no tiles, fonts or scripts from anywhere else.
    const outside = requests.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1',
    );
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.includes('/api/case-map'))).toBe(true);

    // A box filter narrows the points: the street's 待签收 holds escalated cases, not the new submission.
    await page.getByTestId('case-map-box').click();
    await page.getByTestId('case-map-box-option-to_accept').click();
    await page.waitForURL(/box=to_accept/);
    await expect.poll(() => pinned.count()).toBe(0);
    expect(Number(await page.getByTestId('case-map-summary').getAttribute('data-count'))).toBeLessThan(shown);
    await page.getByTestId('case-map-box').click();
    await page.getByTestId('case-map-box-option-all').click();
    await expect.poll(() => pinned.count()).toBe(1);
    // Its popup opens the case page.
    await pinned.click({ force: true });
    await page.getByTestId('case-map-popup').waitFor();
    expect(await page.getByTestId('case-map-popup').textContent()).toContain('1号楼东侧路灯不亮');
    await page.getByTestId('case-map-popup-open').click();
    await page.waitForURL(new RegExp(`/console/cases/${pinnedId}$`));
    await page.getByTestId('case-page').waitFor();
    await context.close();
  });

  it('a grid worker sees only their own grid', async () => {
    const { page, context } = await consoleAs('13800000004');
    await page.getByTestId('menu-caseMap').click();
    await expect.poll(() => count(page, '[data-testid=case-map-outline][data-type=grid]')).toBe(1);
    expect(await count(page, '[data-testid=case-map-outline][data-type=community]')).toBe(0);
    await context.close();
  });
});
