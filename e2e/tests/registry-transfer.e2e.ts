import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, shot, startHarness } from '../support/linli.ts';

// 孙丽 (secretary of 银杏社区) moves 周敏's household to 海棠社区 (迁出); 冯晓燕 (secretary of 海棠社区) accepts it
// into an empty room of hers (迁入) and reads the members' history, which came along.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function consoleAs(phone: string): Promise<Page> {
  const { page } = await newPage(h, DESKTOP);
  await page.goto(`${h.base}/console/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-password').fill('Linli@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('node-switcher').waitFor();
  return page;
}

/** An empty room of 海棠社区, titled as the room picker shows it ("2号楼 1单元 101室"). */
async function emptyRoomOfD(): Promise<string> {
  const r = await sql<{ label: string }>`
    SELECT concat_ws(' ', b.name, u.name, r.name) AS label
    FROM org_node r JOIN org_node u ON u.id = r.parent_id JOIN org_node b ON b.id = u.parent_id
    JOIN org_node c ON c.id = r.community_id
    WHERE c.name = '海棠社区' AND r.type = 'room' AND u.type = 'unit'
      AND NOT EXISTS (SELECT 1 FROM household x WHERE x.address_node_id = r.id)
    ORDER BY r.path LIMIT 1`.execute(h.app.database.db);
  return r.rows[0]!.label;
}

describe('moving a household to another community', () => {
  it('孙丽 sends 周敏’s household to 海棠社区; 冯晓燕 accepts it and sees its history', async () => {
    // Some history to carry along: 孙丽 corrected 周敏's phone number earlier.
    const api = await h.app.as('13800000003');
    const found = await api.get<{ items: { id: string; name: string }[] }>(
      `/api/registry/people?q=${encodeURIComponent('周敏')}`,
    );
    const zhou = found.body.items.find((p) => p.name === '周敏')!;
    const card = await api.get<{ version: number }>(`/api/registry/people/${zhou.id}`);
    const edit = await api.request('PATCH', `/api/registry/people/${zhou.id}`, {
      version: card.body.version,
      phone: '13800000005',
      residenceStatus: 'registered',
      reason: '入户走访核实',
    });
    expect(edit.status, edit.text).toBe(200);
    const a = await consoleAs('13800000003');
    await a.getByTestId('menu-registry').click();
    await a.getByTestId('registry-page').waitFor();
    const tree = a.getByTestId('registry-tree');
    for (const name of ['第一网格', '1号楼', '1单元', '302室']) await tree.getByText(name, { exact: true }).click();
    await poll(() => a.getByTestId('registry-household-0').textContent()).toContain('周敏');
    const moveWithin = a.getByTestId('registry-household-0').locator('[data-testid^="registry-move-"]');
    expect(await moveWithin.count()).toBe(1);
    await a.getByTestId('registry-household-0').locator('[data-testid^="registry-transfer-"]').click();
    const community = a.getByTestId('registry-transfer-community');
    await community.click();
    await a.keyboard.type('海棠');
    await a.locator('.ant-select-item-option', { hasText: '海棠社区' }).click();
    await a.getByTestId('registry-transfer-reason').fill('在海棠社区购房,全家迁居');
    await shot(a, 'registry-transfer-out-desktop');
    await a.getByTestId('registry-transfer-save').click();
    await a.getByText('已提交迁出申请,等待迁入社区接收').waitFor();
    // While it waits to be accepted, neither move is offered again.
    await poll(() => moveWithin.count()).toBe(0);
    // The outgoing record: pending, and the household cannot be changed meanwhile.
    await a.getByTestId('registry-transfers').getByText('本社区迁出记录').click();
    await poll(() => a.getByTestId('registry-transfers-outgoing').textContent()).toContain('待接收');
    await shot(a, 'registry-transfer-outgoing-desktop');

    const d = await consoleAs('13800000010');
    await d.getByTestId('menu-registry').click();
    const incoming = d.getByTestId('registry-transfers-incoming');
    await poll(() => incoming.textContent()).toContain('银杏社区');
    expect(await incoming.textContent()).toContain('周敏');
    await shot(d, 'registry-transfer-incoming-desktop');
    await incoming.locator('[data-testid^="registry-transfer-accept-"]').click();
    const room = await emptyRoomOfD();
    await d.getByTestId('registry-transfer-accept-room').click();
    await d.keyboard.type(room);
    await d.locator('.ant-select-tree-node-content-wrapper', { hasText: room }).click();
    await d.getByTestId('registry-transfer-accept-save').click();
    await d.getByText(`已接收,该户已迁入 ${room}`).waitFor();
    await poll(() => incoming.textContent()).toContain('已迁入');
    await shot(d, 'registry-transfer-accepted-desktop');
    // The members are hers now: the card and the history that came with them.
    await incoming.getByTestId('registry-transfer-member-周敏').click();
    const history = d.locator('.ant-drawer');
    await poll(() => history.textContent()).toContain('迁入(在海棠社区购房,全家迁居)');
    expect(await history.textContent()).toContain('银杏社区');
    expect(await history.textContent()).toContain('入户走访核实');
    await shot(d, 'registry-transfer-history-desktop');
    // And she finds them by name; 孙丽 no longer does.
    await d.keyboard.press('Escape');
    await d.getByTestId('registry-search').locator('input').fill('周敏');
    await d.getByTestId('registry-search').locator('input').press('Enter');
    await poll(() => d.getByTestId('registry-people').textContent()).toContain(room);
    await a.reload();
    await a.getByTestId('registry-search').locator('input').fill('周敏');
    await a.getByTestId('registry-search').locator('input').press('Enter');
    await a.getByTestId('registry-people').locator('.ant-empty').waitFor();
    // 孙丽 still reads what her community recorded, marked as moved out and read-only.
    await a.getByTestId('registry-transfers').getByText('本社区迁出记录').click();
    await poll(() => a.getByTestId('registry-transfers-outgoing').textContent()).toContain('已迁入');
    await a.getByTestId('registry-transfers-outgoing').getByTestId('registry-transfer-member-周敏').click();
    await a.getByTestId('registry-moved-out').waitFor();
    expect(await a.getByTestId('registry-person-edit').count()).toBe(0);
    await poll(() => a.getByTestId('registry-history').textContent()).toContain('迁出(在海棠社区购房,全家迁居)');
    await shot(a, 'registry-transfer-moved-out-desktop');
  });
});
