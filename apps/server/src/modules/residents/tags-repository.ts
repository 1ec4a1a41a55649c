/** SQL over the registry's tag taxonomy and the tags set on people (reached through records.ts). */
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { RecordTables } from './records-tables.ts';

const r = (tx: Db) => tx.withTables<RecordTables>();

export const allTags = (tx: Db) => r(tx).selectFrom('registry_tag').selectAll().orderBy('sort_key').execute();

export const tagByCode = (tx: Db, code: string) =>
  r(tx).selectFrom('registry_tag').selectAll().where('code', '=', code).executeTakeFirst();

export async function updateTag(
  tx: Db,
  code: string,
  version: number,
  set: Partial<{ setter_roles: string[]; viewer_roles: string[]; active: boolean }>,
): Promise<boolean> {
  const res = await r(tx)
    .updateTable('registry_tag')
    .set({ ...set, version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const tagsOfPeople = (tx: Db, communityIds: string[], personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : r(tx)
        .selectFrom('person_tag')
        .selectAll()
        .where('community_id', 'in', [...new Set(communityIds)])
        .where('person_id', 'in', personIds)
        .execute();

export const upsertPersonTag = (tx: Db, t: Insertable<RecordTables['person_tag']>) =>
  r(tx)
    .insertInto('person_tag')
    .values(t)
    .onConflict((oc) =>
      oc.columns(['community_id', 'person_id', 'tag_code']).doUpdateSet({
        level: t.level,
        valid_from: t.valid_from,
        valid_to: t.valid_to,
        evidence: t.evidence,
        set_by: t.set_by,
        set_by_name: t.set_by_name,
        set_at: t.set_at,
      }),
    )
    .execute();

export async function deletePersonTag(tx: Db, communityId: string, personId: string, code: string) {
  const res = await r(tx)
    .deleteFrom('person_tag')
    .where('community_id', '=', communityId)
    .where('person_id', '=', personId)
    .where('tag_code', '=', code)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
