/**
 * The SLA view of random reachable states: every working status has exactly one running limit, yellow never
 * comes after due, colours only darken as time passes, and the system's auto-escalation keeps the state valid
 * and the history intact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../src/calendar/index.ts';
import {
  allowedCommands,
  apply,
  autoEscalate,
  type CaseCommand,
  type CaseState,
  caseSla,
  invariants,
  OPEN_STATUSES,
  slaColour,
} from '../src/cases/index.ts';
import { ACTORS, deepFreeze, freshCase, iso, later, T0 } from './cases-fixtures.ts';

const LIMITS = {
  accept: { value: 4, unit: 'working_hours' as const },
  handle: { value: 2, unit: 'working_days' as const },
  check: { value: 1, unit: 'natural_hours' as const },
};

/** A command for an offered key, with plausible input. */
function commandFor(type: string, departmentId: string | undefined, now: Date): CaseCommand {
  const note = '说明';
  const at = iso(now, 30);
  switch (type) {
    case 'dispatch':
      return { type, note, assignments: [{ departmentId: 'd1', deadline: at }] };
    case 'check':
      return { type, passed: true, note };
    case 'rate':
      return { type, score: 4 };
    case 'urge':
      return { type, level: 'yellow', note };
    case 'park':
      return { type, reviewAt: at, note };
    case 'summon':
      return { type, at, place: '现场', departmentIds: ['d1'] };
    case 'confirmAttendance':
      return { type, departmentId: departmentId!, attend: true };
    case 'recordMeeting':
      return { type, minutes: '纪要', agreedActions: ['整改'] };
    case 'merge':
      return { type, targetId: 'case-9', note };
    case 'absorb':
      return { type, sourceId: 'case-8', reporterIds: [], note };
    default:
      return departmentId ? ({ type, departmentId, note } as CaseCommand) : ({ type, note } as CaseCommand);
  }
}

const steps = fc.array(
  fc.record({ pick: fc.nat(), hours: fc.integer({ min: 0, max: 60 }), system: fc.integer({ min: 0, max: 5 }) }),
  { minLength: 1, maxLength: 50 },
);

describe('SLA of reachable states', () => {
  it('has one running limit per working status, yellow ≤ due, colours only darken; auto-escalation stays valid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('courtyard', 'community', 'street') as fc.Arbitrary<'courtyard'>,
        steps,
        (level, run) => {
          let s: CaseState = deepFreeze(freshCase(level));
          let now = T0;
          for (const st of run) {
            now = later(now, st.hours);
            if (st.system === 0 && s.status === 'submitted') {
              const next = autoEscalate(s, now, '超时自动上报');
              expect(next).not.toBeNull();
              expect(invariants(next!)).toEqual([]);
              expect(next!.timeline.slice(0, s.timeline.length)).toEqual(s.timeline);
              expect(next!.timeline.at(-1)).toMatchObject({ type: 'autoEscalate', role: 'system' });
              s = deepFreeze(next!);
            } else {
              const offers = ACTORS.flatMap((a) => allowedCommands(s, a, now).map((k) => ({ a, k })));
              const offer = offers[st.pick % Math.max(offers.length, 1)];
              if (!offer) break;
              const r = apply(s, commandFor(offer.k.type, offer.k.departmentId, now), offer.a, now, s.version);
              if (r.ok) s = deepFreeze(r.state);
            }
            const sla = caseSla(s, LIMITS, 0.8, CN_2026_CALENDAR);
            if (OPEN_STATUSES.includes(s.status)) expect(sla).not.toBeNull();
            if (!sla) continue;
            expect(Date.parse(sla.dueAt)).toBeGreaterThanOrEqual(Date.parse(sla.startedAt));
            if (sla.yellowAt) expect(Date.parse(sla.yellowAt)).toBeLessThanOrEqual(Date.parse(sla.dueAt));
            const rank = { ok: 0, yellow: 1, red: 2 };
            let last = 0;
            for (const h of [0, 1, 4, 24, 24 * 7, 24 * 60]) {
              const c = rank[slaColour(sla, later(now, h))];
              expect(c).toBeGreaterThanOrEqual(last);
              last = c;
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('auto-escalation does nothing once a case was signed for', () => {
    const s = freshCase('courtyard');
    const accepted = apply(
      s,
      { type: 'accept' },
      ACTORS.find((a) => allowedCommands(s, a, T0).some((k) => k.type === 'accept'))!,
      T0,
      1,
    );
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(autoEscalate(accepted.state, T0)).toBeNull();
  });
});
