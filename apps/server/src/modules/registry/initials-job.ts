/** Fills pinyin initials of people registered elsewhere (join approvals, older rows), a batch at a time. */
import type { Db } from '../../platform/db/engine.ts';
import type { Job } from '../../platform/modules.ts';
import * as records from '../residents/records.ts';

export async function backfillInitials(db: Db, batch = 500): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await records.peopleWithoutInitials(tx, batch);
    for (const p of rows) await records.setInitials(tx, p.community_id, p.id, records.initialsOf(p.name));
    return rows.length;
  });
}

export const initialsJob: Job = {
  name: 'registry.initials',
  everyMs: 30_000,
  run: async (db) => {
    while ((await backfillInitials(db)) === 500) {}
  },
};
