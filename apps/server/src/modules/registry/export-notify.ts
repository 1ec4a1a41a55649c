/**
 * Registry exports are approved by a higher role over the area (ADR 0009): a request tells the nearest level
 * that may approve it — the community secretary, else the street, else the district (never the requester) —
 * and the decision tells the requester. Both link to the exports page.
 */
import { api, ROLES, reachOf } from '@linli/contracts';
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify, usersWithRoleOver } from '../notifications/service.ts';
import * as repo from './export-repository.ts';

const LINK = '/console/registry/exports';
/** Roles that may approve, nearest to a community first (the order of ROLES runs from local to district). */
const APPROVERS = ROLES.filter((r) => reachOf(r, 'registry.export.approve'));

export const exportRequestedSubscriber: EventSubscriber = {
  topic: 'registry.export.requested',
  name: 'registry.export-notify-requested',
  async handle(tx, payload, p) {
    const e = await repo.exportById(tx, String(payload.exportId));
    if (e?.status !== 'pending') return;
    for (const role of APPROVERS) {
      const ids = (await usersWithRoleOver(tx, [role], e.node_path)).filter((id) => id !== e.requested_by);
      if (ids.length === 0) continue;
      await notify(tx, p.clock.now(), {
        userIds: ids,
        kind: 'registry.export_requested',
        params: { by: e.requested_by_name, area: e.node_name, reason: e.reason },
        link: LINK,
      });
      return;
    }
  },
};

export const exportDecidedSubscriber: EventSubscriber = {
  topic: 'registry.export.decided',
  name: 'registry.export-notify-decided',
  async handle(tx, payload, p) {
    const e = await repo.exportById(tx, String(payload.exportId));
    if (!e || (e.status !== 'approved' && e.status !== 'rejected')) return;
    await notify(tx, p.clock.now(), {
      userIds: [e.requested_by],
      kind: 'registry.export_decided',
      params: {
        area: e.node_name,
        decision: e.status,
        note: e.note ?? '',
        hours: api.registryExports.EXPORT_VALID_HOURS,
      },
      link: LINK,
    });
  },
};
