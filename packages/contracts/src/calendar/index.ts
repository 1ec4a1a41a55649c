export {
  type CalendarField,
  type CalendarProblem,
  checkCalendar,
  DEFAULT_CALENDAR,
  type IsoDate,
  isIsoDate,
  isWorkingDay,
  isWorkingTime,
  localDateOf,
  type WorkingCalendar,
  type WorkingPeriod,
  workingMsPerDay,
} from './calendar.ts';
export { CN_2026_CALENDAR, CN_2026_HOLIDAYS } from './china-2026.ts';
export { TimeLimitSchema, WorkingCalendarSchema } from './schema.ts';
export * from './time-limit.ts';
