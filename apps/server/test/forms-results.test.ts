import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { createForm, EIGHT_FIELDS, type FormView, sendForm, type TaskView } from './forms-helpers.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';

/** The scenario: 6 bound and 2 unbound fields sent to two communities, both answered. */
let t: TestApp;
let demo: Demo;
let street: TestClient;
let form: FormView;
let tasks: { taskId: string; targetNodeId: string }[];

type Burden = {
  answeredTasks: number;
  prefilled: number;
  typed: number;
  corrected: number;
  duplicatesAvoided: number;
  minutesSaved: number;
  minutesSpent: number;
};

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  street = await signIn(t, PHONES.streetStaff);
  form = await createForm(street, demo.street1.id, EIGHT_FIELDS);
  tasks = await sendForm(street, t, form, [demo.A.id, demo.B.id]);
  const secretaryA = await signIn(t, PHONES.secretaryA);
  const a = tasks.find((x) => x.targetNodeId === demo.A.id)!.taskId;
  const res = await secretaryA.post<TaskView>(`/api/form-tasks/${a}/submit`, {
    version: 1,
    answers: { heating: '无', note: '老旧小区' },
  });
  expect(res.status, res.text).toBe(200);
  // B is filled through the district admin (who holds the committee's powers everywhere).
  const admin = await signIn(t, PHONES.admin);
  const b = tasks.find((x) => x.targetNodeId === demo.B.id)!.taskId;
  const res2 = await admin.post<TaskView>(`/api/form-tasks/${b}/submit`, {
    version: 1,
    answers: { heating: '集中供暖' },
  });
  expect(res2.status, res2.text).toBe(200);
});
afterAll(() => t.close());

async function answersOf(taskId: string) {
  const admin = await signIn(t, PHONES.admin);
  return (await admin.get<TaskView>(`/api/form-tasks/${taskId}`)).body.answers;
}

describe('roll-up and export', () => {
  it('sums numbers, counts choices and lists texts up to the street', async () => {
    const res = await street.get<{ nodes: { nodeId: string; answered: number; values: Record<string, unknown> }[] }>(
      `/api/forms/${form.id}/rollup`,
    );
    expect(res.status, res.text).toBe(200);
    const a = await answersOf(tasks[0]!.taskId);
    const b = await answersOf(tasks[1]!.taskId);
    const s = res.body.nodes.find((n) => n.nodeId === demo.street1.id)!;
    expect(s.answered).toBe(2);
    expect(s.values.people).toBe((a.people as number) + (b.people as number));
    expect(s.values.area).toBeCloseTo((a.area as number) + (b.area as number), 2);
    expect(s.values.heating).toEqual({ 无: 1, 集中供暖: 1 });
    expect(s.values.note).toEqual(['老旧小区']);
    expect(res.body.nodes.map((n) => n.nodeId).sort()).toEqual([demo.street1.id, demo.A.id, demo.B.id].sort());
  });

  it('exports XLSX in the form’s column order', async () => {
    const res = await t.app.inject({ url: `/api/forms/${form.id}/export`, headers: { cookie: street.cookie! } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '社区',
      '填报对象',
      '提交时间',
      ...EIGHT_FIELDS.map((f) => f.label),
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it('a department asks without bindings in the streets it serves; its results are its own', async () => {
    const dept = await signIn(t, PHONES.department);
    const fields = [{ key: 'stalls', label: '占道经营点数', type: 'number', required: true }];
    const f = await createForm(dept, demo.street1.id, fields, '占道经营摸底');
    await sendForm(dept, t, f, [demo.C.id]);
    expect((await dept.get<{ totals: { targets: number } }>(`/api/forms/${f.id}/board`)).body.totals.targets).toBe(1);
    expect((await street.get(`/api/forms/${f.id}/board`)).status).toBe(404);
    expect((await street.get(`/api/forms/${f.id}/rollup`)).status).toBe(404);
  });

  it('results stay with the requester: another street role and a department get 404', async () => {
    for (const phone of [PHONES.dispatcher, PHONES.department]) {
      const c = await signIn(t, phone);
      for (const p of ['rollup', 'export', 'burden', 'board'])
        expect((await c.get(`/api/forms/${form.id}/${p}`)).status).toBe(404);
    }
  });
});

describe('burden meter', () => {
  it('counts 12 of 16 fields pre-filled, what was typed and the minutes saved', async () => {
    const res = await street.get<{ total: Burden; communities: (Burden & { name: string })[] }>(
      `/api/forms/${form.id}/burden`,
    );
    expect(res.status, res.text).toBe(200);
    // A typed heating and note; B typed heating only (note hidden).
    expect(res.body.total).toMatchObject({ answeredTasks: 2, prefilled: 12, typed: 3, corrected: 0 });
    // Counts 0.5 min each (5 numbers + area) per community: 6 × 0.5 × 2.
    expect(res.body.total.minutesSaved).toBe(6);
    expect(res.body.communities.map((c) => c.name).sort()).toEqual(['梧桐社区', '银杏社区'].sort());
  });

  it('a refused duplicate counts as a request avoided; the district ranks requesters by burden created', async () => {
    const again = await createForm(street, demo.street1.id, EIGHT_FIELDS, '再摸一次底');
    await sendForm(street, t, again, [demo.C.id]);
    const dup = await street.post(`/api/forms/${again.id}/send`, {
      version: (await street.get<FormView>(`/api/forms/${again.id}`)).body.version,
      targetNodeIds: [demo.C.id],
      deadline: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(dup.status).toBe(409);
    const burden = await street.get<{ total: Burden }>(`/api/forms/${again.id}/burden`);
    expect(burden.body.total.duplicatesAvoided).toBe(1);
    const admin = await signIn(t, PHONES.admin);
    const rank = await admin.get<{ items: (Burden & { requesterName: string; forms: number })[] }>('/api/form-burden');
    expect(rank.status, rank.text).toBe(200);
    expect(rank.body.items[0]).toMatchObject({ requesterName: '褚卫东', forms: 2 });
    expect((await street.get('/api/form-burden')).status).toBe(403);
  });
});

describe('duplicate guard', () => {
  it('shows fields the registry answers and earlier forms that asked the same, with reuse', async () => {
    const dispatcher = await signIn(t, PHONES.dispatcher);
    const res = await dispatcher.post<{
      fields: { key: string; registry: unknown; alreadyBound: boolean; earlier: { formId: string; mine: boolean }[] }[];
    }>('/api/form-overlap', {
      ownerNodeId: demo.street1.id,
      fields: [
        { key: 'hh', label: '辖区户数', type: 'number' },
        { key: 'old', label: '80岁以上老人数', type: 'number' },
        { key: 'alone', label: '独居老人人数', type: 'number' },
        { key: 'heat', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'] },
        { key: 'color', label: '楼道颜色', type: 'text' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    const by = new Map(res.body.fields.map((f) => [f.key, f]));
    expect(by.get('hh')!.registry).toEqual({ kind: 'households' });
    expect(by.get('old')!.registry).toEqual({ kind: 'age_count', minAge: 80 });
    expect(by.get('alone')!.registry).toEqual({ kind: 'tag_count', tag: 'elderly_alone' });
    expect(by.get('hh')!.earlier.map((e) => e.formId)).toContain(form.id);
    expect(by.get('heat')!.earlier.map((e) => e.formId)).toContain(form.id);
    expect(by.get('heat')!.earlier.every((e) => !e.mine)).toBe(true);
    expect(by.get('color')).toMatchObject({ registry: null, earlier: [] });
  });

  it('forms older than the window do not count', async () => {
    t.clock.advanceMinutes(10 * 24 * 60);
    const dispatcher = await signIn(t, PHONES.dispatcher);
    const res = await dispatcher.post<{ fields: { earlier: unknown[] }[] }>('/api/form-overlap', {
      ownerNodeId: demo.street1.id,
      days: 7,
      fields: [{ key: 'heat', label: '冬季取暖方式', type: 'choice', options: ['集中供暖', '自采暖', '无'] }],
    });
    expect(res.body.fields[0]!.earlier).toEqual([]);
  });
});
