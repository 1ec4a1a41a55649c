/** A must-read notice notifies the residents it reaches (事事有回应 starts with everyone knowing). */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify } from '../notifications/service.ts';
import type { NoticeTables } from './tables.ts';

const READERS = ['resident', 'party_member'];

/** Accounts holding a resident role at a node inside the notice's node (their homes). */
const residentsUnder = async (tx: Db, path: string) =>
  (
    await sql<{ user_id: string }>`
      SELECT DISTINCT g.user_id FROM role_grant g JOIN org_node n ON n.id = g.node_id
      WHERE g.role IN (${sql.join(READERS)}) AND n.path LIKE ${`${path}%`}`.execute(tx)
  ).rows.map((r) => r.user_id);

export const mustReadSubscriber: EventSubscriber = {
  topic: 'notice.published',
  name: 'notices.must-read-notify',
  async handle(tx, payload, p) {
    if (!payload.mustRead) return;
    const n = await tx
      .withTables<NoticeTables>()
      .selectFrom('notice')
      .select(['id', 'title', 'node_path', 'withdrawn_at'])
      .where('id', '=', String(payload.id))
      .executeTakeFirst();
    if (!n || n.withdrawn_at) return;
    await notify(tx, p.clock.now(), {
      userIds: await residentsUnder(tx, n.node_path),
      kind: 'notice.must_read',
      params: { title: n.title },
      link: `/notices/${n.id}`,
    });
  },
};
