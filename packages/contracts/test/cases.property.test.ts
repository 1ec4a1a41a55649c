/**
 * Model-based property tests of the case state machine: random sequences of random commands by random
 * actors (of the right and the wrong community, street and department), half of them picked among the
 * commands `allowedCommands` offers so that runs reach deep states, on a clock that moves forward.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  apply,
  CASE_COMMAND_TYPES,
  CASE_STATUSES,
  type CaseActor,
  type CaseCommand,
  type CaseCommandType,
  type CaseState,
  GUARD_CODES,
  guard,
  INPUT_CODES,
  invariants,
  keyOf,
  validate,
} from '../src/cases/index.ts';
import { ACTORS, DEPARTMENTS, deepFreeze, freshCase, iso, later, T0 } from './cases-fixtures.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
/** Mostly valid input, sometimes not: valid `often`, anything from `rarely`. */
const mostly = <T>(often: fc.Arbitrary<T>, rarely: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: often }, { weight: 1, arbitrary: rarely });
const note = mostly(fc.constantFrom('原因说明', '现场已处置'), maybe(fc.constantFrom('', '  ')));
const dept = fc.constantFrom(...DEPARTMENTS);
const depts = mostly(fc.uniqueArray(dept, { minLength: 1, maxLength: 3 }), fc.array(dept, { maxLength: 3 }));
/** Departments that serve street A, as the server would check; sometimes d3, which does not. */
const dispatchDepts = mostly(fc.uniqueArray(fc.constantFrom('d1', 'd2', 'd4'), { minLength: 1, maxLength: 3 }), depts);

/** Every parameter any command may need; `build` picks what a command type uses. */
const bag = fc.record({
  type: fc.constantFrom(...CASE_COMMAND_TYPES),
  dept,
  depts,
  dispatchDepts,
  hours: mostly(fc.integer({ min: 1, max: 400 }), fc.integer({ min: -3, max: 0 })),
  passed: fc.boolean(),
  failDepts: mostly(fc.constant(undefined), depts),
  score: fc.integer({ min: 0, max: 6 }),
  comment: maybe(fc.constantFrom('', '满意')),
  note,
  attachments: mostly(
    maybe(fc.uniqueArray(fc.constantFrom<string>('p1', 'p2', 'p3'), { maxLength: 3 })),
    fc.array(fc.constantFrom<string>('p1', ''), { maxLength: 10 }),
  ),
  level: fc.constantFrom('normal', 'yellow', 'red', 'purple'),
  urgeDept: maybe(dept),
  place: fc.constantFrom('', '3号楼前', '3号楼前', '社区活动室'),
  attend: fc.boolean(),
  minutes: fc.constantFrom('', '会商纪要', '会商纪要'),
  agreed: fc.array(fc.constantFrom('清运', '拆除', ''), { maxLength: 3 }),
  caseId: fc.constantFrom('case-1', 'case-2', 'case-3'),
  reporters: fc.subarray(['rep', 'rep2', 'rep3']),
});
type Bag = typeof bag extends fc.Arbitrary<infer T> ? T : never;

function build(type: CaseCommandType, department: string, b: Bag, now: Date): CaseCommand {
  const base = {
    ...(b.note === undefined ? {} : { note: b.note }),
    ...(b.attachments ? { attachments: b.attachments } : {}),
  };
  const at = iso(now, b.hours);
  switch (type) {
    case 'dispatch':
      return { ...base, type, assignments: b.dispatchDepts.map((departmentId) => ({ departmentId, deadline: at })) };
    case 'acceptAssignment':
    case 'returnAssignment':
    case 'handle':
      return { ...base, type, departmentId: department };
    case 'confirmAttendance':
      return { ...base, type, departmentId: department, attend: b.attend };
    case 'check':
      return { ...base, type, passed: b.passed, ...(b.failDepts ? { departmentIds: b.failDepts } : {}) };
    case 'rate':
      return { ...base, type, score: b.score, ...(b.comment === undefined ? {} : { comment: b.comment }) };
    case 'urge':
      return { ...base, type, level: b.level as 'red', ...(b.urgeDept ? { departmentId: b.urgeDept } : {}) };
    case 'park':
      return { ...base, type, reviewAt: at };
    case 'summon':
      return { ...base, type, at, place: b.place, departmentIds: b.depts };
    case 'recordMeeting':
      return { ...base, type, minutes: b.minutes, agreedActions: b.agreed };
    case 'merge':
      return { ...base, type, targetId: b.caseId };
    case 'absorb':
      return { ...base, type, sourceId: b.caseId, reporterIds: b.reporters };
    default:
      return { ...base, type };
  }
}

const step = fc.record({
  guided: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  pick: fc.noBias(fc.nat()),
  actor: fc.nat({ max: ACTORS.length - 1 }),
  bag,
  advanceHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 24, max: 24 * 9 })),
  skew: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, -1, 1),
});
const scenario = fc.record({
  level: fc.constantFrom('courtyard', 'community', 'street') as fc.Arbitrary<'courtyard' | 'community' | 'street'>,
  steps: fc.array(step, { minLength: 1, maxLength: 80, size: 'large' }),
});

const keyString = (k: { type: string; departmentId?: string }) => `${k.type}:${k.departmentId ?? ''}`;
const guardCodes: ReadonlySet<string> = new Set(GUARD_CODES);
const inputCodes: ReadonlySet<string> = new Set(INPUT_CODES);

/** What the runs reached, to show that the properties were exercised beyond the first steps. */
const reached = { statuses: new Set<string>(), commands: new Set<string>(), codes: new Set<string>() };

const PROGRESS: ReadonlySet<string> = new Set([
  'accept',
  'resolve',
  'escalate',
  'register',
  'dispatch',
  'acceptAssignment',
  'returnAssignment',
  'handle',
  'check',
  'rate',
  'reopen',
  'close',
  'unpark',
]);

function choose(s: CaseState, st: typeof step extends fc.Arbitrary<infer T> ? T : never, now: Date) {
  if (st.guided) {
    // Pick a command type first, then who runs it, so that urging or meetings do not crowd out progress.
    const offers = ACTORS.flatMap((a) => allowedCommands(s, a, now).map((k) => ({ a, k })));
    // Mostly move the case along, so that most runs get deep into the workflow; side tracks and early
    // endings (cancel, merge) the rest of the time.
    const all = [...new Set(offers.map((o) => o.k.type))];
    const forward = all.filter((t) => PROGRESS.has(t));
    const kinds = st.pick % 3 !== 0 && forward.length > 0 ? forward : all;
    const kind = kinds[st.pick % Math.max(kinds.length, 1)];
    const ofKind = offers.filter((o) => o.k.type === kind);
    const offer = ofKind[Math.floor(st.pick / 64) % Math.max(ofKind.length, 1)];
    // A near miss now and then: an offered department command, but for a random department.
    const department = st.pick % 5 === 0 ? st.bag.dept : (offer?.k.departmentId ?? '');
    if (offer) return { actor: offer.a, command: build(offer.k.type, department, st.bag, now) };
  }
  const actor: CaseActor = ACTORS[st.actor]!;
  // Department staff mostly act for their own departments, sometimes for any.
  const own = actor.departmentIds ?? [];
  const department = own.length > 0 && st.pick % 2 === 0 ? own[st.pick % own.length]! : st.bag.dept;
  // Half of the time a command that fits the status for someone (refused for another actor, department,
  // time or input), else any command at all.
  const fits = CASE_COMMAND_TYPES.filter((type) =>
    ACTORS.some((a) =>
      [...DEPARTMENTS, undefined].some((d) => {
        const g = guard(s, d ? { type, departmentId: d } : { type }, a, now);
        return g.ok || g.code !== 'illegal_transition';
      }),
    ),
  );
  const type = Math.floor(st.pick / 8) % 2 === 0 && fits.length > 0 ? fits[st.pick % fits.length]! : st.bag.type;
  return { actor, command: build(type, department, st.bag, now) };
}

describe('case state machine properties', () => {
  it('stays valid, agrees with allowedCommands, never changes on refusal and never loses history', () => {
    fc.assert(
      fc.property(scenario, ({ level, steps }) => {
        let s = deepFreeze(freshCase(level));
        let now = T0;
        let successes = 0;
        expect(invariants(s)).toEqual([]);
        reached.statuses.add(s.status);
        for (const st of steps) {
          now = later(now, st.advanceHours);
          const { actor, command } = choose(s, st, now);
          const before = JSON.stringify(s);
          const allowed = allowedCommands(s, actor, now)
            .map(keyString)
            .includes(keyString(keyOf(command)));
          const r = apply(s, command, actor, now, s.version + st.skew);
          expect(JSON.stringify(s)).toBe(before);
          if (st.skew !== 0) {
            expect(r).toEqual({ ok: false, code: 'version_conflict' });
            continue;
          }
          if (!r.ok) {
            reached.codes.add(r.code);
            // Refused by the guard iff not offered; an offered command fails only on its input.
            expect(guardCodes.has(r.code), `${command.type} by ${actor.userId}: ${r.code}`).toBe(!allowed);
            if (allowed) expect(inputCodes.has(r.code)).toBe(true);
            continue;
          }
          expect(allowed, `${command.type} by ${actor.userId} succeeded without being offered`).toBe(true);
          expect(validate(s, command, now)).toBeNull();
          const next = r.state;
          expect(invariants(next)).toEqual([]);
          expect(JSON.parse(JSON.stringify(next))).toEqual(next);
          expect(next.version).toBe(s.version + 1);
          expect(next.timeline.slice(0, s.timeline.length)).toEqual(s.timeline);
          expect(next.timeline.at(-1)).toMatchObject({
            type: command.type,
            actorId: actor.userId,
            at: now.toISOString(),
          });
          const statusNeutral = ['urge', 'summon', 'confirmAttendance', 'recordMeeting', 'cancelMeeting', 'absorb'];
          if (statusNeutral.includes(command.type)) expect(next.status).toBe(s.status);
          successes += 1;
          reached.statuses.add(next.status);
          reached.commands.add(command.type);
          s = deepFreeze(next);
        }
        expect(s.timeline).toHaveLength(successes + 1);
        expect(s.timeline.map((e) => e.version)).toEqual(s.timeline.map((_, i) => i + 1));
        const times = s.timeline.map((e) => Date.parse(e.at));
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }),
      { numRuns: 400 },
    );
    // The runs reached every status and ran every command, and met every refusal code.
    expect([...reached.statuses].sort()).toEqual([...CASE_STATUSES].sort());
    expect([...reached.commands].sort()).toEqual([...CASE_COMMAND_TYPES].sort());
    // The rarest refusals (a department confirming a meeting it was not invited to, closing before the
    // rating window passed) need several coincidences; the example tests pin them down.
    const rare = ['not_invited', 'rating_pending'];
    const codes = [...GUARD_CODES, ...INPUT_CODES].filter((c) => !rare.includes(c));
    expect([...reached.codes].filter((c) => !rare.includes(c)).sort()).toEqual(codes.sort());
  });

  it('a closed case was rated by a reporter or closed after the rating window', () => {
    fc.assert(
      fc.property(scenario, ({ level, steps }) => {
        let s = freshCase(level);
        let now = T0;
        for (const st of steps) {
          now = later(now, st.advanceHours);
          const { actor, command } = choose(s, { ...st, guided: true }, now);
          const r = apply(s, command, actor, now, s.version);
          if (r.ok) s = r.state;
          if (s.status !== 'closed') continue;
          const last = s.timeline.at(-1)!;
          const closing = s.timeline.findLast((e) => e.toStatus === 'closed' && e.fromStatus === 'resolved')!;
          expect(['rate', 'close']).toContain(closing.type);
          if (closing.type === 'rate') expect(s.reporterIds).toContain(closing.actorId);
          expect(last.toStatus).toBe('closed');
        }
      }),
      { numRuns: 200 },
    );
  });
});
