import type { Db } from '../../platform/db/engine.ts';
import type { AttachmentTables } from './tables.ts';

const a = (tx: Db) => tx.withTables<AttachmentTables>();

type Row = Omit<AttachmentTables['attachment'], 'created_at'> & { created_at: Date };

/** The same bytes uploaded again keep their first row. */
export const insertAttachment = (tx: Db, row: Row) =>
  a(tx)
    .insertInto('attachment')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

export const insertUpload = (tx: Db, u: { attachment_id: string; uploaded_by: string | null; ip: string; at: Date }) =>
  a(tx).insertInto('attachment_upload').values(u).execute();

export const byId = (tx: Db, id: string) =>
  a(tx)
    .selectFrom('attachment')
    .select(['id', 'mime', 'size', 'width', 'height'])
    .where('id', '=', id)
    .executeTakeFirst();

export const byIds = (tx: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : a(tx)
        .selectFrom('attachment')
        .select(['id', 'mime', 'size', 'width', 'height'])
        .where('id', 'in', [...ids])
        .execute();

export const uploadedBy = async (tx: Db, id: string, userId: string) =>
  !!(await a(tx)
    .selectFrom('attachment_upload')
    .select('id')
    .where('attachment_id', '=', id)
    .where('uploaded_by', '=', userId)
    .limit(1)
    .executeTakeFirst());

/** Which of `ids` this account uploaded, or, without an account, were sent anonymously from `ip` since `since`. */
export async function uploadedOf(
  tx: Db,
  ids: readonly string[],
  who: { userId: string } | { ip: string; since: Date },
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await a(tx)
    .selectFrom('attachment_upload')
    .select('attachment_id')
    .distinct()
    .where('attachment_id', 'in', [...ids])
    .$if('userId' in who, (q) => q.where('uploaded_by', '=', (who as { userId: string }).userId))
    .$if('ip' in who, (q) => {
      const w = who as { ip: string; since: Date };
      return q.where('uploaded_by', 'is', null).where('ip', '=', w.ip).where('at', '>=', w.since);
    })
    .execute();
  return new Set(rows.map((r) => r.attachment_id));
}
