import Type from 'typebox';
import { WorkingCalendarSchema } from '../calendar/schema.ts';
import { IsoTime, NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const DistrictCalendar = Type.Object({
  districtId: NodeId,
  calendar: WorkingCalendarSchema,
  /** 0 while the district uses the built-in calendar. */
  version: Type.Integer(),
  updatedAt: Type.Union([IsoTime, Type.Null()]),
  builtIn: Type.Boolean(),
});

export const getCalendar = defineRoute({
  method: 'GET',
  url: '/api/districts/:id/calendar',
  access: { auth: 'authenticated' },
  summary: "The district's working calendar that SLA time limits count on",
  tags: ['calendar'],
  params: Type.Object({ id: NodeId }),
  response: DistrictCalendar,
});

export const putCalendar = defineRoute({
  method: 'PUT',
  url: '/api/districts/:id/calendar',
  access: { action: 'calendar.manage' },
  summary: "Replace the district's working calendar (holidays and make-up days each year); `version` guards",
  tags: ['calendar'],
  params: Type.Object({ id: NodeId }),
  body: Type.Object(
    { version: Type.Integer({ minimum: 0 }), calendar: WorkingCalendarSchema },
    { additionalProperties: false },
  ),
  response: DistrictCalendar,
});
