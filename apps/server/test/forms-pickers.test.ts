import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { uploadPhoto } from './case-helpers.ts';
import { createForm, sendForm } from './forms-helpers.ts';
import { type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';
import { auditRows } from './registry-helpers.ts';

type Picked = { items: { id: string; label: string; detail: string }[]; more: boolean };

let t: TestApp;
let demo: Demo;
let worker: TestClient;
let taskGrid1: string;
let taskB: string;
let grid1Path: string;

const FIELDS = [
  { key: 'who', label: '走访对象', type: 'person', required: true },
  { key: 'home', label: '走访户', type: 'household' },
  { key: 'bldg', label: '楼栋', type: 'building' },
  { key: 'pic', label: '现场照片', type: 'photo' },
];

/** People living under a path, straight from the tables (independently of the module). */
async function peopleUnder(path: string) {
  const r = await sql<{ id: string; household_id: string }>`
    SELECT p.id, p.household_id FROM person p
    JOIN household h ON h.community_id = p.community_id AND h.id = p.household_id
    JOIN org_node rn ON rn.id = h.address_node_id WHERE rn.path LIKE ${`${path}%`}`.execute(t.database.db);
  return r.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  const street = await signIn(t, PHONES.streetStaff);
  worker = await signIn(t, PHONES.gridWorkerA1);
  const grid1 = demo.child(demo.A, '第一网格');
  grid1Path = grid1.path;
  const form = await createForm(street, demo.street1.id, FIELDS, '入户走访');
  const tasks = await sendForm(street, t, form, [grid1.id, demo.B.id]);
  taskGrid1 = tasks.find((x) => x.targetNodeId === grid1.id)!.taskId;
  taskB = tasks.find((x) => x.targetNodeId === demo.B.id)!.taskId;
});
afterAll(() => t.close());

const pick = (c: TestClient, task: string, kind: string, q?: string) =>
  c.get<Picked>(`/api/form-tasks/${task}/picker?kind=${kind}${q ? `&q=${encodeURIComponent(q)}` : ''}`);

describe('pickers of a form task', () => {
  it('offers only the people of the task’s target, searchable, and audits whom it showed', async () => {
    const inGrid = await peopleUnder(grid1Path);
    const elsewhere = new Set((await peopleUnder(demo.A.path)).map((p) => p.id));
    for (const p of inGrid) elsewhere.delete(p.id);
    expect(inGrid.length).toBeGreaterThan(0);
    expect(elsewhere.size).toBeGreaterThan(0);

    const res = await pick(worker, taskGrid1, 'person');
    expect(res.status, res.text).toBe(200);
    const ids = res.body.items.map((i) => i.id);
    expect(ids.length).toBe(Math.min(50, inGrid.length));
    expect(ids.every((id) => inGrid.some((p) => p.id === id))).toBe(true);
    expect(ids.some((id) => elsewhere.has(id))).toBe(false);
    expect(res.body.items[0]!.label).toMatch(/\S/);

    const [audit] = await auditRows(t, 'registry.people.list');
    expect(audit).toMatchObject({ actor_name: '李强', detail: { ids } });

    // A search narrows it: the first person's name finds them.
    const first = res.body.items[0]!;
    const found = await pick(worker, taskGrid1, 'person', first.label);
    expect(found.status, found.text).toBe(200);
    expect(found.body.items.map((i) => i.id)).toContain(first.id);
    expect(found.body.items.every((i) => i.label.includes(first.label))).toBe(true);
  });

  it('offers the target’s households (members named) and buildings', async () => {
    const inGrid = await peopleUnder(grid1Path);
    const homes = await pick(worker, taskGrid1, 'household');
    expect(homes.status, homes.text).toBe(200);
    expect(homes.body.items.length).toBeGreaterThan(0);
    const households = new Set(inGrid.map((p) => p.household_id));
    expect(homes.body.items.every((h) => households.has(h.id) && h.detail.length > 0)).toBe(true);

    const blds = await pick(worker, taskGrid1, 'building');
    expect(blds.status, blds.text).toBe(200);
    const expected = demo.under(demo.child(demo.A, '第一网格'), 'building').map((b) => b.id);
    expect(blds.body.items.map((b) => b.id).sort()).toEqual(expected.sort());
    const one = blds.body.items[0]!;
    const narrowed = await pick(worker, taskGrid1, 'building', one.label);
    expect(narrowed.body.items.map((b) => b.id)).toContain(one.id);
  });

  it('a task of another community (or grid) is not found; a resident is forbidden; bad input is 422', async () => {
    expectProblem(await pick(worker, taskB, 'person'), 404, 'not_found');
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await pick(secretaryD, taskGrid1, 'person'), 404, 'not_found');
    const otherGrid = await signIn(t, PHONES.gridWorkerA2);
    expectProblem(await pick(otherGrid, taskGrid1, 'household'), 404, 'not_found');
    const resident = await signIn(t, PHONES.residentA);
    expect((await pick(resident, taskGrid1, 'person')).status).toBe(403);
    expect((await pick(worker, taskGrid1, 'room')).status).toBe(422);
    expect((await pick(worker, taskGrid1, 'person', 'x'.repeat(41))).status).toBe(422);
    expectProblem(await pick(worker, '00000000-0000-4000-8000-000000000000', 'person'), 404, 'not_found');
  });

  it('answers hold what the pickers give: ids, a building node, an uploaded photo (its sha256)', async () => {
    const [who, home, bldg] = await Promise.all(
      ['person', 'household', 'building'].map(async (k) => (await pick(worker, taskGrid1, k)).body.items[0]!.id),
    );
    const task = await worker.get<{ version: number }>(`/api/form-tasks/${taskGrid1}`);
    const answers = { who, home, bldg, pic: await uploadPhoto(worker, 60) };
    const saved = await worker.request<{ answers: unknown }>('PUT', `/api/form-tasks/${taskGrid1}`, {
      version: task.body.version,
      answers,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.answers).toEqual(answers);
    const bad = await worker.request('PUT', `/api/form-tasks/${taskGrid1}`, {
      version: task.body.version + 1,
      answers: { pic: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad.status, bad.text).toBe(422);
  });

  it('a photo answer is the filler’s own upload; the task’s photos are shown to its fillers and requester only', async () => {
    const url = `/api/form-tasks/${taskGrid1}`;
    const resident = await signIn(t, PHONES.residentA);
    const borrowed = await uploadPhoto(resident, 61);
    const version = (await worker.get<{ version: number }>(url)).body.version;
    expectProblem(
      await worker.request('PUT', url, { version, answers: { pic: borrowed } }),
      422,
      'form_invalid',
      '/answers/pic',
    );
    const own = await uploadPhoto(worker, 62);
    const saved = await worker.request('PUT', url, { version, answers: { pic: own } });
    expect(saved.status, saved.text).toBe(200);
    const photo = (c: TestClient, id: string) => c.get(`${url}/photos/${id}`);
    const seen = await photo(worker, own);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect((await photo(await signIn(t, PHONES.streetStaff), own)).status).toBe(200);
    expect((await photo(await signIn(t, PHONES.admin), own)).status).toBe(200);
    expectProblem(await photo(await signIn(t, PHONES.gridWorkerA2), own), 404, 'not_found');
    expectProblem(await photo(resident, own), 404, 'not_found');
    // Only what the answers name: another upload is not reachable through the task.
    expectProblem(await photo(worker, borrowed), 404, 'not_found');
  });

  it('a submitted answer naming someone or a building outside the target is refused, field by field', async () => {
    const [inside] = await peopleUnder(grid1Path);
    const [elsewhere] = await peopleUnder(demo.B.path);
    const otherBuilding = demo.nodes.find((n) => n.type === 'building' && !n.path.startsWith(grid1Path))!;
    const ownBuilding = (await pick(worker, taskGrid1, 'building')).body.items[0]!.id;
    const url = `/api/form-tasks/${taskGrid1}`;
    const version = (await worker.get<{ version: number }>(url)).body.version;
    const refused = await worker.post(`${url}/submit`, {
      version,
      answers: { who: elsewhere!.id, home: elsewhere!.household_id, bldg: otherBuilding.id },
    });
    const p = expectProblem(refused, 422, 'form_invalid');
    expect(p.errors!.map((e) => [e.path, e.code]).sort()).toEqual([
      ['/answers/bldg', 'form_answer_outside_target'],
      ['/answers/home', 'form_answer_outside_target'],
      ['/answers/who', 'form_answer_outside_target'],
    ]);
    expect((await worker.get<{ status: string }>(url)).body.status).not.toBe('submitted');
    const ok = await worker.post<{ status: string }>(`${url}/submit`, {
      version,
      answers: { who: inside!.id, home: inside!.household_id, bldg: ownBuilding },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('submitted');
  });

  it('a hostile search matches only itself', async () => {
    const res = await pick(worker, taskGrid1, 'person', "%' OR 1=1 --");
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
