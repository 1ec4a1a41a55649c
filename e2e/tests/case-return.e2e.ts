import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type Harness, newPage, startHarness } from '../support/linli.ts';

// A department returns a case it should not handle (回退, with a reason); the street dispatcher redispatches it
// to the right department, whose staff sign for it. The case reaches the department stage through the API.

/** Commands round-trip through the server; allow for a busy machine. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
let caseId = '';
let caseNo = '';

interface Detail {
  id: string;
  no: string;
  version: number;
  status: string;
  departmentsServing: { id: string; name: string }[];
}

beforeAll(async () => {
  h = await startHarness();
  const resident = await h.app.as('13800000005');
  const me = await resident.get<{ me: { grants: { role: string; nodeId: string }[] } }>('/api/auth/me');
  const home = me.body.me.grants.find((g) => g.role === 'resident')!.nodeId;
  const cats = await resident.get<{ items: { id: string; code: string }[] }>('/api/case-categories');
  const categoryId = cats.body.items.find((c) => c.code === 'SQ07')!.id;
  const created = await resident.post<Detail>('/api/cases', {
    categoryId,
    placeId: home,
    description: '小区健身器材单杠断裂,存在安全隐患',
    source: 'app',
  });
  expect(created.status, created.text).toBe(201);
  let c = created.body;
  caseId = c.id;
  caseNo = c.no;
  const run = async (phone: string, body: Record<string, unknown>) => {
    const client = await h.app.as(phone);
    const res = await client.post<Detail>(`/api/cases/${caseId}/commands`, { version: c.version, ...body });
    expect(res.status, res.text).toBe(200);
    c = res.body;
  };
  await run('13800000003', { type: 'accept' });
  await run('13800000003', { type: 'escalate', note: '器材属区管设施,社区无法维修' });
  await run('13800000002', { type: 'register' });
  const cgj = c.departmentsServing.find((d) => d.name === '区城市管理行政执法局')!;
  const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await run('13800000002', { type: 'dispatch', assignments: [{ departmentId: cgj.id, deadline }] });
  expect(c.status).toBe('dispatched');
});
afterAll(() => h?.close());

async function consoleAs(phone: string) {
  const s = await newPage(h, DESKTOP);
  await s.page.goto(`${h.base}/console/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.getByTestId('node-switcher').waitFor();
  return s;
}

const statusOf = (page: Page) => page.getByTestId('case-page').getAttribute('data-status');
const assignment = (page: Page, name: string) => page.getByTestId(`case-assignment-${name}`);

describe('return and redispatch', () => {
  it('郑伟 returns with a reason, 钱芳 redispatches to 区建设和管理委员会, 蒋涛 accepts', async () => {
    // 1. The city-management bureau returns it: not theirs.
    const dept = await consoleAs('13800000007');
    const z = dept.page;
    await z.getByTestId('menu-cases').click();
    await z.getByTestId(`case-row-${caseNo}`).getByTestId('case-open').click();
    await z.getByTestId('case-page').waitFor();
    await z.getByTestId('case-action-returnAssignment').click();
    await z.getByTestId('case-cmd-confirm').click();
    // The reason is required: the modal stays open and says so.
    await z.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await z.getByTestId('case-cmd-modal').isVisible()).toBe(true);
    await z.getByTestId('case-cmd-note').fill('健身器材归区建委管理,请改派');
    await z.getByTestId('case-cmd-confirm').click();
    await poll(() => statusOf(z)).toBe('registered');
    expect(await assignment(z, '区城市管理行政执法局').getAttribute('data-status')).toBe('returned');
    expect(await z.getByTestId('case-no-actions').count()).toBe(1);
    await dept.context.close();

    // 2. The dispatcher sees the reason and redispatches to the construction commission.
    const disp = await consoleAs('13800000002');
    const d = disp.page;
    await d.goto(`${h.base}/console/cases/${caseId}`);
    await d.getByTestId('case-page').waitFor();
    expect(await assignment(d, '区城市管理行政执法局').getByTestId('case-assignment-reason').textContent()).toContain(
      '请改派',
    );
    const returned = d.getByTestId('timeline-entry').and(d.locator('[data-type="returnAssignment"]'));
    expect(await returned.getByTestId('timeline-note').textContent()).toContain('区建委');
    await d.getByTestId('case-action-dispatch').click();
    await d.getByTestId('dispatch-modal').waitFor();
    await d.getByTestId('dispatch-dept-区建设和管理委员会').click();
    await poll(() => d.getByTestId('dispatch-deadline-区建设和管理委员会').inputValue()).not.toBe('');
    await d.getByTestId('dispatch-confirm').click();
    await poll(() => statusOf(d)).toBe('dispatched');
    expect(await assignment(d, '区建设和管理委员会').getAttribute('data-status')).toBe('dispatched');
    await disp.context.close();

    // 3. 蒋涛 of the commission signs for it.
    const jsw = await consoleAs('13800000012');
    const j = jsw.page;
    // The commission serves both streets: act for 青松街道, where the case is.
    if (!(await j.getByTestId('node-switcher').textContent())?.includes('青松街道')) {
      await j.getByTestId('node-switcher').click();
      await j.getByTestId('node-switcher-option-青松街道').click();
      await poll(() => j.getByTestId('node-switcher').textContent()).toContain('青松街道');
    }
    await j.getByTestId('menu-cases').click();
    await j.getByTestId(`case-row-${caseNo}`).getByTestId('case-open').click();
    await j.getByTestId('case-page').waitFor();
    expect(await j.getByTestId('case-action-returnAssignment').count()).toBe(1);
    await j.getByTestId('case-action-acceptAssignment').click();
    await j.getByTestId('case-cmd-confirm').click();
    await j.waitForTimeout(3000);
    console.log(
      'DEBUG',
      (await j.getByTestId('case-cmd-error').count())
        ? await j.getByTestId('case-cmd-error').textContent()
        : 'no-error',
      await j.getByTestId('case-conflict').count(),
      await j.getByTestId('case-cmd-modal').count(),
    );
    await poll(() => assignment(j, '区建设和管理委员会').getAttribute('data-status')).toBe('accepted');
    expect(await statusOf(j)).toBe('dispatched');
    expect(await j.getByTestId('case-action-handle').count()).toBe(1);
    await jsw.context.close();
  });
});
