import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type Harness,
  shot,
  consoleAs as signInConsole,
  phoneAs as signInPhone,
  startHarness,
} from '../support/linli.ts';

// A building-scoped owners' vote (art. 278, secret ballot) in the browser: the committee drafts and opens it
// on the console, two owners of 1号楼 vote on their phones, one checks their receipt, the committee closes it
// and sees the result with every threshold (participation and approval, by head count and by floor area).

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const TITLE = '1号楼外墙维修使用专项维修资金';
const SECOND_OWNER = '13700009901';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Test data the registry would hold: 周敏's room and a second owner's room in 1号楼, owner-occupied with
  // registered floor areas; the second owner's account shares the demo password (its hash is copied).
  const db = h.app.database.db;
  const zhou = (
    await sql<{ room: string; community: string; hash: string }>`
      SELECT h.address_node_id::text AS room, p.community_id::text AS community, u.password_hash AS hash
      FROM app_user u JOIN person p ON p.user_id = u.id JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
      WHERE u.phone = '13800000005'`.execute(db)
  ).rows[0]!;
  const building = (
    await sql<{
      path: string;
    }>`SELECT b.path FROM org_node r JOIN org_node b ON r.path LIKE b.path || '%' AND b.type = 'building'
      WHERE r.id = ${zhou.room}`.execute(db)
  ).rows[0]!.path;
  const room = (
    await sql<{
      id: string;
      name: string;
    }>`SELECT r.id::text, r.name FROM org_node r WHERE r.type = 'room' AND r.path LIKE ${`${building}%`}
      AND NOT EXISTS (SELECT 1 FROM household h WHERE h.address_node_id = r.id) ORDER BY r.path LIMIT 1`.execute(db)
  ).rows[0]!;
  const now = new Date();
  const userId = randomUUID();
  const household = randomUUID();
  await sql`INSERT INTO app_user (id, phone, name, password_hash, password_changed_at, created_at)
    VALUES (${userId}, ${SECOND_OWNER}, '刘建华', ${zhou.hash}, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO role_grant (id, user_id, role, node_id, created_at) VALUES (${randomUUID()}, ${userId}, 'resident', ${room.id}, ${now})`.execute(
    db,
  );
  await sql`INSERT INTO household (community_id, id, address_node_id, address_text, created_at)
    VALUES (${zhou.community}, ${household}, ${room.id}, ${room.name}, ${now})`.execute(db);
  await sql`INSERT INTO person (community_id, id, household_id, user_id, name, relation, id_cipher, id_blind, id_masked, sex, birth_date, created_at)
    VALUES (${zhou.community}, ${randomUUID()}, ${household}, ${userId}, '刘建华', 'head', 'x', 'e2e-votes-liu', '310***********0011', 'M', '1975-03-02', ${now})`.execute(
    db,
  );
  for (const [id, area] of [
    [zhou.room, '89.50'],
    [room.id, '120.00'],
  ])
    await sql`INSERT INTO housing_unit (community_id, node_id, floor_area, ownership, updated_at)
      VALUES (${zhou.community}, ${id}, ${area}::numeric, 'owner_occupied', ${now})
      ON CONFLICT (community_id, node_id) DO UPDATE SET floor_area = EXCLUDED.floor_area, ownership = 'owner_occupied'`.execute(
      db,
    );
});
afterAll(() => h?.close());

const consoleAs = async (phone: string) => (await signInConsole(h, phone)).page;

const phoneAs = async (phone: string) => (await signInPhone(h, phone)).page;

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .adm-spin-loading, .ant-card-loading'));
  await page.waitForTimeout(400);
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** A resident opens the vote from the home page's card and votes for an option, confirming the dialog. */
async function vote(page: Page, option: string) {
  await page.getByTestId('home-votes').click();
  await page.getByTestId('votes-item').filter({ hasText: TITLE }).click();
  await page.getByTestId('vote-ballot').waitFor();
  await page.getByTestId('vote-options').getByText(option, { exact: true }).click();
  await page.getByTestId('vote-submit').click();
  await page.locator('.adm-dialog').getByRole('button', { name: '确定' }).click();
  await page.getByTestId('vote-voted').waitFor();
  await page.getByTestId('vote-receipt').waitFor();
  await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
}

describe('an owners’ vote in one building', () => {
  it('committee drafts and opens it, two owners vote on phones, one checks the receipt, the result shows every threshold', async () => {
    const a = await consoleAs('13800000003');
    await a.getByTestId('menu-votes').click();
    await a.getByTestId('votes-create').click();
    await a.getByTestId('vote-form-title').fill(TITLE);
    await a.getByTestId('vote-form-question').fill('1号楼外墙渗水,拟使用专项维修资金进行维修,是否同意?');
    await pick(a, 'vote-form-electorate', '范围内业主');
    await pick(a, 'vote-form-scope', '1号楼');
    // A multiple select stays open after a choice; clicking elsewhere closes it.
    await a.getByTestId('vote-form-question').click();
    // Two dropdowns may still be animating out at once, so count rather than wait on one locator.
    await poll(() => a.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await pick(a, 'vote-form-preset', '重大事项');
    await settle(a);
    await shot(a, 'desktop-votes-form');
    await a.getByTestId('vote-form-submit').click();
    await a.getByTestId('vote-manage').waitFor();
    await poll(() => a.getByTestId('vote-status').textContent()).toBe('草稿');
    await a.getByTestId('vote-open').click();
    await a.getByTestId('vote-open-confirm').click();
    await poll(() => a.getByTestId('vote-status').textContent()).toBe('投票中');
    await a.getByTestId('vote-turnout').waitFor();
    await settle(a);
    await shot(a, 'desktop-votes-open');

    const zhou = await phoneAs('13800000005');
    await vote(zhou, '同意');
    const receipt = (await zhou.getByTestId('vote-receipt').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-f]{32}$/);
    await settle(zhou);
    await shot(zhou, 'phone-votes-ballot');
    // 周敏 checks that her receipt is in the chain, typing the code she kept.
    await zhou
      .locator('[data-testid="vote-receipt-input"] input, input[data-testid="vote-receipt-input"]')
      .fill(receipt);
    await zhou.getByTestId('vote-receipt-check').click();
    await poll(() => zhou.getByTestId('vote-receipt-result').textContent()).toContain('已计入投票链');
    await settle(zhou);
    await shot(zhou, 'phone-votes-receipt');

    const liu = await phoneAs(SECOND_OWNER);
    await vote(liu, '反对');

    // The committee watches turnout, then closes the vote.
    await a.reload();
    await poll(() => a.getByTestId('vote-turnout-total').textContent()).toContain('已投 2 / 共');
    await a.getByTestId('vote-close').click();
    await a.getByTestId('vote-close-confirm').click();
    await a.getByTestId('vote-result').waitFor();
    // Two owners of a building with many rooms: participation by head count and area falls short of 2/3.
    expect(await a.getByTestId('vote-adopted').textContent()).toBe('未通过');
    const participation = await a.getByTestId('vote-participation').textContent();
    expect(participation).toContain('人数 2/');
    expect(participation).toContain('≥ 2/3');
    expect(participation).toContain('面积 209.50/');
    expect(participation).toContain('未达到');
    expect(await a.getByTestId('vote-approval').first().textContent()).toContain('≥ 3/4');
    await settle(a);
    await shot(a, 'desktop-votes-result');

    // The resident sees the same result on the phone.
    await zhou.reload();
    await zhou.getByTestId('vote-result').waitFor();
    expect(await zhou.getByTestId('vote-adopted').textContent()).toBe('未通过');
    await settle(zhou);
    await shot(zhou, 'phone-votes-result');
  });
});
