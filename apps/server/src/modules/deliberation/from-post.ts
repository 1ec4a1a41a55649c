/**
 * 身边事 → 议题: the committee raises a neighbour's post as a proposal in its author's name. The boards
 * module calls this; the proposal starts at 提出议题 and goes through screening like any other.
 */
import type { Ctx } from '../../platform/context.ts';
import { plainText } from '../notices/text.ts';
import type { Community } from './access.ts';
import { insertNewProposal } from './new-proposal.ts';

export interface PostToPropose {
  postId: string;
  title: string;
  body: string;
  attachments: string[];
  authorId: string;
  authorLabel: string;
  question: string;
}

export const proposeFromPost = (ctx: Ctx, community: Community, p: PostToPropose): Promise<string> =>
  insertNewProposal(ctx, community, {
    title: p.title,
    background: p.body,
    question: plainText(p.question, '/question'),
    options: [],
    attachments: p.attachments,
    scopeKind: 'community',
    scopeNodeIds: [],
    scopeLabels: [community.name],
    proposerId: p.authorId,
    proposerLabel: p.authorLabel,
    byCommittee: false,
    source: { postId: p.postId },
  });
