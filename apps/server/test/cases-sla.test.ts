/**
 * The SLA engine by moving time (never sleeping): due and yellow times on the 2026 working calendar,
 * including the National Day holiday and a make-up working Saturday, notifications to the holder and the
 * supervisor, auto-escalation of a missed acceptance, and alarms of a stage that moved on staying silent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type CaseDetail, type CasePage, categoryByCode, ok, placesOfA, report } from './case-helpers.ts';
import { type Demo, loadDemo, PHONES, signIn } from './helpers.ts';

interface Note {
  kind: string;
  params: Record<string, string>;
}

let t: TestApp;
let demo: Demo;
let resident: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  resident = await signIn(t, PHONES.residentA);
});
afterAll(() => t.close());

/** Sets the test clock to a Beijing wall-clock time ("2026-09-30 16:00"). */
const setClock = (local: string) => {
  const target = new Date(`${local.replace(' ', 'T')}:00+08:00`).getTime();
  t.clock.advance(target - t.clock.now().getTime());
};
const utc = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

async function notesOf(phone: string, no: string): Promise<string[]> {
  const c = await signIn(t, phone);
  const res = await c.get<{ items: Note[] }>('/api/notifications?limit=100');
  expect(res.status, res.text).toBe(200);
  return res.body.items.filter((n) => n.params.no === no).map((n) => n.kind);
}

/** The grid worker of the grid a building of A lies in (第一网格: 李强, 第二网格: 陈静). */
const gridWorkerOf = (buildingId: string) => {
  const b = demo.byId.get(buildingId)!;
  return demo.byId.get(b.parentId!)!.name === '第一网格' ? PHONES.gridWorkerA1 : PHONES.gridWorkerA2;
};

describe('SLA engine on the working calendar', () => {
  it('counts 4 working hours across the National Day holiday, warns yellow, then auto-escalates at red', async () => {
    setClock('2026-09-30 16:00'); // Wednesday; 1 Oct – 7 Oct are holidays
    const leaks = await categoryByCode(resident, 'SQ06'); // accept within 4 working hours, auto-escalate
    const { building } = placesOfA(demo);
    const c = await report(resident, { categoryId: leaks.id, placeId: building.id });
    // 1.5 h on Wednesday, then 2.5 h from Thursday 8 Oct 09:00; yellow at 80 % = 3.2 h.
    expect(c.sla).toMatchObject({ stage: 'accept', dueAt: utc('2026-10-08 11:30'), yellowAt: utc('2026-10-08 10:42') });
    const grid = gridWorkerOf(building.id);

    setClock('2026-10-08 10:41');
    await t.dispatch();
    expect(await notesOf(grid, c.no)).not.toContain('case.sla_yellow');

    setClock('2026-10-08 10:43');
    await t.dispatch();
    expect(await notesOf(grid, c.no)).toContain('case.sla_yellow');
    const near = await (await signIn(t, PHONES.secretaryA)).get<CasePage>('/api/cases?box=near_due');
    expect(near.body.items.map((x) => x.id)).toContain(c.id);

    setClock('2026-10-08 11:30');
    await t.dispatch();
    let now = (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(now).toMatchObject({ status: 'submitted', level: 'courtyard' }); // due, not yet overdue

    setClock('2026-10-08 11:31');
    await t.dispatch();
    now = (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(now).toMatchObject({ status: 'submitted', level: 'community' });
    expect(now.timeline.at(-1)).toMatchObject({ type: 'autoEscalate', role: 'system', fromStatus: 'submitted' });
    expect(await notesOf(PHONES.secretaryA, c.no)).toContain('case.auto_escalated');
    // The new tier gets a fresh acceptance limit: 4 working hours from 11:31 (lunch 12:00–13:30 not counted).
    expect(now.sla).toMatchObject({ stage: 'accept', dueAt: utc('2026-10-08 17:01') });

    // Delivering again (a restart replays nothing already published) notifies no one twice.
    await t.dispatch();
    expect((await notesOf(PHONES.secretaryA, c.no)).filter((k) => k === 'case.auto_escalated')).toHaveLength(1);
  });

  it('a make-up working Saturday counts: 1 working day from Friday 9 Oct is due Saturday 10 Oct 17:30', async () => {
    setClock('2026-10-09 10:00');
    const dispute = await categoryByCode(resident, 'SQ01'); // accept within 1 working day
    const c = await report(resident, { categoryId: dispute.id, placeId: placesOfA(demo).building.id });
    expect(c.sla?.dueAt).toBe(utc('2026-10-10 17:30'));
    // A normal Friday: the next working day is Monday.
    setClock('2026-10-16 10:00');
    const d = await report(resident, { categoryId: dispute.id, placeId: placesOfA(demo).building.id });
    expect(d.sla?.dueAt).toBe(utc('2026-10-19 17:30'));
  });

  it('urgent categories count natural time at night; red notifies the street and its supervisor', async () => {
    setClock('2026-10-11 22:00'); // Sunday night
    const manhole = await categoryByCode(resident, 'BJ0101'); // 0.5 natural hours, a department matter
    const c = await report(resident, { categoryId: manhole.id, placeId: placesOfA(demo).building.id });
    expect(c).toMatchObject({ status: 'escalated', level: 'street' });
    expect(c.sla).toMatchObject({
      stage: 'register',
      dueAt: utc('2026-10-11 22:30'),
      yellowAt: utc('2026-10-11 22:24'),
    });
    setClock('2026-10-11 22:31');
    await t.dispatch();
    expect(await notesOf(PHONES.dispatcher, c.no)).toEqual(expect.arrayContaining(['case.sla_red']));
    expect(await notesOf(PHONES.admin, c.no)).toContain('case.sla_red');
    const overdue = await (await signIn(t, PHONES.dispatcher)).get<CasePage>('/api/cases?box=overdue');
    expect(overdue.body.items.map((x) => x.id)).toContain(c.id);
    const still = (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(still.status).toBe('escalated'); // only a missed acceptance escalates by itself
  });

  it('an alarm of a stage that moved on stays silent', async () => {
    setClock('2026-11-24 09:00');
    const leaks = await categoryByCode(resident, 'SQ06');
    const { building } = placesOfA(demo);
    const c = await report(resident, { categoryId: leaks.id, placeId: building.id });
    const secretary = await signIn(t, PHONES.secretaryA);
    const accepted = await ok(secretary, c, { type: 'accept' });
    expect(accepted.sla).toMatchObject({ stage: 'handle', dueAt: utc('2026-11-26 17:30') }); // 2 working days
    setClock('2026-11-24 15:00'); // past the old acceptance due time (13:30 + …)
    await t.dispatch();
    expect(await notesOf(gridWorkerOf(building.id), c.no)).not.toContain('case.sla_red');
    const after = (await (await signIn(t, PHONES.secretaryA)).get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(after.timeline.map((e) => e.type)).toEqual(['created', 'accept']);
  });
});
