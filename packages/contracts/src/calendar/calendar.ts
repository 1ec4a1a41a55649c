/**
 * Working calendar that SLA time limits (时限) count on: which local days are working days and which hours of
 * them are working hours. Everything here is pure data and pure functions; "now" always comes from the caller.
 *
 * A day is a working day when it is listed in `workdays` (调休上班, make-up working day), else when it is not
 * listed in `holidays` and its weekday is not in `weekend`. Dates are local dates in the calendar's fixed UTC
 * offset (China: +08:00 all year, no daylight saving time).
 */
export type IsoDate = string;

/** One working period of a working day in local time, `HH:MM`, `from` < `to`; `to` may be `24:00`. */
export interface WorkingPeriod {
  from: string;
  to: string;
}

export interface WorkingCalendar {
  /** Local time = UTC + this many minutes (China: 480). A fixed offset: no daylight saving time. */
  timeZoneOffsetMinutes: number;
  /** Weekdays that are days off, 0 = Sunday … 6 = Saturday. */
  weekend: readonly number[];
  /** Local dates (YYYY-MM-DD) that are days off even on a weekday (法定节假日 and 调休 days off). */
  holidays: readonly IsoDate[];
  /** Local dates (YYYY-MM-DD) that are working days even on a weekend (调休上班). */
  workdays: readonly IsoDate[];
  /** Working periods of every working day, sorted and not overlapping. */
  hours: readonly WorkingPeriod[];
}

/**
 * Weekends and office hours only (Mon–Fri, 09:00–12:00 and 13:30–17:30 Beijing time: 7 working hours a day).
 * Public holidays and make-up working days change every year; the district admin configures them (see
 * `CN_2026_HOLIDAYS` for the published 2026 schedule).
 */
export const DEFAULT_CALENDAR: WorkingCalendar = Object.freeze({
  timeZoneOffsetMinutes: 480,
  weekend: Object.freeze([0, 6]),
  holidays: Object.freeze([]),
  workdays: Object.freeze([]),
  hours: Object.freeze([
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ]),
});

export type CalendarField = keyof WorkingCalendar;
export interface CalendarProblem {
  field: CalendarField;
  message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{2}):(\d{2})$/;

export const isIsoDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};

/** Minutes after local midnight for `HH:MM` (00:00–24:00), or null when malformed. */
export function minutesOf(hhmm: string): number | null {
  const m = HH_MM.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

function checkDates(field: 'holidays' | 'workdays', dates: readonly string[], out: CalendarProblem[]): void {
  const seen = new Set<string>();
  for (const d of dates) {
    if (!isIsoDate(d)) out.push({ field, message: `not a date (YYYY-MM-DD): ${d}` });
    else if (seen.has(d)) out.push({ field, message: `listed twice: ${d}` });
    seen.add(d);
  }
}

/** Everything wrong with a calendar; an empty list means it is usable. */
export function checkCalendar(cal: WorkingCalendar): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const tz = cal.timeZoneOffsetMinutes;
  if (!Number.isInteger(tz) || tz < -720 || tz > 840)
    out.push({ field: 'timeZoneOffsetMinutes', message: `not a UTC offset in minutes (−720…840): ${tz}` });
  const days = new Set<number>();
  for (const w of cal.weekend) {
    if (!Number.isInteger(w) || w < 0 || w > 6) out.push({ field: 'weekend', message: `not a weekday 0–6: ${w}` });
    else if (days.has(w)) out.push({ field: 'weekend', message: `listed twice: ${w}` });
    days.add(w);
  }
  checkDates('holidays', cal.holidays, out);
  checkDates('workdays', cal.workdays, out);
  const holidays = new Set(cal.holidays);
  for (const d of cal.workdays)
    if (holidays.has(d)) out.push({ field: 'workdays', message: `both a holiday and a working day: ${d}` });
  if (cal.hours.length === 0) out.push({ field: 'hours', message: 'no working periods' });
  let prevEnd = -1;
  cal.hours.forEach((p, i) => {
    const from = minutesOf(p.from);
    const to = minutesOf(p.to);
    if (from === null || to === null) {
      out.push({ field: 'hours', message: `period ${i + 1}: times must be HH:MM within 00:00–24:00` });
      return;
    }
    if (from >= to) out.push({ field: 'hours', message: `period ${i + 1}: ${p.from} is not before ${p.to}` });
    else if (from < prevEnd)
      out.push({ field: 'hours', message: `period ${i + 1}: overlaps or comes before the previous period` });
    prevEnd = Math.max(prevEnd, to);
  });
  if (days.size === 7 && cal.workdays.length === 0)
    out.push({ field: 'weekend', message: 'every weekday is a day off and there are no make-up working days' });
  return out;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A validated calendar in the form the arithmetic uses. Internal. */
export interface CompiledCalendar {
  offsetMs: number;
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** [start, end) in ms after local midnight. */
  periods: readonly (readonly [number, number])[];
  msPerDay: number;
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/** Validates once per calendar object (calendars are treated as immutable) and throws a RangeError if unusable. */
export function compileCalendar(cal: WorkingCalendar): CompiledCalendar {
  const hit = compiled.get(cal);
  if (hit) return hit;
  const problems = checkCalendar(cal);
  if (problems.length > 0)
    throw new RangeError(`invalid working calendar: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  const periods = cal.hours.map((p) => [minutesOf(p.from)! * MINUTE_MS, minutesOf(p.to)! * MINUTE_MS] as const);
  const c: CompiledCalendar = {
    offsetMs: cal.timeZoneOffsetMinutes * MINUTE_MS,
    weekend: new Set(cal.weekend),
    holidays: new Set(cal.holidays),
    workdays: new Set(cal.workdays),
    periods,
    msPerDay: periods.reduce((sum, [a, b]) => sum + b - a, 0),
  };
  compiled.set(cal, c);
  return c;
}

/** Local day number (days since 1970-01-01 in local time) of an instant. */
export const localDayOf = (t: number, c: CompiledCalendar): number => Math.floor((t + c.offsetMs) / DAY_MS);
/** The UTC instant of local midnight starting a local day. */
export const dayStartOf = (day: number, c: CompiledCalendar): number => day * DAY_MS - c.offsetMs;
const isoOfDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDayNumber(day: number, c: CompiledCalendar): boolean {
  const iso = isoOfDay(day);
  if (c.workdays.has(iso)) return true;
  if (c.holidays.has(iso)) return false;
  return !c.weekend.has((((day + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday
}

/** The local date (YYYY-MM-DD) of an instant in the calendar's time zone. */
export const localDateOf = (t: Date, cal: WorkingCalendar): IsoDate =>
  isoOfDay(localDayOf(t.getTime(), compileCalendar(cal)));

/** Whether a local date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: IsoDate, cal: WorkingCalendar): boolean {
  if (!isIsoDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return isWorkingDayNumber(Date.parse(`${date}T00:00:00Z`) / DAY_MS, compileCalendar(cal));
}

/** Whether an instant lies inside a working period ([from, to): the closing minute itself is not working time). */
export function isWorkingTime(t: Date, cal: WorkingCalendar): boolean {
  const c = compileCalendar(cal);
  const day = localDayOf(t.getTime(), c);
  if (!isWorkingDayNumber(day, c)) return false;
  const ms = t.getTime() - dayStartOf(day, c);
  return c.periods.some(([a, b]) => ms >= a && ms < b);
}

/** Working time of one working day in ms (7 h for the default calendar). */
export const workingMsPerDay = (cal: WorkingCalendar): number => compileCalendar(cal).msPerDay;
