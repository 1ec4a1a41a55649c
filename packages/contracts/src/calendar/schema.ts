/**
 * JSON Schemas (TypeBox) for storing and sending calendars and time limits. They check the shape only;
 * `checkCalendar` checks the meaning (real dates, sorted periods, no date both holiday and working day).
 */
import Type from 'typebox';
import { TIME_LIMIT_UNITS } from './time-limit.ts';

const IsoDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local date YYYY-MM-DD' });
const ClockSchema = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'local time HH:MM' });

export const TimeLimitSchema = Type.Object(
  {
    value: Type.Number({ minimum: 0, maximum: 100_000 }),
    unit: Type.Enum(TIME_LIMIT_UNITS),
  },
  { additionalProperties: false },
);

export const WorkingCalendarSchema = Type.Object(
  {
    timeZoneOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840 }),
    weekend: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7 }),
    holidays: Type.Array(IsoDateSchema, { maxItems: 2000 }),
    workdays: Type.Array(IsoDateSchema, { maxItems: 2000 }),
    hours: Type.Array(Type.Object({ from: ClockSchema, to: ClockSchema }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 12,
    }),
  },
  { additionalProperties: false },
);
