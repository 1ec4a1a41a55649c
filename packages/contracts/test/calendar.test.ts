import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  dueAt,
  isWorkingDay,
  isWorkingTime,
  localDateOf,
  slaLevel,
  type TimeLimit,
  type WorkingCalendar,
  workingMsBetween,
  workingMsPerDay,
} from '../src/calendar/index.ts';

/** Local Beijing time, e.g. at('2031-03-07 16:00'). 2031-03-03 is a Monday, 2031-03-07 a Friday. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (d: Date) => d.toISOString();
const wh = (value: number): TimeLimit => ({ value, unit: 'working_hours' });
const wd = (value: number): TimeLimit => ({ value, unit: 'working_days' });
const H = 3_600_000;
const cal = DEFAULT_CALENDAR;

// FIXTURES, not real holidays: a made-up holiday on Wednesday 2031-03-05 and a made-up make-up Saturday.
const FIXTURE: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: ['2031-03-05'], workdays: ['2031-03-08'] };
// FIXTURE: a made-up make-up working Sunday 2031-03-09.
const SUNDAY_WORK: WorkingCalendar = { ...DEFAULT_CALENDAR, workdays: ['2031-03-09'] };

describe('working hours', () => {
  it('carries over the weekend: Friday 16:00 + 4 h = Monday 11:30 (1.5 h Friday, 2.5 h Monday)', () => {
    expect(iso(dueAt(at('2031-03-07 16:00'), wh(4), cal))).toBe(iso(at('2031-03-10 11:30')));
    expect(iso(dueAt(at('2031-03-07 16:30'), wh(4), cal))).toBe(iso(at('2031-03-10 12:00')));
  });

  it('ends at the close of a period rather than at the start of the next one', () => {
    expect(iso(dueAt(at('2031-03-07 16:00'), wh(1.5), cal))).toBe(iso(at('2031-03-07 17:30')));
    expect(iso(dueAt(at('2031-03-03 09:00'), wh(3), cal))).toBe(iso(at('2031-03-03 12:00')));
    expect(iso(dueAt(at('2031-03-03 09:00'), wh(7), cal))).toBe(iso(at('2031-03-03 17:30')));
  });

  it('a start on Saturday begins counting on Monday morning', () => {
    expect(iso(dueAt(at('2031-03-08 10:00'), wh(2), cal))).toBe(iso(at('2031-03-10 11:00')));
    expect(iso(dueAt(at('2031-03-08 10:00'), wh(0), cal))).toBe(iso(at('2031-03-10 09:00')));
  });

  it('a start at lunch begins counting at 13:30; a start before opening at 09:00', () => {
    expect(iso(dueAt(at('2031-03-04 12:30'), wh(1), cal))).toBe(iso(at('2031-03-04 14:30')));
    expect(iso(dueAt(at('2031-03-04 12:00'), wh(3), cal))).toBe(iso(at('2031-03-04 16:30')));
    expect(iso(dueAt(at('2031-03-04 06:00'), wh(0.5), cal))).toBe(iso(at('2031-03-04 09:30')));
    expect(iso(dueAt(at('2031-03-04 20:00'), wh(1), cal))).toBe(iso(at('2031-03-05 10:00')));
  });

  it('counts across lunch: 11:00 + 2 h = 14:30', () => {
    expect(iso(dueAt(at('2031-03-04 11:00'), wh(2), cal))).toBe(iso(at('2031-03-04 14:30')));
  });

  it('skips a holiday in the middle and counts a make-up Saturday (fixture calendar)', () => {
    expect(iso(dueAt(at('2031-03-04 16:30'), wh(8), cal))).toBe(iso(at('2031-03-05 17:30')));
    expect(iso(dueAt(at('2031-03-04 16:30'), wh(8), FIXTURE))).toBe(iso(at('2031-03-06 17:30')));
    expect(iso(dueAt(at('2031-03-07 17:00'), wh(2), cal))).toBe(iso(at('2031-03-10 10:30')));
    expect(iso(dueAt(at('2031-03-07 17:00'), wh(2), FIXTURE))).toBe(iso(at('2031-03-08 10:30')));
  });

  it('a make-up Sunday counts as working', () => {
    expect(isWorkingDay('2031-03-09', SUNDAY_WORK)).toBe(true);
    expect(isWorkingDay('2031-03-09', cal)).toBe(false);
    expect(iso(dueAt(at('2031-03-08 10:00'), wh(1), SUNDAY_WORK))).toBe(iso(at('2031-03-09 10:00')));
  });
});

describe('working days (「N个工作日」: day of receipt not counted, due at close of business)', () => {
  it('1 working day from Monday is Tuesday 17:30 whatever the hour of receipt', () => {
    for (const t of ['2031-03-03 00:00', '2031-03-03 08:00', '2031-03-03 10:00', '2031-03-03 20:00'])
      expect(iso(dueAt(at(t), wd(1), cal)), t).toBe(iso(at('2031-03-04 17:30')));
  });

  it('counts only working days after the day of receipt', () => {
    expect(iso(dueAt(at('2031-03-07 10:00'), wd(1), cal))).toBe(iso(at('2031-03-10 17:30')));
    expect(iso(dueAt(at('2031-03-08 10:00'), wd(1), cal))).toBe(iso(at('2031-03-10 17:30')));
    expect(iso(dueAt(at('2031-03-03 10:00'), wd(5), cal))).toBe(iso(at('2031-03-10 17:30')));
  });

  it('skips the fixture holiday and counts the fixture make-up Saturday', () => {
    expect(iso(dueAt(at('2031-03-04 10:00'), wd(2), cal))).toBe(iso(at('2031-03-06 17:30')));
    expect(iso(dueAt(at('2031-03-04 10:00'), wd(2), FIXTURE))).toBe(iso(at('2031-03-07 17:30')));
    expect(iso(dueAt(at('2031-03-04 10:00'), wd(3), FIXTURE))).toBe(iso(at('2031-03-08 17:30')));
  });

  it('rejects fractions and zero', () => {
    expect(() => dueAt(at('2031-03-03 10:00'), wd(0), cal)).toThrow(RangeError);
    expect(() => dueAt(at('2031-03-03 10:00'), wd(1.5), cal)).toThrow(RangeError);
    expect(() => dueAt(at('2031-03-03 10:00'), wh(-1), cal)).toThrow(RangeError);
    expect(() => dueAt(at('2031-03-03 10:00'), wh(Number.NaN), cal)).toThrow(RangeError);
    expect(() => dueAt(new Date(Number.NaN), wh(1), cal)).toThrow(RangeError);
  });
});

describe('natural time ignores the calendar', () => {
  it('runs straight across a weekend and a holiday', () => {
    const fri = at('2031-03-07 16:00');
    expect(iso(dueAt(fri, { value: 24, unit: 'natural_hours' }, FIXTURE))).toBe(iso(at('2031-03-08 16:00')));
    expect(iso(dueAt(fri, { value: 2, unit: 'natural_hours' }, cal))).toBe(iso(at('2031-03-07 18:00')));
    expect(iso(dueAt(fri, { value: 2, unit: 'natural_days' }, cal))).toBe(iso(at('2031-03-09 16:00')));
    const tue = at('2031-03-04 20:00');
    expect(iso(dueAt(tue, { value: 24, unit: 'natural_hours' }, FIXTURE))).toBe(iso(at('2031-03-05 20:00')));
  });
});

describe('working time elapsed', () => {
  it('counts only working periods of working days, negative when reversed', () => {
    expect(workingMsPerDay(cal)).toBe(7 * H);
    expect(workingMsBetween(at('2031-03-07 16:00'), at('2031-03-10 11:30'), cal)).toBe(4 * H);
    expect(workingMsBetween(at('2031-03-03 00:00'), at('2031-03-10 00:00'), cal)).toBe(35 * H);
    expect(workingMsBetween(at('2031-03-03 00:00'), at('2031-03-10 00:00'), FIXTURE)).toBe(35 * H);
    expect(workingMsBetween(at('2031-03-04 12:00'), at('2031-03-04 13:30'), cal)).toBe(0);
    expect(workingMsBetween(at('2031-03-10 11:30'), at('2031-03-07 16:00'), cal)).toBe(-4 * H);
  });
});

describe('slaLevel', () => {
  // 10 working hours from Monday 09:00: 7 h Monday + 3 h Tuesday → due Tuesday 12:00; 80 % = Tuesday 10:00.
  const start = at('2031-03-03 09:00');
  const due = dueAt(start, wh(10), cal);
  const level = (now: Date) => slaLevel(now, start, due, cal, { yellowAt: 0.8 });
  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

  it('turns yellow exactly when 80 % of the working time is used and red only after due', () => {
    expect(iso(due)).toBe(iso(at('2031-03-04 12:00')));
    expect(level(at('2031-03-03 17:30'))).toBe('ok');
    expect(level(at('2031-03-04 08:00'))).toBe('ok'); // the night does not use working time
    expect(level(ms(at('2031-03-04 10:00'), -1))).toBe('ok');
    expect(level(at('2031-03-04 10:00'))).toBe('yellow');
    expect(level(due)).toBe('yellow');
    expect(level(ms(due, 1))).toBe('red');
    expect(level(at('2031-03-04 12:30'))).toBe('red'); // over due during lunch, though no working time passed
  });

  it('measures natural limits in elapsed time', () => {
    const s = at('2031-03-07 16:00');
    const d = dueAt(s, { value: 10, unit: 'natural_hours' }, cal);
    const opts = { yellowAt: 0.5, unit: 'natural_hours' } as const;
    expect(slaLevel(ms(s, 5 * H - 1), s, d, cal, opts)).toBe('ok');
    expect(slaLevel(ms(s, 5 * H), s, d, cal, opts)).toBe('yellow');
    expect(slaLevel(ms(d, 1), s, d, cal, opts)).toBe('red');
    // Measured in working time the limit holds only 1.5 h (Friday 16:00–17:30), so one hour in is already yellow.
    expect(slaLevel(ms(s, 1 * H), s, d, cal, opts)).toBe('ok');
    expect(slaLevel(ms(s, 1 * H), s, d, cal, { yellowAt: 0.5 })).toBe('yellow');
    expect(slaLevel(ms(s, 0.5 * H), s, d, cal, { yellowAt: 0.5 })).toBe('ok');
  });

  it('a zero-length limit is yellow until due, then red', () => {
    const s = at('2031-03-03 10:00');
    expect(slaLevel(s, s, s, cal, { yellowAt: 0.8 })).toBe('yellow');
    expect(slaLevel(ms(s, 1), s, s, cal, { yellowAt: 0.8 })).toBe('red');
  });

  it('rejects a threshold outside 0–1', () => {
    expect(() => slaLevel(start, start, due, cal, { yellowAt: 1.2 })).toThrow(RangeError);
    expect(() => slaLevel(start, start, due, cal, { yellowAt: Number.NaN })).toThrow(RangeError);
  });
});

describe('time zone: UTC instants, counted in +08:00 local time', () => {
  it('a Friday 16:30 UTC instant is Saturday 00:30 in Beijing, so counting starts Monday 09:00 local', () => {
    const t = new Date('2031-03-07T16:30:00Z');
    expect(localDateOf(t, cal)).toBe('2031-03-08');
    expect(isWorkingTime(t, cal)).toBe(false);
    expect(iso(dueAt(t, wh(1), cal))).toBe('2031-03-10T02:00:00.000Z');
    expect(iso(dueAt(new Date('2031-03-07T08:00:00Z'), wh(4), cal))).toBe('2031-03-10T03:30:00.000Z');
  });

  it('the offset matters: the same instant on a UTC calendar is Friday working time', () => {
    const utc: WorkingCalendar = { ...cal, timeZoneOffsetMinutes: 0 };
    const t = new Date('2031-03-07T16:30:00Z');
    expect(isWorkingTime(t, utc)).toBe(true);
    expect(iso(dueAt(t, wh(1), utc))).toBe('2031-03-07T17:30:00.000Z');
    expect(iso(dueAt(t, wd(1), utc))).toBe('2031-03-10T17:30:00.000Z');
    expect(iso(dueAt(t, wd(1), cal))).toBe('2031-03-10T09:30:00.000Z');
  });
});
