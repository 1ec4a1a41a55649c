/**
 * The deliberation side of the hand-off to the votes module (docs/adr/0011-deliberation.md). A committee
 * creating a vote with a `proposalId` asks for the proposal here; the votes module accepts only the stages
 * `consulting` (consultation open) and `summarised` (discussion closed, summary written).
 */
import type { Db } from '../../platform/db/engine.ts';
import { proposalInCommunity } from './repository.ts';

export async function proposalForVote(
  tx: Db,
  communityId: string,
  proposalId: string,
): Promise<{ id: string; title: string; stage: string; scopeNodeIds: string[] } | null> {
  const p = await proposalInCommunity(tx, communityId, proposalId);
  if (!p) return null;
  return { id: p.id, title: p.title, stage: p.stage, scopeNodeIds: [...p.scope_node_ids] };
}
