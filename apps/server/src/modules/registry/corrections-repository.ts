/**
 * SQL of corrections coming back from data collection forms (docs/adr/0015-data-collection-forms.md): the
 * people under a target carrying one of the names a corrected list named, and whether they have the tag now.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import * as records from '../residents/records.ts';

export const peopleNamed = (tx: Db, path: string, names: readonly string[], has: RawBuilder<SqlBool>) =>
  names.length === 0
    ? Promise.resolve([] as { id: string; name: string; address_text: string; has: boolean }[])
    : records
        .peopleBase(tx)
        .where(records.placeIn([path]))
        .where('p.name', 'in', [...names])
        .select(['p.id', 'p.name', 'h.address_text', sql<boolean>`${has}`.as('has')])
        .execute();
