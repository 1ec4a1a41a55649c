import type { Db } from '../../platform/db/engine.ts';

export const findUserByPhone = (tx: Db, phone: string) =>
  tx.selectFrom('app_user').selectAll().where('phone', '=', phone).executeTakeFirst();

export const findUserById = (tx: Db, id: string) =>
  tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export async function recordFailure(tx: Db, userId: string, failed: number, lockedUntil: Date | null): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ failed_logins: failed, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccess(tx: Db, userId: string, at: Date): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function setPassword(tx: Db, userId: string, hash: string, at: Date): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ password_hash: hash, password_changed_at: at, must_change_password: false })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of a user except the one making the change. */
export const endOtherSessions = (tx: Db, userId: string, keepHash: string) =>
  tx.deleteFrom('user_session').where('user_id', '=', userId).where('token_hash', '<>', keepHash).execute();
