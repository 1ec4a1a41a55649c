/** The applicant hears the committee's decision on their check-in or hometown request. */
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify } from '../notifications/service.ts';
import * as org from '../org/service.ts';

export const decidedSubscriber: EventSubscriber = {
  topic: 'affiliation.decided',
  name: 'affiliations.decided-notify',
  async handle(tx, payload, p) {
    const community = await org.getNode(tx, String(payload.communityId));
    const kind = payload.kind === 'party' ? 'party.checkin_decided' : 'hometown.member_decided';
    await notify(tx, p.clock.now(), {
      userIds: [String(payload.userId)],
      kind,
      params: {
        community: community?.name ?? '',
        decision: String(payload.decision),
        ...(payload.reason ? { reason: String(payload.reason) } : {}),
      },
      link: payload.kind === 'party' ? '/party' : `/hometown/${payload.communityId}`,
      communityId: String(payload.communityId),
    });
  },
};
