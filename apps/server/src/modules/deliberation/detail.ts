/** One proposal's page: the whole chain with everything the caller may see and do. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { type Community, isMember, livesInScope, manages, screens } from './access.ts';
import * as covenants from './covenant-repository.ts';
import { DISCUSSING, OPEN_FOR_COMMENTS, VOTABLE } from './policy.ts';
import * as projects from './project-repository.ts';
import * as repo from './repository.ts';
import { covenantView, iso, isoOrNull, projectView, toSummary } from './views.ts';

type Detail = Static<typeof api.deliberation.ProposalDetail>;

export async function detailOf(ctx: Ctx, id: string, community: Community): Promise<Detail> {
  const me = ctx.user!.id;
  const p = (await repo.chainRow(ctx.tx, community.id, id))!;
  const mod = manages(ctx, community);
  const [comments, meetings, project, covenant, merged] = await Promise.all([
    repo.commentsOf(ctx.tx, community.id, id),
    repo.meetingsOf(ctx.tx, community.id, id),
    projects.projectOfProposal(ctx.tx, community.id, id),
    covenants.covenantOfProposal(ctx.tx, community.id, id),
    p.merged_into ? repo.proposalInCommunity(ctx.tx, community.id, p.merged_into) : undefined,
  ]);
  const projectV = project ? await projectView(ctx, project) : null;
  const adopted = p.stage === 'adopted';
  const evaluate =
    projectV?.status === 'completed' && !projectV.evaluation.mine && (await livesInScope(ctx, community, p));
  return {
    ...toSummary(p, me),
    background: p.background,
    question: p.question,
    options: p.options,
    attachments: p.attachments,
    scopeNodeIds: p.scope_node_ids.map(String),
    screenReason: p.screen_reason,
    screenedAt: isoOrNull(p.screened_at),
    screenedBy: p.screened_by,
    mergedInto: merged ? { id: merged.id, title: merged.title } : null,
    summary: p.summary,
    summarisedAt: isoOrNull(p.summarised_at),
    voteId: p.vote_id,
    votingAt: isoOrNull(p.voting_at),
    decidedAt: isoOrNull(p.decided_at),
    version: p.version,
    comments: comments.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      quoteId: c.quote_id,
      quoteText: c.status === 'visible' || mod ? c.quote_text : null,
      stance: c.stance as 'for' | 'against' | 'neutral',
      body: c.status === 'visible' || mod || c.author_id === me ? c.body : '',
      authorLabel: c.author_label,
      official: c.official,
      status: c.status as 'visible' | 'hidden',
      hiddenReason: c.hidden_reason,
      createdAt: iso(c.created_at),
      mine: c.author_id === me,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      attendees: m.attendees,
      minutes: m.minutes,
      photos: m.photos,
      authorLabel: m.author_label,
      createdAt: iso(m.created_at),
    })),
    project: projectV,
    covenant: covenant ? await covenantView(ctx, covenant, community) : null,
    abilities: {
      screen: p.stage === 'submitted' && screens(ctx, community),
      comment: OPEN_FOR_COMMENTS.includes(p.stage) && (isMember(ctx, community) || mod),
      moderate: mod,
      meet: mod && DISCUSSING.includes(p.stage),
      summarise: mod && VOTABLE.includes(p.stage),
      vote: mod && VOTABLE.includes(p.stage),
      createProject: mod && adopted && !project,
      manageProject: mod && !!project,
      follow: !!project && isMember(ctx, community),
      evaluate: !!evaluate,
      publishCovenant: mod && adopted && !covenant,
    },
  };
}
