import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  createForm,
  EIGHT_FIELDS,
  expectFieldError,
  type FormView,
  formNothingWritten,
  put,
  registryFigures,
  sendForm,
  type TaskView,
} from './forms-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

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

const chinaToday = () => new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('designing a form', () => {
  it('only street, department and district roles design forms: others get 403, nothing written', async () => {
    for (const phone of [PHONES.gridWorkerA1, PHONES.secretaryA, PHONES.residentA]) {
      const c = await signIn(t, phone);
      const res = await formNothingWritten(t, () =>
        c.post('/api/forms', { ownerNodeId: demo.A.id, title: '越权', fields: EIGHT_FIELDS }),
      );
      expect(res.status, res.text).toBe(403);
    }
  });

  it('refuses bad field definitions field by field, nothing written', async () => {
    const cases: [Record<string, unknown>[], string, string][] = [
      [
        [
          { key: 'a', label: 'A', type: 'number' },
          { key: 'a', label: 'B', type: 'text' },
        ],
        'form_key_duplicate',
        '/fields/1/key',
      ],
      [[{ key: 'a', label: 'A', type: 'choice' }], 'form_options_missing', '/fields/0/options'],
      [[{ key: 'a', label: 'A', type: 'text', options: ['x'] }], 'form_options_unused', '/fields/0/options'],
      [[{ key: 'a', label: 'A', type: 'table' }], 'form_columns_missing', '/fields/0/columns'],
      [[{ key: 'a', label: 'A', type: 'text', binding: { kind: 'people' } }], 'form_binding_type', '/fields/0/binding'],
      [
        [{ key: 'a', label: 'A', type: 'number', binding: { kind: 'tag_count' } }],
        'form_binding_tag',
        '/fields/0/binding',
      ],
      [
        [{ key: 'a', label: 'A', type: 'number', binding: { kind: 'tag_count', tag: 'no_such' } }],
        'form_binding_tag_unknown',
        '/fields/0/binding/tag',
      ],
      [
        [
          { key: 'a', label: 'A', type: 'text', showIf: { field: 'b' } },
          { key: 'b', label: 'B', type: 'text' },
        ],
        'form_condition_unknown',
        '/fields/0/showIf/field',
      ],
    ];
    for (const [fields, code, path] of cases) {
      const res = await formNothingWritten(t, () =>
        street.post('/api/forms', { ownerNodeId: demo.street1.id, title: '坏表', fields }),
      );
      expectFieldError(res, code, path);
    }
    // Schema: unknown field type, bad key.
    for (const fields of [[{ key: 'a', label: 'A', type: 'video' }], [{ key: 'A b', label: 'A', type: 'text' }]]) {
      const res = await formNothingWritten(t, () =>
        street.post('/api/forms', { ownerNodeId: demo.street1.id, title: '坏表', fields }),
      );
      expect(res.status, res.text).toBe(422);
    }
  });

  it('refuses bindings to registry data the requester may not read at its node', async () => {
    const dept = await signIn(t, PHONES.department);
    const count = [{ key: 'n', label: '人数', type: 'number', binding: { kind: 'people' } }];
    expectProblem(
      await formNothingWritten(t, () =>
        dept.post('/api/forms', { ownerNodeId: demo.street1.id, title: '城管摸底', fields: count }),
      ),
      422,
      'form_invalid',
      '/fields/0/binding',
    );
    // A street sees counts only: no list of people, no count of a sensitive tag (低保).
    const list = [
      {
        key: 'l',
        label: '独居老人名单',
        type: 'table',
        columns: [{ key: 'name', label: '姓名', type: 'text' }],
        binding: { kind: 'tag_list', tag: 'elderly_alone' },
      },
    ];
    const res = await formNothingWritten(t, () =>
      street.post('/api/forms', { ownerNodeId: demo.street1.id, title: '名单', fields: list }),
    );
    expect((res.body as { errors: { code: string }[] }).errors[0]!.code).toBe('form_binding_not_visible');
    const lowIncome = [
      { key: 'l', label: '低保人数', type: 'number', binding: { kind: 'tag_count', tag: 'low_income' } },
    ];
    const res2 = await formNothingWritten(t, () =>
      street.post('/api/forms', { ownerNodeId: demo.street1.id, title: '低保', fields: lowIncome }),
    );
    expectFieldError(res2, 'form_binding_not_visible', '/fields/0/binding/tag');
    // A node outside the designer's reach is "not found".
    const res3 = await formNothingWritten(t, () =>
      street.post('/api/forms', { ownerNodeId: demo.street2.id, title: '越界', fields: EIGHT_FIELDS }),
    );
    expectProblem(res3, 422, 'node_not_found', '/ownerNodeId');
  });
});

describe('sending, pre-filling and filling', () => {
  let form: FormView;
  let tasks: { taskId: string; targetNodeId: string; status: string }[];
  const taskAt = (node: string) => tasks.find((x) => x.targetNodeId === node)!.taskId;

  it('sends to grids and communities in the sender’s reach, one task each; outside → 422, nothing written', async () => {
    form = await createForm(street, demo.street1.id, EIGHT_FIELDS);
    const deadline = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const outside = await formNothingWritten(t, () =>
      street.post(`/api/forms/${form.id}/send`, { version: form.version, targetNodeIds: [grid1, demo.D.id], deadline }),
    );
    expectFieldError(outside, 'node_not_found', '/targetNodeIds/1');
    const building = demo.under(demo.A, 'building')[0]!.id;
    const wrongType = await formNothingWritten(t, () =>
      street.post(`/api/forms/${form.id}/send`, { version: form.version, targetNodeIds: [building], deadline }),
    );
    expectFieldError(wrongType, 'form_target_type', '/targetNodeIds/0');
    const nested = await formNothingWritten(t, () =>
      street.post(`/api/forms/${form.id}/send`, { version: form.version, targetNodeIds: [demo.A.id, grid1], deadline }),
    );
    expectFieldError(nested, 'form_target_overlap', '/targetNodeIds/1');
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    const late = await formNothingWritten(t, () =>
      street.post(`/api/forms/${form.id}/send`, { version: form.version, targetNodeIds: [grid1], deadline: past }),
    );
    expectProblem(late, 422, 'form_deadline_past', '/deadline');
    tasks = await sendForm(street, t, form, [grid1, grid2, demo.B.id], 24);
    expect(tasks.map((x) => x.status)).toEqual(['open', 'open', 'open']);
  });

  it('refuses the same form to a target where it is still open (409), and the board shows every target', async () => {
    const again = await createForm(street, demo.street1.id, EIGHT_FIELDS, '同一张表换个标题');
    const deadline = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const res = await street.post(`/api/forms/${again.id}/send`, {
      version: again.version,
      targetNodeIds: [demo.C.id, grid1],
      deadline,
    });
    expectProblem(res, 409, 'form_duplicate_open', '/targetNodeIds/1');
    const board = await street.get<{ items: { status: string }[]; totals: Record<string, number> }>(
      `/api/forms/${form.id}/board`,
    );
    expect(board.body.totals).toEqual({ targets: 3, done: 0, open: 3, overdue: 0 });
    // Nothing reached C.
    const c2 = await street.get<{ totals: { targets: number } }>(`/api/forms/${again.id}/board`);
    expect(c2.body.totals.targets).toBe(0);
  });

  it('a grid worker sees their grid’s task only, pre-filled from the registry', async () => {
    const li = await signIn(t, PHONES.gridWorkerA1);
    const list = await li.get<{ items: { id: string }[] }>('/api/form-tasks');
    expect(list.body.items.map((x) => x.id)).toEqual([taskAt(grid1)]);
    expect((await li.get(`/api/form-tasks/${taskAt(grid2)}`)).status).toBe(404);
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expect((await secretaryD.get(`/api/form-tasks/${taskAt(grid1)}`)).status).toBe(404);
    const task = await li.get<TaskView>(`/api/form-tasks/${taskAt(grid1)}`);
    expect(task.status, task.text).toBe(200);
    const want = await registryFigures(t, demo.byId.get(grid1)!.path, chinaToday());
    expect(want.people).toBeGreaterThan(0);
    expect(task.body.prefill).toEqual(want);
    expect(task.body.abilities).toEqual({ edit: true, submit: true });
  });

  it('drafts save with a version (stale → 409), wrong types → 422; nothing else is written', async () => {
    const li = await signIn(t, PHONES.gridWorkerA1);
    const url = `/api/form-tasks/${taskAt(grid1)}`;
    const saved = await put<TaskView>(li, url, { version: 1, answers: { heating: '无' } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(2);
    expectProblem(
      await formNothingWritten(t, () => put(li, url, { version: 1, answers: { heating: '自采暖' } })),
      409,
      'version_conflict',
    );
    for (const [answers, code, path] of [
      [{ people: 'many' }, 'form_answer_type', '/answers/people'],
      [{ heating: '烧炕' }, 'form_answer_option', '/answers/heating'],
      [{ nope: 1 }, 'form_answer_unknown', '/answers/nope'],
    ] as const) {
      const res = await formNothingWritten(t, () => put(li, url, { version: 2, answers }));
      expectFieldError(res, code, path);
    }
    const back = await li.get<TaskView>(url);
    expect(back.body.answers).toEqual({ heating: '无' });
  });

  it('submit checks required and conditional fields, records corrections, then refuses edits', async () => {
    const li = await signIn(t, PHONES.gridWorkerA1);
    const url = `/api/form-tasks/${taskAt(grid1)}`;
    // 'note' is required because heating is 无.
    const missing = await formNothingWritten(t, () =>
      li.post(`${url}/submit`, { version: 2, answers: { heating: '无' } }),
    );
    expectFieldError(missing, 'form_answer_required', '/answers/note');
    const before = (await li.get<TaskView>(url)).body.prefill;
    const res = await li.post<TaskView>(`${url}/submit`, {
      version: 2,
      answers: { heating: '无', note: '3号楼老人无取暖', party: (before.party as number) + 1 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.corrections).toEqual([
      { key: 'party', registry: before.party, answer: (before.party as number) + 1 },
    ]);
    expect(res.body.answers.people).toBe(before.people);
    expectProblem(
      await formNothingWritten(t, () => put(li, url, { version: 3, answers: {} })),
      409,
      'form_task_submitted',
    );
  });

  it('after the deadline submit is refused until the requester reopens', async () => {
    t.clock.advanceMinutes(25 * 60);
    street = await signIn(t, PHONES.streetStaff);
    const chen = await signIn(t, PHONES.gridWorkerA2);
    const url = `/api/form-tasks/${taskAt(grid2)}`;
    const late = await formNothingWritten(t, () =>
      chen.post(`${url}/submit`, { version: 1, answers: { heating: '集中供暖' } }),
    );
    expectProblem(late, 409, 'form_deadline_passed');
    // Drafts are never lost, even late.
    expect((await put(chen, url, { version: 1, answers: { heating: '集中供暖' } })).status).toBe(200);
    expect((await chen.post(`${url}/reopen`, { version: 2 })).status).toBe(403);
    const board = await street.get<{ totals: Record<string, number> }>(`/api/forms/${form.id}/board`);
    expect(board.body.totals).toEqual({ targets: 3, done: 1, open: 2, overdue: 2 });
    const reopened = await street.post<{ status: string; version: number }>(`${url}/reopen`, { version: 2 });
    expect(reopened.status, reopened.text).toBe(200);
    const ok = await chen.post<TaskView>(`${url}/submit`, {
      version: reopened.body.version,
      answers: { heating: '集中供暖' },
    });
    expect(ok.status, ok.text).toBe(200);
  });

  it('editing a sent form makes a new version; submitted answers keep theirs', async () => {
    const fields = [...EIGHT_FIELDS, { key: 'extra', label: '备注', type: 'text' }];
    const res = await put<FormView>(street, `/api/forms/${form.id}`, {
      version: form.version,
      title: '冬季取暖摸底(二)',
      fields,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.currentVersion).toBe(2);
    expect(res.body.sent).toBe(false);
    const stale = await formNothingWritten(t, () =>
      put(street, `/api/forms/${form.id}`, { version: form.version, title: 'x', fields }),
    );
    expectProblem(stale, 409, 'version_conflict');
    const li = await signIn(t, PHONES.gridWorkerA1);
    const task = await li.get<TaskView>(`/api/form-tasks/${taskAt(grid1)}`);
    expect(task.body.versionNo).toBe(1);
    expect(task.body.fields).toHaveLength(8);
    // Another requester never sees this form.
    const dispatcher = await signIn(t, PHONES.dispatcher);
    expect((await dispatcher.get(`/api/forms/${form.id}`)).status).toBe(404);
    expect((await dispatcher.get(`/api/forms/${form.id}/board`)).status).toBe(404);
  });

  it('a form the registry answers completely is answered at send time, with no task to fill', async () => {
    const bound = EIGHT_FIELDS.slice(0, 6);
    const f = await createForm(street, demo.street1.id, bound, '人口概况');
    const gridB = demo.child(demo.B, '第二网格');
    const sent = await sendForm(street, t, f, [demo.C.id, gridB.id]);
    expect(sent.map((x) => x.status)).toEqual(['registry', 'registry']);
    const secretary = await signIn(t, PHONES.secretaryA);
    const list = await secretary.get<{ items: { formId: string }[] }>('/api/form-tasks');
    expect(list.body.items.map((x) => x.formId)).not.toContain(f.id);
    const rollup = await street.get<{ nodes: { nodeId: string; values: Record<string, number | null> }[] }>(
      `/api/forms/${f.id}/rollup`,
    );
    // A street sees aggregates only: counts of 1–4 people come back as null (minimum cell size, ADR 0009).
    let smallCells = 0;
    for (const node of [demo.C, gridB]) {
      const want = await registryFigures(t, node.path, chinaToday());
      const small = (k: string) => ['people', 'elderly', 'alone', 'party'].includes(k) && want[k]! > 0 && want[k]! < 5;
      smallCells += Object.keys(want).filter(small).length;
      const got = rollup.body.nodes.find((n) => n.nodeId === node.id)!;
      expect(got.values).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, small(k) ? null : v])));
    }
    expect(smallCells, 'the demo has a small cell here').toBeGreaterThan(0);
  });
});
