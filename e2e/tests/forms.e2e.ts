import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// 褚卫东 (street staff of 青松街道) sends a form with 6 bound and 2 unbound fields to 银杏社区's 第一网格 and to
// 梧桐社区; 李强 (grid worker, 第一网格) sees the 6 pre-filled on his phone, fills the 2, the draft survives a
// reload, he submits; the street's burden meter counts the pre-filled fields.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const FIELDS = [
  { key: 'people', label: '实有人口', type: 'number', binding: { kind: 'people' } },
  { key: 'households', label: '户数', type: 'number', binding: { kind: 'households' } },
  { key: 'elderly', label: '60岁以上人数', type: 'number', binding: { kind: 'age_count', minAge: 60 } },
  { key: 'alone', label: '独居老人人数', type: 'number', binding: { kind: 'tag_count', tag: 'elderly_alone' } },
  { key: 'party', label: '党员人数', type: 'number', binding: { kind: 'tag_count', tag: 'party_member' } },
  { key: 'area', label: '住房总面积(㎡)', type: 'number', binding: { kind: 'floor_area' } },
  { key: 'heating', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'], required: true },
  { key: 'note', label: '取暖困难说明', type: 'text', required: true, showIf: { field: 'heating', equals: '无' } },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('data collection on a phone', () => {
  it('pre-filled fields, two typed, draft kept across a reload, submitted; the burden meter counts it', async () => {
    const street = await h.app.as('13800000011');
    const tree = await street.get<{ nodes: { id: string; name: string; parentId: string | null; type: string }[] }>(
      '/api/org/tree',
    );
    const byName = (n: string) => tree.body.nodes.find((x) => x.name === n && x.type !== 'room')!;
    const A = byName('银杏社区');
    const grid1 = tree.body.nodes.find((x) => x.parentId === A.id && x.name === '第一网格')!;
    const form = await street.post<{ id: string; version: number }>('/api/forms', {
      ownerNodeId: byName('青松街道').id,
      title: '冬季取暖摸底',
      fields: FIELDS,
    });
    expect(form.status, form.text).toBe(201);
    const sent = await street.post(`/api/forms/${form.body.id}/send`, {
      version: form.body.version,
      targetNodeIds: [grid1.id, byName('梧桐社区').id],
      deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    });
    expect(sent.status, sent.text).toBe(201);

    const { page: r } = await newPage(h, PHONE, { mobile: true });
    await r.goto(`${h.base}/login`);
    await r.getByTestId('login-phone').fill('13800000004');
    await r.getByTestId('login-password').fill('Linli@2026');
    await r.getByTestId('login-submit').click();
    await r.waitForURL((u) => !u.pathname.startsWith('/login'));
    await r.goto(`${h.base}/form-tasks`);
    const item = r.locator('[data-testid^="form-task-"]').first();
    await item.waitFor();
    await shot(r, 'forms-tasks-phone');
    await item.click();
    await r.getByTestId('form-fill').waitFor();
    await poll(() => r.locator('[data-testid^="form-bound-"]').count()).toBe(6);
    await poll(() => r.getByTestId('form-bound-people').textContent()).toMatch(/^\d+/);
    expect(await r.getByTestId('form-field-note').count()).toBe(0);
    await shot(r, 'forms-fill-prefilled-phone');
    await r.getByTestId('form-input-heating').getByText('无', { exact: true }).click();
    await r.getByTestId('form-input-note').locator('textarea').first().fill('3号楼两位独居老人家中无取暖');
    await poll(() => r.getByTestId('form-save-state').textContent()).toBe('草稿已保存');
    await r.reload();
    await r.getByTestId('form-fill').waitFor();
    await poll(() => r.getByTestId('form-input-note').locator('textarea').first().inputValue()).toBe(
      '3号楼两位独居老人家中无取暖',
    );
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    await shot(r, 'forms-fill-typed-phone');
    await r.getByTestId('form-submit').click();
    await r.getByText('已提交,如需修改请联系发起方退回').waitFor();
    expect(await r.getByText('已更正').count()).toBe(0);
    await r.evaluate(() => window.scrollTo(0, 0));
    await shot(r, 'forms-fill-submitted-phone');

    const burden = await street.get<{ total: { prefilled: number; typed: number; answeredTasks: number } }>(
      `/api/forms/${form.body.id}/burden`,
    );
    // Submitted: 6 pre-filled + 2 typed; pending 梧桐社区: 6 pre-filled + 2 asked.
    expect(burden.body.total).toMatchObject({ answeredTasks: 1, prefilled: 12, typed: 4 });
    const xlsx = await street.get(`/api/forms/${form.body.id}/export`);
    expect(xlsx.status).toBe(200);
  });
});

describe('data collection in the console', () => {
  it('the street designs a form, the duplicate check offers the registry, sends it and follows the board', async () => {
    const { page: p } = await newPage(h, DESKTOP);
    await p.goto(`${h.base}/console/login`);
    await p.getByTestId('login-phone').fill('13800000011');
    await p.getByTestId('login-password').fill('Linli@2026');
    await p.getByTestId('login-submit').click();
    await p.getByTestId('node-switcher').waitFor();
    await p.getByTestId('menu-collection').click();
    await p.getByTestId('collection-page').waitFor();
    await p.getByTestId('collection-design').click();
    await p.getByTestId('designer-title').fill('老旧小区加装电梯意向');
    await p.getByTestId('designer-label-0').fill('辖区户数');
    await p.getByTestId('designer-add').click();
    await p.getByTestId('designer-label-1').fill('加装意向说明');
    await p.getByTestId('designer-check').click();
    await p.getByTestId('designer-reuse-0').click();
    await shot(p, 'forms-designer-desktop');
    await p.getByTestId('designer-save').click();
    // The designer drawer must be gone (its closing animation still covers the page) before the results card.
    await p.getByTestId('designer-title').waitFor({ state: 'detached' });
    await p.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
    await p.getByTestId('collection-results').waitFor();
    await p.getByTestId('collection-targets').click();
    await p.keyboard.type('香樟社区');
    await p.keyboard.press('Enter');
    await p.getByTestId('collection-results').locator('.ant-card-head').click();
    await p.getByTestId('collection-deadline').fill('2030-01-01T12:00');
    await p.getByTestId('collection-send').click();
    await p.getByTestId('collection-board').getByText('待填报').waitFor();
    await poll(() => p.getByTestId('collection-burden').textContent()).toContain('1 / 2');
    await shot(p, 'forms-console-board-desktop');
  });
});
