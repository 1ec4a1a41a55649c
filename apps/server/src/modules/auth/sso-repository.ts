/** Single sign-on's SQL: external identities and pending sign-in attempts. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { SsoTables } from './sso-tables.ts';

const t = (tx: Db) => tx.withTables<SsoTables>();
export type IdentityRow = Selectable<SsoTables['user_external_identity']>;

export async function insertAttempt(tx: Db, row: Insertable<SsoTables['oidc_login_attempt']>): Promise<void> {
  await t(tx).insertInto('oidc_login_attempt').values(row).execute();
  // Abandoned attempts are of no further use.
  await t(tx).deleteFrom('oidc_login_attempt').where('expires_at', '<', row.created_at).execute();
}

/** Takes an attempt out (single use): a second callback with the same state finds nothing. */
export const takeAttempt = (tx: Db, stateHash: string) =>
  t(tx).deleteFrom('oidc_login_attempt').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();

export const identity = (tx: Db, issuer: string, subject: string) =>
  t(tx)
    .selectFrom('user_external_identity')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();

export async function insertIdentity(tx: Db, row: Insertable<SsoTables['user_external_identity']>): Promise<void> {
  await t(tx).insertInto('user_external_identity').values(row).execute();
}

export async function touchIdentity(tx: Db, issuer: string, subject: string, at: Date): Promise<void> {
  await t(tx)
    .updateTable('user_external_identity')
    .set({ last_login_at: at })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}

export async function deleteIdentity(tx: Db, issuer: string, subject: string): Promise<boolean> {
  const r = await t(tx)
    .deleteFrom('user_external_identity')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Links of the given users (or all) of one issuer, with the account's name. */
export const links = (tx: Db, issuer: string, userIds: string[] | null) => {
  let q = t(tx)
    .selectFrom('user_external_identity as x')
    .innerJoin('app_user as u', 'u.id', 'x.user_id')
    .selectAll('x')
    .select('u.name as user_name')
    .where('x.issuer', '=', issuer);
  if (userIds) q = q.where('x.user_id', 'in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('x.linked_at', 'desc').limit(500).execute();
};
