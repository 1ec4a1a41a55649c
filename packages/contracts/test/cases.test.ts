import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  apply,
  type CaseActor,
  type CaseCommand,
  type CaseState,
  invariants,
  mergeCases,
} from '../src/cases/index.ts';
import { A, freshCase, iso, later, T0 } from './cases-fixtures.ts';

/** Run a command that must succeed; the result must be valid. */
function ok(s: CaseState, c: CaseCommand, who: CaseActor, now: Date): CaseState {
  const r = apply(s, c, who, now, s.version);
  if (!r.ok) throw new Error(`${c.type} by ${who.userId}: ${r.code}`);
  expect(invariants(r.state)).toEqual([]);
  return r.state;
}
const code = (s: CaseState, c: CaseCommand, who: CaseActor, now: Date): string => {
  const r = apply(s, c, who, now, s.version);
  return r.ok ? 'ok' : r.code;
};
const types = (s: CaseState, who: CaseActor, now = T0) =>
  allowedCommands(s, who, now).map((k) => (k.departmentId ? `${k.type}:${k.departmentId}` : k.type));

/** Journey (a) up to the department having handled it; `t` is 1 h after the start. */
function toChecking(): CaseState {
  const t = later(T0, 1);
  let s = freshCase();
  s = ok(s, { type: 'escalate', note: '需要城管执法' }, A.secretary, t);
  s = ok(s, { type: 'register' }, A.dispatcher, t);
  s = ok(s, { type: 'dispatch', assignments: [{ departmentId: 'd1', deadline: iso(T0, 48) }] }, A.dispatcher, t);
  s = ok(s, { type: 'acceptAssignment', departmentId: 'd1' }, A.d1, t);
  return ok(s, { type: 'handle', departmentId: 'd1', note: '已修复', attachments: ['after-1'] }, A.d1, t);
}

describe('journey (a): report → escalate → register → dispatch → handle → check → rate 5 → closed', () => {
  it('walks the whole loop with one timeline entry per step', () => {
    let s = toChecking();
    expect(s.status).toBe('checking');
    expect(types(s, A.dispatcher)).toEqual(['dispatch', 'check', 'urge', 'park', 'summon', 'absorb']);
    s = ok(s, { type: 'check', passed: true, note: '现场核查通过' }, A.dispatcher, later(T0, 2));
    expect(s.status).toBe('resolved');
    expect(types(s, A.reporter)).toEqual(['rate']);
    s = ok(s, { type: 'rate', score: 5, comment: '很快' }, A.reporter, later(T0, 3));
    expect(s).toMatchObject({ status: 'closed', level: 'department', version: 8, closedAt: iso(T0, 3) });
    expect(s.timeline.map((e) => `${e.type}:${e.role}`)).toEqual([
      'created:reporter',
      'escalate:community_secretary',
      'register:street_dispatcher',
      'dispatch:street_dispatcher',
      'acceptAssignment:department_staff',
      'handle:department_staff',
      'check:street_dispatcher',
      'rate:reporter',
    ]);
    expect(s.timeline[5]!.attachments).toEqual(['after-1']);
    expect(s.assignments).toEqual([expect.objectContaining({ departmentId: 'd1', status: 'done' })]);
  });

  it('solves small matters in the courtyard and the community', () => {
    let s = freshCase('courtyard');
    expect(types(s, A.volunteer)).toEqual(['accept', 'escalate']);
    s = ok(s, { type: 'accept' }, A.volunteer, T0);
    s = ok(s, { type: 'escalate', note: '需要居委会协调' }, A.volunteer, T0);
    expect(s).toMatchObject({ status: 'accepted', level: 'community' });
    expect(types(s, A.volunteer)).toEqual([]);
    s = ok(s, { type: 'resolve', note: '已协调物业修好' }, A.gridWorker, T0);
    s = ok(s, { type: 'rate', score: 4 }, A.reporter, T0);
    expect(s.status).toBe('closed');
  });
});

describe('journey (c): return and redispatch', () => {
  it('a department returns with a reason, the dispatcher redispatches to another', () => {
    let s = freshCase();
    s = ok(s, { type: 'escalate', note: '上报' }, A.secretary, T0);
    s = ok(s, { type: 'register' }, A.dispatcher, T0);
    s = ok(s, { type: 'dispatch', assignments: [{ departmentId: 'd1', deadline: iso(T0, 24) }] }, A.dispatcher, T0);
    expect(code(s, { type: 'returnAssignment', departmentId: 'd1' }, A.d1, T0)).toBe('reason_required');
    s = ok(s, { type: 'returnAssignment', departmentId: 'd1', note: '不属于本部门职责' }, A.d1, T0);
    expect(s).toMatchObject({ status: 'registered', level: 'street' });
    expect(s.assignments[0]).toMatchObject({ status: 'returned', reason: '不属于本部门职责' });
    expect(types(s, A.d1)).toEqual([]);
    s = ok(s, { type: 'dispatch', assignments: [{ departmentId: 'd2', deadline: iso(T0, 24) }] }, A.dispatcher, T0);
    expect(types(s, A.d2)).toEqual(['acceptAssignment:d2', 'returnAssignment:d2']);
    s = ok(s, { type: 'acceptAssignment', departmentId: 'd2' }, A.d2, T0);
    s = ok(s, { type: 'handle', departmentId: 'd2', note: '已处置' }, A.d2, T0);
    expect(s.status).toBe('checking');
  });

  it('a failed check sends the case back to the department', () => {
    let s = toChecking();
    expect(code(s, { type: 'check', passed: false }, A.dispatcher, T0)).toBe('reason_required');
    s = ok(s, { type: 'check', passed: false, note: '仍有积水' }, A.dispatcher, later(T0, 2));
    expect(s).toMatchObject({ status: 'dispatched', assignments: [{ status: 'rework', reason: '仍有积水' }] });
    s = ok(s, { type: 'handle', departmentId: 'd1', note: '再次处置' }, A.d1, later(T0, 3));
    s = ok(s, { type: 'check', passed: true }, A.streetStaff, later(T0, 4));
    expect(s.status).toBe('resolved');
  });

  it('refuses departments that were not dispatched or do not serve the street', () => {
    const s = ok(
      ok(ok(freshCase(), { type: 'escalate', note: 'x' }, A.secretary, T0), { type: 'register' }, A.dispatcher, T0),
      { type: 'dispatch', assignments: [{ departmentId: 'd1', deadline: iso(T0, 24) }] },
      A.dispatcher,
      T0,
    );
    expect(code(s, { type: 'acceptAssignment', departmentId: 'd2' }, A.d2, T0)).toBe('department_not_assigned');
    expect(code(s, { type: 'acceptAssignment', departmentId: 'd3' }, A.d3OtherStreet, T0)).toBe('forbidden');
    expect(code(s, { type: 'acceptAssignment', departmentId: 'd1' }, A.d2, T0)).toBe('forbidden');
    expect(code(s, { type: 'acceptAssignment', departmentId: 'd1' }, A.d1WithoutGrant, T0)).toBe('forbidden');
    expect(types(s, A.d12)).toEqual(['acceptAssignment:d1', 'returnAssignment:d1']);
    const again = { type: 'dispatch', assignments: [{ departmentId: 'd1', deadline: iso(T0, 5) }] } as const;
    expect(code(s, again, A.dispatcher, T0)).toBe('department_already_assigned');
    const past = { type: 'dispatch', assignments: [{ departmentId: 'd2', deadline: iso(T0, -1) }] } as const;
    expect(code(s, past, A.dispatcher, T0)).toBe('invalid_input');
    expect(code(s, { type: 'register' }, A.otherDispatcher, T0)).toBe('illegal_transition');
    expect(code(s, { type: 'dispatch', assignments: [] }, A.otherDispatcher, T0)).toBe('forbidden');
  });
});

describe('edge cases', () => {
  const resolved = () => ok(toChecking(), { type: 'check', passed: true }, A.dispatcher, later(T0, 2));

  it('only a reporter rates, once per round', () => {
    let s = resolved();
    expect(code(s, { type: 'rate', score: 5 }, A.secretary, T0)).toBe('not_reporter');
    expect(code(s, { type: 'rate', score: 6 }, A.reporter, T0)).toBe('invalid_input');
    s = ok(s, { type: 'rate', score: 2 }, A.reporter, later(T0, 3));
    expect(code(s, { type: 'rate', score: 5 }, A.reporter, later(T0, 4))).toBe('already_rated');
  });

  it('reopens within 7 days of closing, back to the last handler, and not after', () => {
    const closed = ok(resolved(), { type: 'rate', score: 1 }, A.reporter, later(T0, 3));
    expect(code(closed, { type: 'reopen', note: '没修好' }, A.reporter, later(T0, 3 + 7 * 24 + 1))).toBe(
      'reopen_window_passed',
    );
    expect(code(closed, { type: 'reopen', note: '没修好' }, A.secretary, later(T0, 4))).toBe('not_reporter');
    expect(code(closed, { type: 'reopen' }, A.reporter, later(T0, 4))).toBe('reason_required');
    let s = ok(closed, { type: 'reopen', note: '没修好' }, A.reporter, later(T0, 3 + 7 * 24));
    expect(s).toMatchObject({ status: 'dispatched', reopenCount: 1, closedAt: null, resolvedAt: null });
    expect(types(s, A.d1)).toEqual(['handle:d1']);
    s = ok(s, { type: 'handle', departmentId: 'd1', note: '返工' }, A.d1, later(T0, 200));
    s = ok(s, { type: 'check', passed: true }, A.dispatcher, later(T0, 201));
    s = ok(s, { type: 'rate', score: 5 }, A.reporter, later(T0, 202));
    expect(s.ratings.map((r) => [r.score, r.round])).toEqual([
      [1, 0],
      [5, 1],
    ]);
  });

  it('a community-resolved case reopens at the community', () => {
    let s = ok(freshCase(), { type: 'accept' }, A.gridWorker, T0);
    s = ok(s, { type: 'resolve', note: '已清理' }, A.gridWorker, T0);
    s = ok(s, { type: 'rate', score: 3 }, A.reporter, T0);
    s = ok(s, { type: 'reopen', note: '又堆满了' }, A.reporter, later(T0, 1));
    expect(s).toMatchObject({ status: 'accepted', level: 'community' });
  });

  it('cancels only before acceptance', () => {
    const s = freshCase();
    expect(code(s, { type: 'cancel' }, A.secretary, T0)).toBe('not_reporter');
    expect(ok(s, { type: 'cancel' }, A.reporter, T0).status).toBe('cancelled');
    const accepted = ok(s, { type: 'accept' }, A.secretary, T0);
    expect(code(accepted, { type: 'cancel' }, A.reporter, T0)).toBe('illegal_transition');
  });

  it('refuses a stale version: two cadres at once, one wins', () => {
    const s = freshCase();
    const first = apply(s, { type: 'accept' }, A.secretary, T0, s.version);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(apply(first.state, { type: 'escalate', note: 'x' }, A.member, T0, s.version)).toEqual({
      ok: false,
      code: 'version_conflict',
    });
    expect(apply(s, { type: 'accept' }, A.secretary, T0, s.version + 1)).toEqual({
      ok: false,
      code: 'version_conflict',
    });
  });

  it('closes without a rating only after the rating window', () => {
    const s = resolved();
    expect(code(s, { type: 'close' }, A.dispatcher, later(T0, 3))).toBe('rating_pending');
    expect(code(s, { type: 'close' }, A.secretary, later(T0, 300))).toBe('forbidden');
    expect(ok(s, { type: 'close' }, A.dispatcher, later(T0, 2 + 7 * 24)).status).toBe('closed');
  });

  it('urges without changing the status', () => {
    const s = toChecking();
    expect(code(s, { type: 'urge', level: 'red' }, A.gridWorker, T0)).toBe('forbidden');
    for (const who of [A.inspector, A.districtAdmin, A.streetStaff]) {
      const next = ok(s, { type: 'urge', level: 'yellow', note: '加快' }, who, T0);
      expect(next.status).toBe(s.status);
      expect(next.urges).toHaveLength(1);
    }
  });

  it('parks with a review date and unparks to where it was', () => {
    let s = ok(freshCase(), { type: 'accept' }, A.secretary, T0);
    expect(code(s, { type: 'park', reviewAt: iso(T0, 720) }, A.gridWorker, T0)).toBe('forbidden');
    expect(code(s, { type: 'park', reviewAt: iso(T0, 720) }, A.secretary, T0)).toBe('reason_required');
    expect(code(s, { type: 'park', reviewAt: iso(T0, -1), note: 'x' }, A.secretary, T0)).toBe('invalid_input');
    s = ok(s, { type: 'park', reviewAt: iso(T0, 720), note: '历史遗留,待规划' }, A.secretary, T0);
    expect(s.parked).toMatchObject({ from: 'accepted', tier: 'community' });
    expect(types(s, A.member)).toEqual(['unpark', 'absorb']);
    s = ok(s, { type: 'unpark' }, A.member, later(T0, 720));
    expect(s).toMatchObject({ status: 'accepted', parked: null });
  });

  it('summons departments to a joint on-site meeting (吹哨)', () => {
    let s = ok(freshCase(), { type: 'accept' }, A.secretary, T0);
    const summon = { type: 'summon', at: iso(T0, 2), place: '3号楼前', departmentIds: ['d1', 'd2'] } as const;
    s = ok(s, summon, A.secretary, T0);
    expect(code(s, summon, A.secretary, T0)).toBe('illegal_transition');
    expect(code(s, { type: 'confirmAttendance', departmentId: 'd4', attend: true }, A.d4, T0)).toBe('not_invited');
    s = ok(s, { type: 'confirmAttendance', departmentId: 'd1', attend: true }, A.d1, T0);
    s = ok(s, { type: 'confirmAttendance', departmentId: 'd2', attend: false, note: '另有任务' }, A.d12, T0);
    const minutes = { type: 'recordMeeting', minutes: '现场会商', agreedActions: ['城管拆除', '物业清运'] } as const;
    expect(code(s, minutes, A.dispatcher, T0)).toBe('forbidden');
    s = ok(s, minutes, A.member, later(T0, 3));
    expect(s.status).toBe('accepted');
    expect(s.meetings[0]).toMatchObject({
      status: 'held',
      invitees: [
        { departmentId: 'd1', attendance: 'confirmed' },
        { departmentId: 'd2', attendance: 'declined' },
      ],
      agreedActions: ['城管拆除', '物业清运'],
    });
  });

  it('merges a duplicate: its reporters follow and rate the target', () => {
    const target = ok(freshCase('community', 'case-1'), { type: 'accept' }, A.secretary, T0);
    const dup = { ...freshCase('community', 'case-2'), reporterIds: ['rep2'] };
    const m = mergeCases(dup, target, A.secretary, T0, { source: dup.version, target: target.version });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.source).toMatchObject({ status: 'merged', mergedInto: 'case-1' });
    expect(m.target).toMatchObject({ reporterIds: ['rep', 'rep2'], mergedFrom: ['case-2'] });
    expect(invariants(m.target)).toEqual([]);
    let s = ok(m.target, { type: 'resolve', note: '已解决' }, A.secretary, T0);
    s = ok(s, { type: 'rate', score: 5 }, A.neighbour, T0);
    s = ok(s, { type: 'rate', score: 4 }, A.reporter, T0);
    expect(s.ratings.map((r) => r.by)).toEqual(['rep2', 'rep']);
    expect(mergeCases(dup, target, A.stranger, T0, { source: 1, target: target.version })).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });

  it('shows strangers, observers and the wrong community nothing to do', () => {
    const s = freshCase();
    for (const who of [A.stranger, A.observer, A.otherSecretary, A.otherGridWorker, A.otherDispatcher, A.d1])
      expect(types(s, who)).toEqual([]);
    expect(types(s, A.secretary)).toEqual(['accept', 'escalate', 'merge', 'absorb']);
    expect(types(s, A.gridWorker)).toEqual(['accept']);
    expect(types(s, A.reporter)).toEqual(['cancel']);
    expect(types(s, A.inspector)).toEqual(['urge']);
  });

  it('refuses unknown commands and bad attachments without throwing', () => {
    const s = freshCase();
    expect(code(s, { type: 'explode' } as unknown as CaseCommand, A.secretary, T0)).toBe('illegal_transition');
    const many = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(code(s, { type: 'accept', attachments: many }, A.secretary, T0)).toBe('invalid_input');
    expect(code(s, { type: 'accept', attachments: ['p1', 'p1'] }, A.secretary, T0)).toBe('invalid_input');
  });

  it('takes hotline orders straight to the street', () => {
    const s = freshCase('street');
    expect(s).toMatchObject({ status: 'escalated', level: 'street' });
    expect(types(s, A.dispatcher)).toEqual(['sendBack', 'register', 'urge', 'merge', 'absorb']);
    expect(ok(s, { type: 'sendBack', note: '社区可自治' }, A.dispatcher, T0)).toMatchObject({ status: 'accepted' });
  });
});
