import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  CN_2026_CALENDAR,
  CN_2026_HOLIDAYS,
  checkCalendar,
  DEFAULT_CALENDAR,
  dueAt,
  isWorkingDay,
  TimeLimitSchema,
  type WorkingCalendar,
  WorkingCalendarSchema,
} from '../src/calendar/index.ts';

const with_ = (patch: Partial<WorkingCalendar>): WorkingCalendar => ({ ...DEFAULT_CALENDAR, ...patch });
const fields = (cal: WorkingCalendar) => checkCalendar(cal).map((p) => p.field);
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('checkCalendar', () => {
  it('accepts the default and the 2026 calendars', () => {
    expect(checkCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(checkCalendar(CN_2026_CALENDAR)).toEqual([]);
  });

  it('rejects overlapping, unsorted, empty and malformed working periods', () => {
    const p = (from: string, to: string) => ({ from, to });
    expect(fields(with_({ hours: [p('09:00', '12:30'), p('12:00', '17:00')] }))).toEqual(['hours']);
    expect(fields(with_({ hours: [p('09:00', '12:00'), p('11:59', '17:00')] }))).toEqual(['hours']);
    expect(fields(with_({ hours: [p('13:30', '17:30'), p('09:00', '12:00')] }))).toEqual(['hours']);
    expect(fields(with_({ hours: [p('12:00', '09:00')] }))).toEqual(['hours']);
    expect(fields(with_({ hours: [p('09:00', '09:00')] }))).toEqual(['hours']);
    expect(fields(with_({ hours: [] }))).toEqual(['hours']);
    for (const bad of ['9:00', '25:00', '24:30', '12:60', 'noon'])
      expect(fields(with_({ hours: [p(bad, '23:00')] })), bad).toEqual(['hours']);
    expect(checkCalendar(with_({ hours: [p('00:00', '12:00'), p('12:00', '24:00')] }))).toEqual([]);
  });

  it('rejects bad and repeated dates and a date that is both a holiday and a working day', () => {
    expect(fields(with_({ holidays: ['2026-02-30'] }))).toEqual(['holidays']);
    expect(fields(with_({ holidays: ['2026-2-3'] }))).toEqual(['holidays']);
    expect(fields(with_({ workdays: ['2026-01-04', '2026-01-04'] }))).toEqual(['workdays']);
    expect(fields(with_({ holidays: ['2031-03-05'], workdays: ['2031-03-05'] }))).toEqual(['workdays']);
  });

  it('rejects bad weekdays and offsets and a calendar without working days', () => {
    expect(fields(with_({ weekend: [7] }))).toEqual(['weekend']);
    expect(fields(with_({ weekend: [6, 6] }))).toEqual(['weekend']);
    expect(fields(with_({ weekend: [0, 1, 2, 3, 4, 5, 6] }))).toEqual(['weekend']);
    expect(fields(with_({ timeZoneOffsetMinutes: 900 }))).toEqual(['timeZoneOffsetMinutes']);
    expect(fields(with_({ timeZoneOffsetMinutes: 480.5 }))).toEqual(['timeZoneOffsetMinutes']);
  });

  it('refuses to count on an invalid calendar, and fails rather than loops when working days run out', () => {
    const start = at('2031-03-03 10:00');
    expect(() => dueAt(start, { value: 1, unit: 'working_hours' }, with_({ hours: [] }))).toThrow(/hours/);
    const once = with_({ weekend: [0, 1, 2, 3, 4, 5, 6], workdays: ['2031-03-04'] });
    expect(dueAt(start, { value: 1, unit: 'working_days' }, once).toISOString()).toBe('2031-03-04T09:30:00.000Z');
    expect(() => dueAt(start, { value: 2, unit: 'working_days' }, once)).toThrow(RangeError);
    expect(() => dueAt(start, { value: 8, unit: 'working_hours' }, once)).toThrow(RangeError);
  });
});

describe('2026 national holidays (国务院办公厅关于2026年部分节假日安排的通知)', () => {
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

  it('has the 33 days off of the notice and its 6 make-up working days, all on weekends', () => {
    expect(CN_2026_HOLIDAYS.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CN_2026_HOLIDAYS.workdays.map(weekday)).toEqual([0, 6, 6, 6, 0, 6]);
    // Weekdays stated in the notice: 1月1日(周四), 2月15日(周日), 2月23日(周一), 5月5日(周二), 10月7日(周三).
    expect(['2026-01-01', '2026-02-15', '2026-02-23', '2026-05-05', '2026-10-07'].map(weekday)).toEqual([
      4, 0, 1, 2, 3,
    ]);
    for (const d of CN_2026_HOLIDAYS.holidays) expect(isWorkingDay(d, CN_2026_CALENDAR), d).toBe(false);
    for (const d of CN_2026_HOLIDAYS.workdays) expect(isWorkingDay(d, CN_2026_CALENDAR), d).toBe(true);
  });

  it('counts working days across the National Day week and on a make-up Saturday', () => {
    const wd1 = { value: 1, unit: 'working_days' } as const;
    expect(dueAt(at('2026-09-30 10:00'), wd1, CN_2026_CALENDAR).toISOString()).toBe(
      at('2026-10-08 17:30').toISOString(),
    );
    expect(dueAt(at('2026-02-13 10:00'), wd1, CN_2026_CALENDAR).toISOString()).toBe(
      at('2026-02-14 17:30').toISOString(),
    );
    // Received on the make-up Saturday before Spring Festival: next working day is Tuesday 2月24日.
    expect(dueAt(at('2026-02-14 10:00'), wd1, CN_2026_CALENDAR).toISOString()).toBe(
      at('2026-02-24 17:30').toISOString(),
    );
  });
});

describe('JSON schemas', () => {
  it('accept the shipped calendars and valid limits, reject wrong shapes', () => {
    expect(Value.Check(WorkingCalendarSchema, DEFAULT_CALENDAR)).toBe(true);
    expect(Value.Check(WorkingCalendarSchema, CN_2026_CALENDAR)).toBe(true);
    expect(Value.Check(WorkingCalendarSchema, { ...DEFAULT_CALENDAR, weekend: [7] })).toBe(false);
    expect(Value.Check(WorkingCalendarSchema, { ...DEFAULT_CALENDAR, holidays: ['2026/01/01'] })).toBe(false);
    expect(Value.Check(TimeLimitSchema, { value: 4, unit: 'working_hours' })).toBe(true);
    expect(Value.Check(TimeLimitSchema, { value: 2, unit: 'natural_days' })).toBe(true);
    expect(Value.Check(TimeLimitSchema, { value: 4, unit: 'hours' })).toBe(false);
    expect(Value.Check(TimeLimitSchema, { value: -1, unit: 'working_days' })).toBe(false);
  });
});
