/**
 * Follow-up of data collection tasks (docs/adr/0015-data-collection-forms.md): a send notifies each target's
 * fillers once per person; the clock-driven job reminds them a day before the deadline and on its morning
 * (once per task and stage), then tells the requester which targets are overdue; the requester's 催办 is
 * limited to once an hour per task.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { createForm, type FormView, formNothingWritten, type TaskView } from './forms-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

interface Note {
  kind: string;
  link: string;
  text: string;
  params: Record<string, string | number>;
}

let t: TestApp;
let demo: Demo;
let street: TestClient;
let grid1: string;
let grid2: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  street = await signIn(t, PHONES.streetStaff);
  grid1 = demo.child(demo.A, '第一网格').id;
  grid2 = demo.child(demo.A, '第二网格').id;
});
afterAll(() => t.close());
// Moving the clock ends idle sessions: each test signs the requester in afresh.
beforeEach(async () => {
  street = await signIn(t, PHONES.streetStaff);
});

/** One choice; a key of its own per form (the same fields at the same target would be a refused duplicate). */
const fields = (key: string) => [{ key, label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'] }];
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

async function notes(phone: string, kind: string): Promise<Note[]> {
  const c = await signIn(t, phone);
  const res = await c.get<{ items: Note[] }>('/api/notifications?limit=100');
  expect(res.status, res.text).toBe(200);
  return res.body.items.filter((n) => n.kind === kind);
}

/** 18:00 China time, `days` calendar days after today's (China) date. */
function eveningIn(days: number): Date {
  const day = Math.floor((t.clock.now().getTime() + CHINA) / DAY);
  return new Date((day + days) * DAY - CHINA + 18 * 3_600_000);
}

async function send(form: FormView, targets: string[], deadline: Date) {
  const res = await street.post<{ tasks: { taskId: string; targetNodeId: string }[] }>(`/api/forms/${form.id}/send`, {
    version: form.version,
    targetNodeIds: targets,
    deadline: deadline.toISOString(),
  });
  expect(res.status, res.text).toBe(201);
  await t.dispatch();
  return new Map(res.body.tasks.map((x) => [x.targetNodeId, x.taskId]));
}

describe('new-task notifications', () => {
  it('each target’s fillers hear once per person, with a link to their task on the phone', async () => {
    const form = await createForm(street, demo.street1.id, fields('h1'), '取暖摸底(通知)');
    const before = (await notes(PHONES.committeeA, 'form.assigned')).length;
    const tasks = await send(form, [grid1, grid2], eveningIn(3));
    const w1 = await notes(PHONES.gridWorkerA1, 'form.assigned');
    expect(w1).toHaveLength(1);
    expect(w1[0]).toMatchObject({
      link: `/form-tasks/${tasks.get(grid1)}`,
      params: { title: '取暖摸底(通知)', count: 1 },
    });
    expect(w1[0]!.text).toContain('《取暖摸底(通知)》');
    const w2 = await notes(PHONES.gridWorkerA2, 'form.assigned');
    expect(w2.map((n) => n.link)).toEqual([`/form-tasks/${tasks.get(grid2)}`]);
    // The committee fills community targets, not each grid's.
    expect(await notes(PHONES.committeeA, 'form.assigned')).toHaveLength(before);
  });

  it('a community target notifies its committee; a worker of two targets gets one notice with the count', async () => {
    const form = await createForm(street, demo.street1.id, fields('h2'), '取暖摸底(社区)');
    const secretaryA = (await notes(PHONES.secretaryA, 'form.assigned')).length;
    await send(form, [demo.A.id], eveningIn(3));
    const mine = await notes(PHONES.secretaryA, 'form.assigned');
    expect(mine).toHaveLength(secretaryA + 1);
    expect(mine[0]!.link).toMatch(/^\/form-tasks\/[0-9a-f-]{36}$/);
    // Worker 1 granted a second grid: one notice for both tasks, linking to the list.
    const admin = await signIn(t, PHONES.admin);
    const w1 = await sql<{ id: string }>`SELECT id FROM app_user WHERE phone = ${PHONES.gridWorkerA1}`.execute(
      t.database.db,
    );
    const g = await admin.post('/api/grants', { userId: w1.rows[0]!.id, role: 'grid_worker', nodeId: grid2 });
    expect(g.status, g.text).toBe(201);
    const before = (await notes(PHONES.gridWorkerA1, 'form.assigned')).length;
    const two = await createForm(street, demo.street1.id, fields('h3'), '取暖摸底(两网格)');
    await send(two, [grid1, grid2], eveningIn(3));
    const after = await notes(PHONES.gridWorkerA1, 'form.assigned');
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ link: '/form-tasks', params: { count: 2 } });
  });

  it('a form the registry answers completely notifies nobody', async () => {
    const form = await createForm(street, demo.street1.id, [
      { key: 'people', label: '实有人口', type: 'number', binding: { kind: 'people' } },
    ]);
    const before = (await notes(PHONES.gridWorkerA2, 'form.assigned')).length;
    await send(form, [grid2], eveningIn(3));
    expect(await notes(PHONES.gridWorkerA2, 'form.assigned')).toHaveLength(before);
  });
});

describe('deadline reminders', () => {
  it('a day before and on the morning of the deadline, once per stage; then the requester hears who is late', async () => {
    const form = await createForm(street, demo.street1.id, fields('h4'), '取暖摸底(催报)');
    const deadline = eveningIn(2);
    const tasks = await send(form, [grid1, grid2], deadline);
    const count = async (phone: string) => (await notes(phone, 'form.reminder')).length;
    const [r1, r2] = [await count(PHONES.gridWorkerA2), await count(PHONES.streetStaff)];
    await t.runJobs();
    expect(await count(PHONES.gridWorkerA2)).toBe(r1);

    // 24 h before the deadline (the day before, 18:00).
    t.clock.advance(deadline.getTime() - 24 * 3_600_000 - t.clock.now().getTime() + 60_000);
    await t.runJobs();
    await t.runJobs();
    const day = await notes(PHONES.gridWorkerA2, 'form.reminder');
    expect(day).toHaveLength(r1 + 1);
    expect(day[0]).toMatchObject({ link: `/form-tasks/${tasks.get(grid2)}`, params: { title: '取暖摸底(催报)' } });

    // Grid 2 submits; on the deadline's morning (08:00 China time) only grid 1's worker is reminded.
    const w2 = await signIn(t, PHONES.gridWorkerA2);
    const task = (await w2.get<TaskView>(`/api/form-tasks/${tasks.get(grid2)}`)).body;
    const sub = await w2.post(`/api/form-tasks/${task.id}/submit`, { version: task.version, answers: { h4: '无' } });
    expect(sub.status, sub.text).toBe(200);
    const w1Before = (await notes(PHONES.gridWorkerA1, 'form.reminder')).filter((n) =>
      n.link.includes(tasks.get(grid1)!),
    );
    t.clock.advance(deadline.getTime() - 10 * 3_600_000 - t.clock.now().getTime());
    await t.runJobs();
    await t.runJobs();
    expect(await notes(PHONES.gridWorkerA2, 'form.reminder')).toHaveLength(r1 + 1);
    const w1After = (await notes(PHONES.gridWorkerA1, 'form.reminder')).filter((n) =>
      n.link.includes(tasks.get(grid1)!),
    );
    expect(w1After).toHaveLength(w1Before.length + 1);

    // After the deadline the requester learns which target is overdue — once.
    t.clock.advance(deadline.getTime() - t.clock.now().getTime() + 60_000);
    await t.runJobs();
    await t.runJobs();
    const late = await notes(PHONES.streetStaff, 'form.overdue');
    const ofForm = late.filter((n) => n.params.title === '取暖摸底(催报)');
    expect(ofForm).toHaveLength(1);
    expect(ofForm[0]).toMatchObject({
      params: { count: 1, targets: '第一网格' },
      link: `/console/collection?form=${form.id}`,
    });
    expect(await count(PHONES.streetStaff)).toBe(r2);
    const rows = await sql<{ stage: string; n: string }>`SELECT r.stage, count(*)::text AS n FROM form_reminder r
      JOIN form_task ft ON ft.community_id = r.community_id AND ft.id = r.task_id
      WHERE ft.form_id = ${form.id} GROUP BY r.stage ORDER BY r.stage`.execute(t.database.db);
    expect(rows.rows).toEqual([
      { stage: 'before_24h', n: '2' },
      { stage: 'due_day', n: '1' },
      { stage: 'overdue', n: '1' },
    ]);
  });

  it('a task sent less than a day before its deadline gets no "one day left" reminder', async () => {
    const form = await createForm(street, demo.street1.id, fields('h5'), '取暖摸底(急)');
    const tasks = await send(form, [grid2], new Date(t.clock.now().getTime() + 5 * 3_600_000));
    await t.runJobs();
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM form_reminder
      WHERE task_id = ${tasks.get(grid2)!} AND stage = 'before_24h'`.execute(t.database.db);
    expect(r.rows[0]!.n).toBe('0');
  });
});

describe('催办 (manual reminder)', () => {
  it('the requester reminds a target’s fillers at most once an hour; others cannot', async () => {
    const form = await createForm(street, demo.street1.id, fields('h6'), '取暖摸底(催办)');
    const tasks = await send(form, [grid1, grid2], new Date(t.clock.now().getTime() + 72 * 3_600_000));
    const id = tasks.get(grid1)!;
    const before = (await notes(PHONES.gridWorkerA1, 'form.urged')).length;
    const res = await street.post<{ recipients: number; nextAllowedAt: string }>(`/api/form-tasks/${id}/urge`);
    expect(res.status, res.text).toBe(201);
    expect(res.body.recipients).toBe(1);
    const urged = await notes(PHONES.gridWorkerA1, 'form.urged');
    expect(urged).toHaveLength(before + 1);
    expect(urged[0]!.link).toBe(`/form-tasks/${id}`);
    expect(urged[0]!.text).toContain('催办');
    const sms = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM outbound_message WHERE template = 'form.urged'`.execute(t.database.db);
    expect(Number(sms.rows[0]!.n)).toBeGreaterThan(0);

    expectProblem(
      await formNothingWritten(t, () => street.post(`/api/form-tasks/${id}/urge`)),
      429,
      'form_urge_too_soon',
    );
    t.clock.advanceMinutes(61);
    street = await signIn(t, PHONES.streetStaff);
    // Two clicks at once: the task row is locked, so the second sees the first and is refused.
    const both = await Promise.all([
      street.post(`/api/form-tasks/${id}/urge`),
      street.post(`/api/form-tasks/${id}/urge`),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 429]);

    // Another street role, a worker, and a task already submitted.
    const dispatcher = await signIn(t, PHONES.dispatcher);
    expectProblem(await formNothingWritten(t, () => dispatcher.post(`/api/form-tasks/${id}/urge`)), 404, 'not_found');
    const w1 = await signIn(t, PHONES.gridWorkerA1);
    expectProblem(await formNothingWritten(t, () => w1.post(`/api/form-tasks/${id}/urge`)), 403, 'forbidden');
    const task = (await w1.get<TaskView>(`/api/form-tasks/${id}`)).body;
    expect(
      (await w1.post(`/api/form-tasks/${id}/submit`, { version: task.version, answers: { h6: '无' } })).status,
    ).toBe(200);
    t.clock.advanceMinutes(61);
    street = await signIn(t, PHONES.streetStaff);
    expectProblem(
      await formNothingWritten(t, () => street.post(`/api/form-tasks/${id}/urge`)),
      409,
      'form_task_not_open',
    );
  });
});
