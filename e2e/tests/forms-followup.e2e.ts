import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, PHONE, shot, startHarness } from '../support/linli.ts';

// 赵明 (district) asks 第一网格 for its list of elderly people living alone and their count; 李强 (grid worker)
// is notified on his phone, strikes one name and types the count differently. 孙丽 (secretary of 银杏社区) opens
// 采集更正确认 in the console: the list is written back to the registry, the count sent for verification. A
// second form stays open at 第二网格 and 赵明 reminds it (催办) from the completion board.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
type Row = { name: string; address: string };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function signIn(p: Page, phone: string, console = true) {
  await p.goto(`${h.base}${console ? '/console' : ''}/login`);
  await p.getByTestId('login-phone').fill(phone);
  await p.getByTestId('login-password').fill('Linli@2026');
  await p.getByTestId('login-submit').click();
  if (console) await p.getByTestId('node-switcher').waitFor();
  else await p.waitForURL((u) => !u.pathname.startsWith('/login'));
}
const widthOk = (p: Page, max: number) => p.evaluate(() => document.documentElement.scrollWidth).then((w) => w <= max);

describe('data collection follow-up', () => {
  it('notifies the worker, the committee confirms corrections, the requester reminds an open target', async () => {
    const admin = await h.app.as('13800000001');
    const tree = await admin.get<{ nodes: { id: string; name: string; parentId: string | null; type: string }[] }>(
      '/api/org/tree',
    );
    const byName = (n: string) => tree.body.nodes.find((x) => x.name === n && x.type !== 'room')!;
    const A = byName('银杏社区');
    const grid = (n: string) => tree.body.nodes.find((x) => x.parentId === A.id && x.name === n)!;
    const form = await admin.post<{ id: string; version: number }>('/api/forms', {
      ownerNodeId: byName('临江区').id,
      title: '独居老人核查',
      fields: [
        {
          key: 'alone_list',
          label: '独居老人名单',
          type: 'table',
          columns: [
            { key: 'name', label: '姓名', type: 'text' },
            { key: 'address', label: '住址', type: 'text' },
          ],
          binding: { kind: 'tag_list', tag: 'elderly_alone' },
        },
        { key: 'alone', label: '独居老人人数', type: 'number', binding: { kind: 'tag_count', tag: 'elderly_alone' } },
        { key: 'note', label: '说明', type: 'text' },
      ],
    });
    expect(form.status, form.text).toBe(201);
    const deadline = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const sent = await admin.post<{ tasks: { taskId: string }[] }>(`/api/forms/${form.body.id}/send`, {
      version: form.body.version,
      targetNodeIds: [grid('第一网格').id],
      deadline,
    });
    expect(sent.status, sent.text).toBe(201);
    await h.app.dispatch();

    // The worker's phone: the notice links to the task.
    const { page: w } = await newPage(h, PHONE, { mobile: true });
    await signIn(w, '13800000004', false);
    await w.goto(`${h.base}/notifications`);
    await w.getByText('新的数据采集任务《独居老人核查》', { exact: false }).first().waitFor();
    expect(await widthOk(w, PHONE.width + 1)).toBe(true);
    await shot(w, 'forms-followup-notice-phone');

    // He strikes the first name and counts one more (through the API: the phone page is covered elsewhere).
    const worker = await h.app.as('13800000004');
    const id = sent.body.tasks[0]!.taskId;
    const task = (
      await worker.get<{ version: number; prefill: { alone_list: Row[]; alone: number } }>(`/api/form-tasks/${id}`)
    ).body;
    const struck = task.prefill.alone_list[0]!;
    const sub = await worker.post(`/api/form-tasks/${id}/submit`, {
      version: task.version,
      answers: { alone_list: task.prefill.alone_list.slice(1), alone: task.prefill.alone + 1 },
    });
    expect(sub.status, sub.text).toBe(200);
    await h.app.dispatch();

    // The secretary confirms in the console.
    const { page: c } = await newPage(h, DESKTOP);
    await signIn(c, '13800000003');
    await c.getByRole('menuitem', { name: '采集更正确认' }).click();
    await c.getByTestId('corrections-page').waitFor();
    const listRow = c.getByTestId(`correction-${id}-alone_list`);
    await listRow.waitFor();
    await poll(() => listRow.textContent()).toContain(`− ${struck.name}`);
    expect(await widthOk(c, DESKTOP.width)).toBe(true);
    // The table fades in once loaded: wait for it to be fully drawn before the screenshot.
    await poll(() =>
      c
        .locator('.ant-spin-container')
        .first()
        .evaluate((e) => getComputedStyle(e).opacity),
    ).toBe('1');
    await shot(c, 'forms-followup-corrections-desktop');
    await listRow.getByTestId('correction-apply').click();
    await c.getByText('已写回数据库').first().waitFor();
    const countRow = c.getByTestId(`correction-${id}-alone`);
    await countRow.getByTestId('correction-verify').click();
    await c.getByText('已发起核实').first().waitFor();
    await c.getByTestId('corrections-status').getByText('已处理').click();
    await c.getByText(`取消标签:${struck.name}`).waitFor();
    await shot(c, 'forms-followup-decided-desktop');
    // The same page on a phone: the table scrolls inside itself, the page does not overflow.
    const { page: m } = await newPage(h, PHONE, { mobile: true });
    await signIn(m, '13800000003');
    await m.goto(`${h.base}/console/form-corrections`);
    await m.getByTestId('corrections-status').getByText('已处理').click();
    await m.getByTestId(`correction-${id}-alone`).waitFor();
    expect(await widthOk(m, PHONE.width + 1)).toBe(true);
    await shot(m, 'forms-followup-decided-phone');

    // A second form stays open at 第二网格: the requester reminds it from the board.
    const f2 = await admin.post<{ id: string; version: number }>('/api/forms', {
      ownerNodeId: byName('临江区').id,
      title: '冬季取暖摸底',
      fields: [{ key: 'heating', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'] }],
    });
    const s2 = await admin.post<{ tasks: { taskId: string }[] }>(`/api/forms/${f2.body.id}/send`, {
      version: f2.body.version,
      targetNodeIds: [grid('第二网格').id],
      deadline,
    });
    expect(s2.status, s2.text).toBe(201);
    const { page: d } = await newPage(h, DESKTOP);
    await signIn(d, '13800000001');
    await d.goto(`${h.base}/console/collection?form=${f2.body.id}`);
    const urge = d.getByTestId(`collection-urge-${s2.body.tasks[0]!.taskId}`);
    await urge.click();
    await d.getByText('已催办 1 人').waitFor();
    await poll(() => urge.isDisabled()).toBe(true);
    await shot(d, 'forms-followup-urge-desktop');
  });
});
