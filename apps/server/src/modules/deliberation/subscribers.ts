/**
 * The votes module's events move the proposal on (docs/adr/0011-deliberation.md). Idempotent: an event seen
 * twice, or one arriving after a later one, changes nothing; the stage is only ever moved forward.
 */
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import { VOTABLE } from './policy.ts';
import * as repo from './repository.ts';

async function proposalOf(tx: Db, payload: Record<string, unknown>) {
  const { communityId, proposalId } = payload;
  if (typeof communityId !== 'string' || typeof proposalId !== 'string') return undefined;
  return repo.proposalInCommunity(tx, communityId, proposalId);
}

export const voteOpened: EventSubscriber = {
  topic: 'vote.opened',
  name: 'deliberation.vote-opened',
  async handle(tx, payload, p) {
    const proposal = await proposalOf(tx, payload);
    if (!proposal || !VOTABLE.includes(proposal.stage)) return;
    const now = p.clock.now();
    const ok = await repo.updateProposal(tx, proposal, proposal.version, {
      stage: 'voting',
      vote_id: String(payload.voteId),
      voting_at: now,
      updated_at: now,
    });
    // Changed concurrently (a summary saved meanwhile): fail so the dispatcher delivers the event again.
    if (!ok) throw new Error('proposal changed concurrently');
  },
};

export const voteClosed: EventSubscriber = {
  topic: 'vote.closed',
  name: 'deliberation.vote-closed',
  async handle(tx, payload, p) {
    const proposal = await proposalOf(tx, payload);
    // A vote closed before its `opened` event was handled still decides a proposal that was open for it.
    if (!proposal || !(proposal.stage === 'voting' || VOTABLE.includes(proposal.stage))) return;
    if (proposal.vote_id && proposal.vote_id !== String(payload.voteId)) return;
    const now = p.clock.now();
    const ok = await repo.updateProposal(tx, proposal, proposal.version, {
      stage: payload.adopted === true ? 'adopted' : 'not_adopted',
      vote_id: String(payload.voteId),
      voting_at: proposal.voting_at ?? now,
      decided_at: now,
      updated_at: now,
    });
    // Changed concurrently (a summary saved meanwhile): fail so the dispatcher delivers the event again.
    if (!ok) throw new Error('proposal changed concurrently');
  },
};
