/**
 * SLA arithmetic on a working calendar: due times, working time elapsed and the yellow/red level (黄牌/红牌).
 *
 * Rules (pure functions; the caller passes the instants, normally from the injectable clock):
 * - `working_hours: h` counts h hours of time inside working periods of working days. A start outside working
 *   time begins counting at the next working period. A due time that falls exactly on the end of a period stays
 *   there (Friday 16:00 + 1.5 h = Friday 17:30, not Monday 09:00).
 * - `working_days: n` (「N个工作日」) follows Civil Code art. 201 and 203: the day of receipt is not counted,
 *   whatever the hour; counting starts with the next day, only working days count, and the time limit ends at
 *   close of business (the end of the last working period) of the n-th working day. Received Monday 08:00 or
 *   Monday 20:00, 1 working day is due Tuesday 17:30; received Friday, it is due the next working Monday.
 *   n must be a whole number ≥ 1.
 * - `natural_hours: h` / `natural_days: d` ignore the calendar: start + h × 1 h / d × 24 h of elapsed time
 *   (used for urgent categories: "2 小时内", "24 小时内").
 */
import {
  type CompiledCalendar,
  compileCalendar,
  DAY_MS,
  dayStartOf,
  HOUR_MS,
  isWorkingDayNumber,
  localDayOf,
  type WorkingCalendar,
} from './calendar.ts';

export const TIME_LIMIT_UNITS = ['working_hours', 'working_days', 'natural_hours', 'natural_days'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
}

export const isNaturalUnit = (unit: TimeLimitUnit): boolean => unit === 'natural_hours' || unit === 'natural_days';

/** A calendar may not have more consecutive days without working time than this (longest real break: 9 days). */
const MAX_IDLE_DAYS = 400;

function ms(d: Date, name: string): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is not a valid date`);
  return t;
}

function idleGuard(idle: number): void {
  if (idle > MAX_IDLE_DAYS) throw new RangeError(`working calendar has no working day for ${MAX_IDLE_DAYS} days`);
}

/** The instant `amount` ms of working time after `t`. */
function addWorkingMs(t: number, amount: number, c: CompiledCalendar): number {
  let remaining = amount;
  let idle = 0;
  for (let day = localDayOf(t, c); ; day++) {
    if (!isWorkingDayNumber(day, c)) {
      idleGuard(++idle);
      continue;
    }
    idle = 0;
    const base = dayStartOf(day, c);
    for (const [a, b] of c.periods) {
      const end = base + b;
      if (end <= t) continue;
      const from = Math.max(base + a, t);
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
  }
}

/** Close of business of the n-th working day after the local day of `t`. */
function addWorkingDays(t: number, n: number, c: CompiledCalendar): number {
  let count = 0;
  let idle = 0;
  for (let day = localDayOf(t, c) + 1; ; day++) {
    if (!isWorkingDayNumber(day, c)) {
      idleGuard(++idle);
      continue;
    }
    idle = 0;
    if (++count === n) return dayStartOf(day, c) + c.periods[c.periods.length - 1]![1];
  }
}

/** When a time limit that started at `start` runs out. Throws a RangeError for a bad value or calendar. */
export function dueAt(start: Date, limit: TimeLimit, cal: WorkingCalendar): Date {
  const t = ms(start, 'start');
  const { value, unit } = limit;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`time limit must be a finite number ≥ 0: ${value}`);
  switch (unit) {
    case 'natural_hours':
      return new Date(t + Math.round(value * HOUR_MS));
    case 'natural_days':
      return new Date(t + Math.round(value * DAY_MS));
    case 'working_hours':
      return new Date(addWorkingMs(t, Math.round(value * HOUR_MS), compileCalendar(cal)));
    case 'working_days':
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`working_days must be a whole number ≥ 1: ${value}`);
      return new Date(addWorkingDays(t, value, compileCalendar(cal)));
    default:
      throw new RangeError(`unknown time limit unit: ${String(unit)}`);
  }
}

/**
 * The instant a limit from `start` to `due` turns yellow: when the used share reaches `yellowAt`, counted in
 * working time (or elapsed time for natural units) exactly as `slaLevel` counts it.
 */
export function yellowTime(start: Date, due: Date, cal: WorkingCalendar, yellowAt: number, unit?: TimeLimitUnit): Date {
  const t = ms(start, 'start');
  if (unit !== undefined && isNaturalUnit(unit)) return new Date(t + Math.ceil((ms(due, 'due') - t) * yellowAt));
  const total = workingMsBetween(start, due, cal);
  // No working time before due (a deadline at night): yellow from the start, as `slaLevel` says.
  if (total <= 0) return new Date(t);
  return new Date(Math.min(addWorkingMs(t, Math.ceil(total * yellowAt), compileCalendar(cal)), ms(due, 'due')));
}

/**
 * Working time between two instants in ms: the part of [a, b) inside working periods of working days.
 * Antisymmetric: negative when b is before a, so `workingMsBetween(now, due)` is the working time left
 * (negative once overdue).
 */
export function workingMsBetween(a: Date, b: Date, cal: WorkingCalendar): number {
  const ta = ms(a, 'a');
  const tb = ms(b, 'b');
  if (tb < ta) return 0 - workingMsBetween(b, a, cal); // 0 - x, not -x: never -0
  const c = compileCalendar(cal);
  let total = 0;
  const last = localDayOf(tb, c);
  for (let day = localDayOf(ta, c); day <= last; day++) {
    if (!isWorkingDayNumber(day, c)) continue;
    const base = dayStartOf(day, c);
    for (const [p, q] of c.periods) total += Math.max(0, Math.min(tb, base + q) - Math.max(ta, base + p));
  }
  return total;
}

export type SlaLevel = 'ok' | 'yellow' | 'red';

export interface SlaOptions {
  /** Fraction of the limit used at which the level turns yellow (0–1, e.g. 0.8). */
  yellowAt: number;
  /** Unit of the limit: natural units measure elapsed time, working units (the default) working time. */
  unit?: TimeLimitUnit;
}

/**
 * 'red' strictly after `due`; 'yellow' from the moment the used share of the limit reaches `yellowAt`
 * (used / total ≥ yellowAt, measured in working time unless the unit is natural); otherwise 'ok'.
 * At exactly `due` the level is still yellow, not red. A limit of zero length is yellow until due.
 */
export function slaLevel(now: Date, start: Date, due: Date, cal: WorkingCalendar, opts: SlaOptions): SlaLevel {
  const { yellowAt, unit } = opts;
  if (!(yellowAt >= 0 && yellowAt <= 1)) throw new RangeError(`yellowAt must be between 0 and 1: ${yellowAt}`);
  if (ms(now, 'now') > ms(due, 'due')) return 'red';
  const natural = unit !== undefined && isNaturalUnit(unit);
  const total = natural ? due.getTime() - ms(start, 'start') : workingMsBetween(start, due, cal);
  const used = natural ? now.getTime() - start.getTime() : workingMsBetween(start, now, cal);
  const share = total > 0 ? used / total : 1;
  return share >= yellowAt ? 'yellow' : 'ok';
}
