import { CN_2026_CALENDAR, checkCalendar, type WorkingCalendar, type WorkingCalendarSchema } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as repo from './repository.ts';

/** The calendar SLA limits count on in a district: its saved one, or the built-in national schedule. */
export async function calendarOf(tx: Db, districtId: string): Promise<WorkingCalendar> {
  return ((await repo.find(tx, districtId))?.calendar as WorkingCalendar | undefined) ?? CN_2026_CALENDAR;
}

async function district(ctx: Ctx, id: string) {
  const d = await org.getNode(ctx.tx, id);
  if (d?.type !== 'district') throw notFound();
  return d;
}

const view = (districtId: string, row: Awaited<ReturnType<typeof repo.find>>) => ({
  districtId,
  // Stored as JSON; the schema type is the same shape without readonly arrays.
  calendar: ((row?.calendar as WorkingCalendar | undefined) ?? CN_2026_CALENDAR) as Static<
    typeof WorkingCalendarSchema
  >,
  version: row?.version ?? 0,
  updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  builtIn: !row,
});

export async function get(ctx: Ctx, id: string) {
  const d = await district(ctx, id);
  return view(d.id, await repo.find(ctx.tx, d.id));
}

export async function put(ctx: Ctx, id: string, body: { version: number; calendar: WorkingCalendar }) {
  const d = await district(ctx, id);
  ctx.authorize('calendar.manage', d.path);
  const problems = checkCalendar(body.calendar);
  if (problems.length > 0)
    throw new AppError(
      422,
      'validation_failed',
      {},
      problems.map((p) => ({ path: `/calendar/${p.field}`, code: 'calendar_invalid' })),
    );
  const saved =
    body.version === 0
      ? await repo.insertFirst(ctx.tx, d.id, body.calendar, ctx.user!.id, ctx.now)
      : await repo.replace(ctx.tx, d.id, body.version, body.calendar, ctx.user!.id, ctx.now);
  if (!saved) throw conflict('version_conflict');
  await ctx.audit({
    action: 'calendar.update',
    resourceType: 'work_calendar',
    resourceId: d.id,
    nodeId: d.id,
    nodePath: d.path,
    detail: { holidays: body.calendar.holidays.length, workdays: body.calendar.workdays.length },
  });
  await ctx.emit({ topic: 'calendar.changed', payload: { districtId: d.id } });
  return view(d.id, await repo.find(ctx.tx, d.id));
}
