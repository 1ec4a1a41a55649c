/**
 * A saved policy's grid workers hear about their new outreach tasks: one notification per worker naming the
 * policy and how many tasks fell in the grids they hold (a worker of two grids gets one notice, the sum).
 */
import { sql } from 'kysely';
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify } from '../notifications/service.ts';

export const policyCreatedSubscriber: EventSubscriber = {
  topic: 'registry.policy.created',
  name: 'registry.outreach-notify',
  async handle(tx, payload, p) {
    const policyId = String(payload.policyId);
    // Grid workers by the grids (or an ancestor: a grant covers its subtree) holding this policy's tasks.
    const rows = (
      await sql<{ user_id: string; community_id: string; n: string; policy: string }>`
        SELECT g.user_id, min(t.community_id)::text AS community_id, count(*)::text AS n, min(op.name) AS policy
        FROM outreach_task t
        JOIN outreach_policy op ON op.id = t.policy_id
        JOIN org_node grid ON grid.id = t.grid_id
        JOIN org_node gn ON grid.path LIKE gn.path || '%'
        JOIN role_grant g ON g.node_id = gn.id AND g.role = 'grid_worker'
        WHERE t.policy_id = ${policyId}
        GROUP BY g.user_id`.execute(tx)
    ).rows;
    for (const r of rows)
      await notify(tx, p.clock.now(), {
        userIds: [r.user_id],
        kind: 'outreach.assigned',
        params: { policy: r.policy, count: Number(r.n) },
        link: '/outreach',
        communityId: r.community_id,
      });
  },
};
