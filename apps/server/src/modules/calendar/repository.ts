import type { ColumnType } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';

type CalendarTables = {
  work_calendar: {
    district_id: string;
    calendar: ColumnType<unknown, string, string>;
    version: number;
    updated_at: ColumnType<Date, Date, Date>;
    updated_by: string | null;
  };
};

const c = (tx: Db) => tx.withTables<CalendarTables>();

export const find = (tx: Db, districtId: string) =>
  c(tx).selectFrom('work_calendar').selectAll().where('district_id', '=', districtId).executeTakeFirst();

/** First save (version 0 → 1); false when someone else saved first. */
export async function insertFirst(tx: Db, districtId: string, calendar: unknown, by: string, at: Date) {
  const r = await c(tx)
    .insertInto('work_calendar')
    .values({ district_id: districtId, calendar: JSON.stringify(calendar), version: 1, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('district_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Replace at the version the admin saw; false on a lost race. */
export async function replace(tx: Db, districtId: string, version: number, calendar: unknown, by: string, at: Date) {
  const r = await c(tx)
    .updateTable('work_calendar')
    .set({ calendar: JSON.stringify(calendar), version: version + 1, updated_at: at, updated_by: by })
    .where('district_id', '=', districtId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
