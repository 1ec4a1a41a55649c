import { sql } from 'kysely';
import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  resourceType?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Entries inside the scopes; entries tied to no node (sign-ins) only for district-wide readers. */
export async function search(tx: Db, scopes: string[], includeUnplaced: boolean, f: AuditFilter) {
  const base = tx
    .selectFrom('audit_log as a')
    .leftJoin('org_node as n', 'n.id', 'a.node_id')
    .where((eb) => {
      const inScope = pathIn(eb, 'a.node_path', scopes);
      return includeUnplaced ? eb.or([inScope, eb('a.node_path', 'is', null)]) : inScope;
    })
    .$if(!!f.actor, (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.actor_name', 'like', `%${f.actor}%`),
          eb('a.actor_id', 'in', eb.selectFrom('app_user').select('id').where('phone', '=', f.actor!)),
        ]),
      ),
    )
    .$if(!!f.action, (q) => q.where('a.action', 'like', `${f.action}%`))
    .$if(!!f.resourceType, (q) => q.where('a.resource_type', '=', f.resourceType!))
    .$if(!!f.from, (q) => q.where('a.at', '>=', new Date(f.from!)))
    .$if(!!f.to, (q) => q.where('a.at', '<', new Date(f.to!)));
  const [items, total] = await Promise.all([
    base
      .select([
        'a.id',
        'a.at',
        'a.actor_id',
        'a.actor_name',
        'a.actor_role',
        'a.node_id',
        'n.name as node_name',
        'a.action',
        'a.resource_type',
        'a.resource_id',
        'a.ip',
        'a.request_id',
        'a.detail',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Deletes entries older than the cutoff; only this path may delete (the table trigger checks the flag). */
export async function purgeBefore(db: Db, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('linli.audit_retention', 'on', true)`.execute(tx);
    const r = await tx.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
    return Number(r.numDeletedRows);
  });
}
