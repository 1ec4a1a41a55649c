/**
 * Corrections from data collection back to the registry (docs/adr/0015-data-collection-forms.md,
 * "Corrections"): the community's committee sees its tasks' corrections and confirms or dismisses each.
 * A corrected list of people is applied through the registry's tag service, with history and audit; a count
 * is sent for verification (信息核实) or acknowledged; dismissing writes nothing to the registry.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { createForm, type FormView, type TaskView } from './forms-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

interface Correction {
  taskId: string;
  taskVersion: number;
  key: string;
  kind: string;
  applicable: boolean;
  registry: unknown;
  answer: unknown;
  communityName: string;
  targetName: string;
  decision: string | null;
  outcome: { added?: string[]; removed?: string[]; unmatched?: { name: string }[]; campaignId?: string } | null;
}
type Row = { name: string; address: string };

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
let form: FormView;
const tasks = new Map<string, string>();
let grid1: string;
let grid2: string;
let dropped: Row;
let added: Row;

const TITLE = '独居老人核查';
const FIELDS = [
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
];

/** Rows of the registry a confirmation may touch (nothing here changes on a dismissal). */
async function registryState() {
  const r = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM person) AS people,
    (SELECT count(*) FROM person_tag) AS tags,
    (SELECT count(*) FROM person_change) AS changes,
    (SELECT count(*) FROM registry_campaign) AS campaigns`.execute(t.database.db);
  return r.rows[0];
}

const hasTag = async (name: string) =>
  (
    await sql<{ n: string }>`SELECT count(*)::text AS n FROM person_tag pt JOIN person p
      ON p.community_id = pt.community_id AND p.id = pt.person_id
      WHERE p.name = ${name} AND pt.tag_code = 'elderly_alone'`.execute(t.database.db)
  ).rows[0]!.n === '1';

const list = async (c: TestClient, status = 'pending') => {
  const res = await c.get<{ items: Correction[] }>(`/api/form-corrections?status=${status}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
};
const url = (taskId: string, key: string, action: 'confirm' | 'dismiss') =>
  `/api/form-corrections/${taskId}/${key}/${action}`;

async function submit(phone: string, taskId: string, answers: (task: TaskView) => Record<string, unknown>) {
  const w = await signIn(t, phone);
  const task = (await w.get<TaskView>(`/api/form-tasks/${taskId}`)).body;
  const res = await w.post<TaskView>(`/api/form-tasks/${taskId}/submit`, {
    version: task.version,
    answers: answers(task),
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
  grid1 = demo.child(demo.A, '第一网格').id;
  grid2 = demo.child(demo.A, '第二网格').id;
  form = await createForm(admin, demo.district.id, FIELDS, TITLE);
  const s = await admin.post<{ tasks: { taskId: string; targetNodeId: string }[] }>(`/api/forms/${form.id}/send`, {
    version: form.version,
    targetNodeIds: [grid1, grid2],
    deadline: new Date(t.clock.now().getTime() + 72 * 3_600_000).toISOString(),
  });
  expect(s.status, s.text).toBe(201);
  for (const x of s.body.tasks) tasks.set(x.targetNodeId, x.taskId);
  // Someone in grid 1 without the tag, whom the worker adds to the list.
  const grid1Path = demo.byId.get(grid1)!.path;
  const r = await sql<Row>`SELECT p.name, h.address_text AS address FROM person p
    JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    JOIN org_node rn ON rn.id = h.address_node_id
    WHERE rn.path LIKE ${`${grid1Path}%`} AND NOT EXISTS (SELECT 1 FROM person_tag pt
      WHERE pt.community_id = p.community_id AND pt.person_id = p.id AND pt.tag_code = 'elderly_alone')
      AND (SELECT count(*) FROM person q WHERE q.name = p.name) = 1
    ORDER BY p.name LIMIT 1`.execute(t.database.db);
  added = r.rows[0]!;
  const done = await submit(PHONES.gridWorkerA1, tasks.get(grid1)!, (task) => {
    const rows = task.prefill.alone_list as Row[];
    expect(rows.length).toBeGreaterThan(0);
    dropped = rows[0]!;
    return {
      alone_list: [...rows.slice(1), added, { name: '查无此人', address: '不存在的地址' }],
      alone: (task.prefill.alone as number) + 1,
    };
  });
  expect(done.corrections.map((c) => c.key).sort()).toEqual(['alone', 'alone_list']);
  await submit(PHONES.gridWorkerA2, tasks.get(grid2)!, (task) => ({ alone: (task.prefill.alone as number) + 2 }));
  await t.dispatch();
});
afterAll(() => t.close());

describe('pending corrections', () => {
  it('the community’s committee sees them, a list applicable, counts not; others see none', async () => {
    const items = await list(secretary);
    const mine = items.filter((c) => c.taskId === tasks.get(grid1));
    expect(mine.map((c) => [c.key, c.kind, c.applicable]).sort()).toEqual([
      ['alone', 'tag_count', false],
      ['alone_list', 'tag_list', true],
    ]);
    expect(mine[0]).toMatchObject({ communityName: '银杏社区', targetName: '第一网格', decision: null });
    // The committee was told, with a link to the console's confirmation page.
    const notes = await secretary.get<{ items: { kind: string; link: string; text: string }[] }>('/api/notifications');
    const told = notes.body.items.filter((n) => n.kind === 'form.corrections');
    expect(told).toHaveLength(2);
    expect(told[0]).toMatchObject({ link: '/console/form-corrections' });
    expect(told.map((n) => n.text)).toContain(`第一网格在数据采集《${TITLE}》中更正了 2 项数据库数据，请确认`);
    // The secretary of another community and a grid worker (registry write only in the grid) see nothing.
    for (const phone of [PHONES.secretaryD, PHONES.gridWorkerA1])
      expect(await list(await signIn(t, phone))).toEqual([]);
    // A street keeps no registry: 403.
    expectProblem(await (await signIn(t, PHONES.streetStaff)).get('/api/form-corrections'), 403, 'forbidden');
  });

  it('confirming a list applies it through the registry with history and audit; twice is 409', async () => {
    const c = (await list(secretary)).find((x) => x.taskId === tasks.get(grid1) && x.key === 'alone_list')!;
    expect(await hasTag(dropped.name)).toBe(true);
    expect(await hasTag(added.name)).toBe(false);
    const res = await secretary.post<Correction>(url(c.taskId, 'alone_list', 'confirm'), {
      taskVersion: c.taskVersion,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      decision: 'applied',
      outcome: { added: [added.name], removed: [dropped.name], unmatched: [{ name: '查无此人', change: 'add' }] },
    });
    expect(await hasTag(dropped.name)).toBe(false);
    expect(await hasTag(added.name)).toBe(true);
    const history = await sql<{ name: string; field: string; reason: string }>`SELECT p.name, c.field, c.reason
      FROM person_change c JOIN person p ON p.community_id = c.community_id AND p.id = c.person_id
      WHERE c.reason = ${`数据采集更正(${TITLE})`} ORDER BY p.name`.execute(t.database.db);
    expect(history.rows.map((h) => [h.name, h.field]).sort()).toEqual(
      [
        [added.name, 'tag:elderly_alone'],
        [dropped.name, 'tag:elderly_alone'],
      ].sort(),
    );
    const audit = await auditSearch(admin, { action: 'form.correction.confirm' });
    expect(audit[0]).toMatchObject({ resourceId: c.taskId, actorName: '孙丽' });
    expect((await auditSearch(admin, { action: 'registry.person.tag.set' })).length).toBeGreaterThan(0);
    const before = await registryState();
    const again = await secretary.post(url(c.taskId, 'alone_list', 'confirm'), { taskVersion: c.taskVersion });
    expectProblem(again, 409, 'form_correction_decided');
    expect(await registryState()).toEqual(before);
    expect((await list(secretary, 'decided')).map((x) => x.key)).toContain('alone_list');
  });

  it('a count cannot be applied; dismissing it writes nothing to the registry', async () => {
    const c = (await list(secretary)).find((x) => x.taskId === tasks.get(grid1) && x.key === 'alone')!;
    const before = await registryState();
    expectProblem(
      await secretary.post(url(c.taskId, 'alone', 'confirm'), { taskVersion: c.taskVersion, mode: 'apply' }),
      422,
      'form_correction_not_applicable',
      '/mode',
    );
    const res = await secretary.post<Correction>(url(c.taskId, 'alone', 'dismiss'), {
      taskVersion: c.taskVersion,
      note: '已入户核实,数据库无误',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision).toBe('dismissed');
    expect(await registryState()).toEqual(before);
    expect((await auditSearch(admin, { action: 'form.correction.dismiss' }))[0]).toMatchObject({
      resourceId: c.taskId,
    });
    expectProblem(
      await secretary.post(url(c.taskId, 'alone', 'dismiss'), { taskVersion: c.taskVersion }),
      409,
      'form_correction_decided',
    );
  });

  it('wrong community 404, a worker without registry write at the community 403, nothing written', async () => {
    const c = (await list(secretary)).find((x) => x.taskId === tasks.get(grid2))!;
    const before = await registryState();
    const d = await signIn(t, PHONES.secretaryD);
    for (const action of ['confirm', 'dismiss'] as const)
      expectProblem(await d.post(url(c.taskId, 'alone', action), { taskVersion: c.taskVersion }), 404, 'not_found');
    const worker = await signIn(t, PHONES.gridWorkerA2);
    expectProblem(
      await worker.post(url(c.taskId, 'alone', 'confirm'), { taskVersion: c.taskVersion }),
      403,
      'forbidden',
    );
    expectProblem(
      await secretary.post(url(c.taskId, 'nope', 'confirm'), { taskVersion: c.taskVersion }),
      404,
      'not_found',
    );
    expectProblem(
      await secretary.post(url(c.taskId, 'alone', 'confirm'), { taskVersion: c.taskVersion + 1 }),
      409,
      'version_conflict',
    );
    expect(await registryState()).toEqual(before);
  });

  it('confirming a count sends the grid a verification campaign (信息核实)', async () => {
    const c = (await list(secretary)).find((x) => x.taskId === tasks.get(grid2) && x.key === 'alone')!;
    const res = await secretary.post<Correction>(url(c.taskId, 'alone', 'confirm'), { taskVersion: c.taskVersion });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision).toBe('verify');
    const campaigns = await secretary.get<{ items: { id: string; name: string; nodeId: string }[] }>(
      '/api/registry/campaigns',
    );
    expect(campaigns.body.items.find((x) => x.id === res.body.outcome!.campaignId)).toMatchObject({
      name: `数据采集核实(${TITLE})`,
      nodeId: grid2,
    });
  });

  it('a task reopened since it was submitted cannot have its corrections decided (409)', async () => {
    const f2 = await createForm(
      admin,
      demo.district.id,
      [FIELDS[1]!, { key: 'n2', label: '说明', type: 'text' }],
      '复核',
    );
    const s = await admin.post<{ tasks: { taskId: string }[] }>(`/api/forms/${f2.id}/send`, {
      version: f2.version,
      targetNodeIds: [grid1],
      deadline: new Date(t.clock.now().getTime() + 72 * 3_600_000).toISOString(),
    });
    const id = s.body.tasks[0]!.taskId;
    const done = await submit(PHONES.gridWorkerA1, id, (task) => ({ alone: (task.prefill.alone as number) + 5 }));
    const r = await admin.post(`/api/form-tasks/${id}/reopen`, { version: done.version });
    expect(r.status, r.text).toBe(200);
    expect((await list(secretary)).some((x) => x.taskId === id)).toBe(false);
    // The worker hears that the task came back.
    await t.dispatch();
    const w1 = await signIn(t, PHONES.gridWorkerA1);
    const back = (await w1.get<{ items: { kind: string; link: string; text: string }[] }>('/api/notifications')).body
      .items;
    expect(back.find((n) => n.kind === 'form.reopened')).toMatchObject({
      link: `/form-tasks/${id}`,
      text: '数据采集《复核》（第一网格）已被发起方退回，请修改后重新提交',
    });
    expectProblem(
      await secretary.post(url(id, 'alone', 'confirm'), { taskVersion: done.version + 1 }),
      409,
      'form_correction_stale',
    );
  });
});
