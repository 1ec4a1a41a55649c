/**
 * The other side of a household transfer hears about it: the receiving community's committee of a new
 * incoming household (and of one withdrawn), the requester of the decision; a move done in one step by an
 * editor of both sides, both communities' committees; the residents who moved with it, of their new home.
 */
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify, usersWithRoleOver } from '../notifications/service.ts';
import * as org from '../org/service.ts';
import * as repo from './transfer-repository.ts';

const COMMITTEE = ['community_secretary', 'committee_member'] as const;
const LINK = '/console/registry?transfers=1';

export const transferRequestedSubscriber: EventSubscriber = {
  topic: 'registry.transfer.requested',
  name: 'registry.transfer-notify-requested',
  async handle(tx, payload, p) {
    if (payload.oneStep) return;
    const x = await repo.transferById(tx, String(payload.transferId));
    if (x?.status !== 'pending') return;
    await notify(tx, p.clock.now(), {
      userIds: await usersWithRoleOver(tx, COMMITTEE, x.to_path),
      kind: 'registry.transfer_incoming',
      params: { from: x.from_name, address: x.from_address, count: x.members },
      link: LINK,
      communityId: x.to_community_id,
    });
  },
};

export const transferDecidedSubscriber: EventSubscriber = {
  topic: 'registry.transfer.decided',
  name: 'registry.transfer-notify-decided',
  async handle(tx, payload, p) {
    const x = await repo.transferById(tx, String(payload.transferId));
    if (!x) return;
    // Residents whose accounts followed the household are told where home is now.
    const residents = Array.isArray(payload.residents) ? payload.residents.map(String) : [];
    if (x.status === 'accepted' && residents.length > 0)
      await notify(tx, p.clock.now(), {
        userIds: residents,
        kind: 'registry.resident_moved',
        params: { from: x.from_name, to: x.to_name, toAddress: x.to_address ?? '' },
        link: '/home',
        communityId: x.to_community_id,
      });
    const params = {
      from: x.from_name,
      to: x.to_name,
      address: x.from_address,
      status: x.status,
      note: x.note ?? '',
      toAddress: x.to_address ?? '',
    };
    if (x.status === 'cancelled') {
      const to = await org.getNode(tx, x.to_community_id);
      if (!to) return;
      await notify(tx, p.clock.now(), {
        userIds: await usersWithRoleOver(tx, COMMITTEE, to.path),
        kind: 'registry.transfer_decided',
        params,
        link: LINK,
        communityId: x.to_community_id,
      });
      return;
    }
    if (x.decided_by === x.requested_by) {
      // Done in one step by an editor of both (the district): both committees learn of it.
      await notify(tx, p.clock.now(), {
        userIds: [
          ...(await usersWithRoleOver(tx, COMMITTEE, x.from_path)),
          ...(await usersWithRoleOver(tx, COMMITTEE, x.to_path)),
        ].filter((id) => id !== x.decided_by),
        kind: 'registry.transfer_decided',
        params,
        link: LINK,
      });
      return;
    }
    await notify(tx, p.clock.now(), {
      userIds: [x.requested_by],
      kind: 'registry.transfer_decided',
      params,
      link: LINK,
      communityId: x.from_community_id,
    });
  },
};
