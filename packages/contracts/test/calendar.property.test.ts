import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueAt,
  isWorkingTime,
  slaLevel,
  type TimeLimit,
  type TimeLimitUnit,
  type WorkingCalendar,
  workingMsBetween,
} from '../src/calendar/index.ts';

const RUNS = { numRuns: 300 };
const H = 3_600_000;
const DAY = 86_400_000;
const BASE = Date.parse('2031-01-01T00:00:00Z'); // holidays and starts fall in the 120 days after this
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
const isoDay = (i: number) => new Date(BASE + i * DAY).toISOString().slice(0, 10);

/** Random calendars: 0–5 weekend days, sorted periods, up to 25 holidays and 10 disjoint make-up days. */
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    timeZoneOffsetMinutes: fc.constantFrom(480, 0, -300, 345, 840, -720),
    weekend: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 5 }),
    bounds: fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 }),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 35 }),
    split: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ timeZoneOffsetMinutes, weekend, bounds, days, split }) => {
    const b = [...bounds].sort((x, y) => x - y);
    const hours = [];
    for (let i = 0; i + 1 < b.length; i += 2) hours.push({ from: hhmm(b[i]!), to: hhmm(b[i + 1]!) });
    const workdays = days.slice(0, split).map(isoDay);
    const holidays = days.slice(split).map(isoDay);
    return { timeZoneOffsetMinutes, weekend, holidays, workdays, hours };
  });

const startArb = fc.integer({ min: 0, max: 90 * DAY }).map((ms) => new Date(BASE + ms));
const workingUnitArb = fc.constantFrom<TimeLimitUnit>('working_hours', 'working_days');
const limitArb: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.integer({ min: 0, max: 120 * 60 }).map((m) => ({ value: m / 60, unit: 'working_hours' as const })),
  fc.integer({ min: 1, max: 40 }).map((value) => ({ value, unit: 'working_days' as const })),
  fc.integer({ min: 0, max: 500 }).map((value) => ({ value, unit: 'natural_hours' as const })),
  fc.integer({ min: 0, max: 30 }).map((value) => ({ value, unit: 'natural_days' as const })),
);
const t = (d: Date) => d.getTime();

describe('dueAt properties', () => {
  it('working_hours due time is exactly h hours of working time after the start', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 0, max: 200 * 60 }), (cal, start, minutes) => {
        const due = dueAt(start, { value: minutes / 60, unit: 'working_hours' }, cal);
        expect(workingMsBetween(start, due, cal)).toBe(minutes * 60_000);
      }),
      RUNS,
    );
  });

  it('is monotone in the start', () => {
    fc.assert(
      fc.property(calendarArb, startArb, startArb, limitArb, (cal, a, b, limit) => {
        const [s1, s2] = t(a) <= t(b) ? [a, b] : [b, a];
        expect(t(dueAt(s1, limit, cal))).toBeLessThanOrEqual(t(dueAt(s2, limit, cal)));
      }),
      RUNS,
    );
  });

  it('is monotone in the value', () => {
    fc.assert(
      fc.property(calendarArb, startArb, limitArb, fc.integer({ min: 0, max: 50 }), (cal, start, limit, extra) => {
        const more = { ...limit, value: limit.value + extra };
        expect(t(dueAt(start, limit, cal))).toBeLessThanOrEqual(t(dueAt(start, more, cal)));
      }),
      RUNS,
    );
  });

  it('a working-unit due time lies within or at the end of a working period', () => {
    fc.assert(
      fc.property(calendarArb, startArb, limitArb, workingUnitArb, (cal, start, limit, unit) => {
        const value = unit === 'working_days' ? Math.max(1, Math.round(limit.value)) : limit.value;
        const due = dueAt(start, { value, unit }, cal);
        expect(isWorkingTime(due, cal) || isWorkingTime(new Date(t(due) - 1), cal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding a holiday never makes a due time earlier', () => {
    fc.assert(
      fc.property(calendarArb, startArb, limitArb, fc.integer({ min: 0, max: 120 }), (cal, start, limit, day) => {
        const extra = isoDay(day);
        fc.pre(!cal.workdays.includes(extra) && !cal.holidays.includes(extra));
        const more = { ...cal, holidays: [...cal.holidays, extra] };
        expect(t(dueAt(start, limit, cal))).toBeLessThanOrEqual(t(dueAt(start, limit, more)));
      }),
      RUNS,
    );
  });

  it('natural units ignore the calendar', () => {
    fc.assert(
      fc.property(calendarArb, calendarArb, startArb, fc.integer({ min: 0, max: 500 }), (c1, c2, start, h) => {
        const limit = { value: h, unit: 'natural_hours' } as const;
        expect(t(dueAt(start, limit, c1))).toBe(t(start) + h * H);
        expect(t(dueAt(start, limit, c2))).toBe(t(start) + h * H);
      }),
      RUNS,
    );
  });
});

/** Reference: count working minutes one by one from local wall-clock fields (minute-aligned inputs only). */
function refWorkingMinutes(a: number, b: number, cal: WorkingCalendar): number {
  let n = 0;
  for (let m = a; m < b; m += 60_000) {
    const local = new Date(m + cal.timeZoneOffsetMinutes * 60_000);
    const date = local.toISOString().slice(0, 10);
    const working = cal.workdays.includes(date)
      ? true
      : !cal.holidays.includes(date) && !cal.weekend.includes(local.getUTCDay());
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const inPeriod = cal.hours.some((p) => {
      const [fh, fm] = p.from.split(':').map(Number);
      const [th, tm] = p.to.split(':').map(Number);
      return minute >= fh! * 60 + fm! && minute < th! * 60 + tm!;
    });
    if (working && inPeriod) n++;
  }
  return n;
}

describe('workingMsBetween properties', () => {
  const minuteStart = fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => BASE + m * 60_000);

  it('agrees with a minute-by-minute reference over spans of up to 3 days', () => {
    fc.assert(
      fc.property(calendarArb, minuteStart, fc.integer({ min: 0, max: 3 * 24 * 60 }), (cal, a, span) => {
        const b = a + span * 60_000;
        expect(workingMsBetween(new Date(a), new Date(b), cal)).toBe(refWorkingMinutes(a, b, cal) * 60_000);
      }),
      { numRuns: 100 },
    );
  });

  it('is additive and antisymmetric', () => {
    fc.assert(
      fc.property(calendarArb, startArb, startArb, startArb, (cal, x, y, z) => {
        const w = (p: Date, q: Date) => workingMsBetween(p, q, cal);
        expect(w(x, z)).toBe(w(x, y) + w(y, z));
        expect(w(y, x)).toBe(0 - w(x, y)); // Object.is: a reversed empty span is 0, not -0
      }),
      RUNS,
    );
  });
});

describe('slaLevel properties', () => {
  it('never goes back from red to yellow or from yellow to ok as time passes, and is red exactly after due', () => {
    const rank = { ok: 0, yellow: 1, red: 2 } as const;
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        limitArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 200 * H }),
        fc.integer({ min: 0, max: 200 * H }),
        (cal, start, limit, yellowAt, d1, d2) => {
          const due = dueAt(start, limit, cal);
          const opts = { yellowAt, unit: limit.unit };
          const [n1, n2] = [new Date(t(start) + Math.min(d1, d2)), new Date(t(start) + Math.max(d1, d2))];
          const [l1, l2] = [slaLevel(n1, start, due, cal, opts), slaLevel(n2, start, due, cal, opts)];
          expect(rank[l1]).toBeLessThanOrEqual(rank[l2]);
          expect(l2 === 'red').toBe(t(n2) > t(due));
        },
      ),
      RUNS,
    );
  });
});
