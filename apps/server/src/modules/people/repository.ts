import { pathIn } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/engine.ts';

/** Users holding any grant inside the scopes (optionally of one role), paged by name. */
export async function peopleInScopes(
  tx: Db,
  scopes: string[],
  f: { role?: string; q?: string; limit: number; offset: number },
) {
  const matching = tx
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .select('g.user_id')
    .where((eb) => pathIn(eb, 'n.path', scopes))
    .$if(!!f.role, (q) => q.where('g.role', '=', f.role!));
  const base = tx
    .selectFrom('app_user as u')
    .where('u.id', 'in', matching)
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('u.name', 'like', `%${f.q}%`), eb('u.phone', 'like', `${f.q}%`)])));
  const [rows, total] = await Promise.all([
    base
      .select(['u.id', 'u.name', 'u.phone', 'u.last_login_at', 'u.locked_until'])
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export const findUser = (tx: Db, id: string) =>
  tx
    .selectFrom('app_user')
    .select(['id', 'name', 'phone', 'last_login_at', 'locked_until'])
    .where('id', '=', id)
    .executeTakeFirst();

export const phoneTaken = async (tx: Db, phone: string) =>
  !!(await tx.selectFrom('app_user').select('id').where('phone', '=', phone).executeTakeFirst());

export const insertUser = (
  tx: Db,
  u: { id: string; name: string; phone: string; password_hash: string; must_change_password: boolean; at: Date },
) =>
  tx
    .insertInto('app_user')
    .values({
      id: u.id,
      name: u.name,
      phone: u.phone,
      password_hash: u.password_hash,
      must_change_password: u.must_change_password,
      password_changed_at: u.at,
      created_at: u.at,
    })
    .execute();

export const grantWithNode = (tx: Db, id: string) =>
  tx
    .selectFrom('role_grant as g')
    .innerJoin('org_node as n', 'n.id', 'g.node_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.node_id', 'n.path', 'n.type'])
    .where('g.id', '=', id)
    .executeTakeFirst();

export const deleteGrant = (tx: Db, id: string) => tx.deleteFrom('role_grant').where('id', '=', id).execute();

export const departmentExists = async (tx: Db, id: string) =>
  !!(await tx.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst());

/** Resident grants of the users at nodes inside `path` (a community's subtree). */
export const residentGrantsUnder = (tx: Db, userIds: readonly string[], path: string) =>
  userIds.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('role_grant as g')
        .innerJoin('org_node as n', 'n.id', 'g.node_id')
        .select(['g.id', 'g.user_id', 'g.node_id', 'n.path'])
        .where('g.role', '=', 'resident')
        .where('g.user_id', 'in', [...userIds])
        .where('n.path', 'like', `${path}%`)
        .orderBy('g.user_id')
        .orderBy('n.depth')
        .execute();

export const deleteGrants = (tx: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve()
    : tx
        .deleteFrom('role_grant')
        .where('id', 'in', [...ids])
        .execute();
