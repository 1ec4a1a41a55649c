import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as calendar from './service.ts';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  routes: [
    route(api.calendar.getCalendar, (ctx, { params }) => calendar.get(ctx, params.id)),
    route(api.calendar.putCalendar, (ctx, { params, body }) => calendar.put(ctx, params.id, body)),
  ],
};
