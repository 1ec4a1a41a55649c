import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  act,
  type CaseDetail,
  type CasePage,
  categoryByCode,
  departmentIdOf,
  inFuture,
  ok,
  placesOfA,
  report,
} from './case-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let resident: TestClient;
let secretary: TestClient;
let dispatcher: TestClient;
let department: TestClient;
let cgj: string;
let jsw: string;
let scj: string;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  resident = await signIn(t, PHONES.residentA);
  secretary = await signIn(t, PHONES.secretaryA);
  dispatcher = await signIn(t, PHONES.dispatcher);
  department = await signIn(t, PHONES.department);
  [cgj, jsw, scj] = (await Promise.all(['cgj', 'jsw', 'scj'].map((c) => departmentIdOf(t, c)))) as [
    string,
    string,
    string,
  ];
});
afterAll(() => t.close());

describe('the closed loop', () => {
  it('resident reports → committee escalates → street dispatches → department handles → check → rated 5 → closed', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const { building } = placesOfA(demo);
    let c = await report(resident, { categoryId: leaks.id, placeId: building.id, public: true });
    expect(c).toMatchObject({ status: 'submitted', level: 'courtyard', source: 'app', isReporter: true, version: 1 });
    expect(c.no).toMatch(/^20261124\d{6}$/);
    expect(c.sla).toMatchObject({ stage: 'accept', colour: 'ok' });
    expect(c.allowed.map((k) => k.type)).toEqual(['cancel']);

    const mine = await resident.get<CasePage>('/api/cases/mine');
    expect(mine.body.items.map((x) => x.id)).toContain(c.id);

    // The secretary signs for it and escalates it to the street (中事不出社区 failed: it needs a department).
    const seen = await secretary.get<CaseDetail>(`/api/cases/${c.id}`);
    expect(seen.body.reporters).toEqual([{ name: '周敏', phone: PHONES.residentA }]);
    expect(seen.body.allowed.map((k) => k.type)).toEqual(expect.arrayContaining(['accept', 'escalate', 'merge']));
    c = await ok(secretary, c, { type: 'accept' });
    expect(c.status).toBe('accepted');
    c = await ok(secretary, c, { type: 'escalate', note: '管道属市政设施，需职能部门处理' });
    expect(c).toMatchObject({ status: 'accepted', level: 'community' });
    c = await ok(secretary, c, { type: 'escalate', note: '社区无法解决，上报街道' });
    expect(c).toMatchObject({ status: 'escalated', level: 'street' });

    // The street registers and dispatches; it sees who serves the street.
    c = (await dispatcher.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    c = await ok(dispatcher, c, { type: 'register' });
    expect(c.departmentsServing.map((d) => d.id)).toEqual(expect.arrayContaining([cgj, jsw]));
    expect(c.departmentsServing.map((d) => d.id)).not.toContain(scj);
    c = await ok(dispatcher, c, { type: 'dispatch', assignments: [{ departmentId: cgj, deadline: inFuture(t, 3) }] });
    expect(c).toMatchObject({ status: 'dispatched', level: 'department' });

    // The department sees it in its inbox, accepts and handles it with a note.
    const inbox = await department.get<CasePage>('/api/cases?box=to_accept');
    expect(inbox.body.items.map((x) => x.id)).toContain(c.id);
    c = (await department.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(c.allowed).toEqual(expect.arrayContaining([{ type: 'acceptAssignment', departmentId: cgj }]));
    expect(c.reporters[0]!.phone).toMatch(/^138\*{4}\d{4}$/); // departments see a masked phone
    c = await ok(department, c, { type: 'acceptAssignment', departmentId: cgj });
    c = await ok(department, c, { type: 'handle', departmentId: cgj, note: '已更换破损管道并清理积水' });
    expect(c.status).toBe('checking');

    c = (await dispatcher.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    c = await ok(dispatcher, c, { type: 'check', passed: true, note: '现场核查已修复' });
    expect(c.status).toBe('resolved');

    c = (await resident.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(c.allowed.map((k) => k.type)).toEqual(['rate']);
    c = await ok(resident, c, { type: 'rate', score: 5, comment: '修得很快，谢谢' });
    expect(c).toMatchObject({ status: 'closed', ratings: [{ score: 5, comment: '修得很快，谢谢' }] });
    expect(c.timeline.map((e) => e.type)).toEqual([
      'created',
      'accept',
      'escalate',
      'escalate',
      'register',
      'dispatch',
      'acceptAssignment',
      'handle',
      'check',
      'rate',
    ]);
    expect(c.timeline.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.timeline[7]).toMatchObject({ role: 'department_staff', actor: { name: '郑伟' } });

    // Rating twice and rating by someone else are refused; the audit trail has every step.
    expectProblem(await act(resident, c.id, c.version, { type: 'rate', score: 4 }), 409, 'already_rated');
    expectProblem(await act(secretary, c.id, c.version, { type: 'rate', score: 1 }), 403, 'not_reporter');
    const audit = await auditSearch(await signIn(t, PHONES.admin), { action: 'case.dispatch' });
    expect(audit[0]).toMatchObject({ actorName: '钱芳', resourceId: c.id });
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const { building } = placesOfA(demo);
    const outside = demo.under(demo.D, 'building')[0]!;
    const base = { categoryId: leaks.id, placeId: building.id, description: '楼道灯不亮了很久' };
    await nothingWritten(t, async () => {
      expectProblem(
        await resident.post('/api/cases', { ...base, categoryId: '999999' }),
        422,
        'validation_failed',
        '/categoryId',
      );
      expectProblem(
        await resident.post('/api/cases', { ...base, placeId: outside.id }),
        422,
        'validation_failed',
        '/placeId',
      );
      expectProblem(
        await resident.post('/api/cases', { ...base, description: '短' }),
        422,
        'validation_failed',
        '/description',
      );
      const ten = Array.from({ length: 10 }, (_, i) => String(i).padStart(64, 'a'));
      expectProblem(
        await resident.post('/api/cases', { ...base, attachments: ten }),
        422,
        'validation_failed',
        '/attachments',
      );
      expectProblem(
        await resident.post('/api/cases', { ...base, attachments: ['b'.repeat(64)] }),
        422,
        'validation_failed',
        '/attachments/0',
      );
      expectProblem(
        await resident.post('/api/cases', { ...base, source: 'patrol' }),
        422,
        'validation_failed',
        '/source',
      );
    });
  });

  it('refuses illegal transitions, wrong roles and departments that do not serve the street', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const c = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    await nothingWritten(t, async () => {
      const p = expectProblem(await act(secretary, c.id, 1, { type: 'register' }), 409, 'illegal_transition');
      expect(p.title).toContain('当前状态下不能执行');
      expectProblem(await act(dispatcher, c.id, 1, { type: 'accept' }), 403, 'forbidden');
      expectProblem(await act(secretary, c.id, 1, { type: 'escalate' }), 400, 'reason_required');
      expectProblem(await act(resident, c.id, 1, { type: 'rate', score: 5 }), 409, 'illegal_transition');
    });
    let k = await ok(secretary, c, { type: 'escalate', note: '需要街道协调' });
    k = await ok(secretary, k, { type: 'escalate', note: '需要街道协调' });
    k = (await dispatcher.get<CaseDetail>(`/api/cases/${k.id}`)).body;
    k = await ok(dispatcher, k, { type: 'register' });
    await nothingWritten(t, async () => {
      expectProblem(
        await act(dispatcher, k.id, k.version, {
          type: 'dispatch',
          assignments: [{ departmentId: scj, deadline: inFuture(t, 2) }],
        }),
        422,
        'department_not_serving',
        '/assignments/0/departmentId',
      );
    });
  });

  it('two cadres acting at once: one wins, the other gets 409 and nothing is lost', async () => {
    const leaks = await categoryByCode(resident, 'SQ06');
    const c = await report(resident, { categoryId: leaks.id, placeId: placesOfA(demo).building.id });
    const grid = await signIn(t, PHONES.gridWorkerA1);
    const [a, b] = await Promise.all([
      act(secretary, c.id, 1, { type: 'accept' }),
      act(grid, c.id, 1, { type: 'accept' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expectProblem(loser, 409, 'version_conflict');
    const after = (await secretary.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(after.timeline.map((e) => e.type)).toEqual(['created', 'accept']);
    expect(after.version).toBe(2);
  });

  it('a department returns a case with a reason and the street redispatches to another department', async () => {
    const rubbish = await categoryByCode(resident, 'SJ0101');
    let c = await report(resident, { categoryId: rubbish.id, placeId: placesOfA(demo).building.id });
    expect(c).toMatchObject({ status: 'escalated', level: 'street' }); // department matters start at the street
    c = (await dispatcher.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    c = await ok(dispatcher, c, { type: 'register' });
    c = await ok(dispatcher, c, { type: 'dispatch', assignments: [{ departmentId: cgj, deadline: inFuture(t, 1) }] });
    c = (await department.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expectProblem(
      await act(department, c.id, c.version, { type: 'returnAssignment', departmentId: cgj }),
      400,
      'reason_required',
    );
    c = await ok(department, c, { type: 'returnAssignment', departmentId: cgj, note: '属建设工地渣土，非本部门职责' });
    expect(c.status).toBe('registered');
    c = (await dispatcher.get<CaseDetail>(`/api/cases/${c.id}`)).body;
    expect(c.assignments).toEqual([
      expect.objectContaining({ departmentId: cgj, status: 'returned', reason: '属建设工地渣土，非本部门职责' }),
    ]);
    c = await ok(dispatcher, c, { type: 'dispatch', assignments: [{ departmentId: jsw, deadline: inFuture(t, 2) }] });
    const jswStaff = await signIn(t, PHONES.departmentJsw);
    const theirs = await jswStaff.get<CasePage>('/api/cases?box=to_accept');
    expect(theirs.body.items.map((x) => x.id)).toContain(c.id);
    // The returning department no longer has it to accept.
    const cgjInbox = await department.get<CasePage>('/api/cases?box=to_accept');
    expect(cgjInbox.body.items.map((x) => x.id)).not.toContain(c.id);
  });
});
