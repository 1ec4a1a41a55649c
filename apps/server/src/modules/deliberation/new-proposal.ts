/** A new proposal at 提出议题: its row, audit entry and event, whether a resident wrote it or a post became it. */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import type { Community } from './access.ts';
import * as repo from './repository.ts';

export interface NewProposal {
  title: string;
  background: string;
  question: string;
  options: string[];
  attachments: string[];
  scopeKind: string;
  scopeNodeIds: string[];
  scopeLabels: string[];
  proposerId: string;
  proposerLabel: string;
  byCommittee: boolean;
  /** Where it came from when not typed as a proposal (a board post), for the audit trail. */
  source?: { postId: string };
}

export async function insertNewProposal(ctx: Ctx, community: Community, p: NewProposal): Promise<string> {
  const id = randomUUID();
  await repo.insertProposal(ctx.tx, {
    community_id: community.id,
    id,
    title: p.title,
    background: p.background,
    question: p.question,
    options: p.options,
    attachments: p.attachments,
    scope_kind: p.scopeKind,
    scope_node_ids: p.scopeNodeIds,
    scope_labels: p.scopeLabels,
    proposer_id: p.proposerId,
    proposer_label: p.proposerLabel,
    by_committee: p.byCommittee,
    stage: 'submitted',
    screen_reason: null,
    screened_at: null,
    screened_by: null,
    merged_into: null,
    summary: null,
    summarised_at: null,
    vote_id: null,
    voting_at: null,
    decided_at: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await ctx.audit({
    action: 'deliberation.propose',
    resourceType: 'delib_proposal',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: {
      title: p.title,
      scopeKind: p.scopeKind,
      scopeNodeIds: p.scopeNodeIds,
      ...(p.source ? { source: 'board', postId: p.source.postId } : {}),
    },
  });
  await ctx.emit({
    topic: 'deliberation.proposed',
    payload: { id, communityId: community.id },
    communityId: community.id,
  });
  return id;
}
