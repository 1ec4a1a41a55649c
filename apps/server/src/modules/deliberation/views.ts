/** Rows → what the API shows. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { excerptOf } from '../notices/text.ts';
import { type Community, isResident, manages } from './access.ts';
import * as covenants from './covenant-repository.ts';
import { chainOf } from './policy.ts';
import * as projects from './project-repository.ts';
import type { ChainRow } from './repository.ts';

type Summary = Static<typeof api.deliberation.ProposalSummary>;
type Project = Static<typeof api.deliberation.ProjectView>;
type Covenant = Static<typeof api.deliberation.CovenantView>;

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export const toSummary = (r: ChainRow, userId: string): Summary => ({
  id: r.id,
  communityId: String(r.community_id),
  communityName: r.community_name,
  title: r.title,
  excerpt: excerptOf(r.question),
  stage: r.stage as Summary['stage'],
  scopeKind: r.scope_kind as Summary['scopeKind'],
  scopeLabels: r.scope_labels,
  proposerLabel: r.proposer_label,
  byCommittee: r.by_committee,
  commentCount: r.comment_count,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  chain: chainOf(r),
  mine: r.proposer_id === userId,
});

export async function projectView(ctx: Ctx, p: projects.ProjectRow): Promise<Project> {
  const me = ctx.user!.id;
  const [milestones, progress, followers, answers] = await Promise.all([
    projects.milestonesOf(ctx.tx, p.community_id, p.id),
    projects.progressOf(ctx.tx, p.community_id, p.id),
    projects.followers(ctx.tx, p.community_id, p.id),
    projects.evaluationsOf(ctx.tx, p.community_id, p.id),
  ]);
  const mine = answers.find((a) => a.user_id === me);
  return {
    id: p.id,
    proposalId: p.proposal_id,
    title: p.title,
    owner: p.owner,
    plan: p.plan,
    budgetFen: Number(p.budget_fen),
    status: p.status as Project['status'],
    createdAt: iso(p.created_at),
    startedAt: isoOrNull(p.started_at),
    completedAt: isoOrNull(p.completed_at),
    version: p.version,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      doneAt: isoOrNull(m.done_at),
    })),
    progress: progress.map((g) => ({
      id: g.id,
      body: g.body,
      photos: g.photos,
      authorLabel: g.author_label,
      createdAt: iso(g.created_at),
    })),
    following: followers.includes(me),
    followerCount: followers.length,
    evaluation: {
      count: answers.length,
      // One decimal place, from the exact sum.
      average: answers.length
        ? Math.round((answers.reduce((s, a) => s + a.rating, 0) * 10) / answers.length) / 10
        : null,
      mine: mine ? { rating: mine.rating, comment: mine.comment } : null,
      // Anonymous: the survey shows what was said, not who said it.
      answers: answers.map((a) => ({ rating: a.rating, comment: a.comment, createdAt: iso(a.created_at) })),
    },
  };
}

export async function covenantView(ctx: Ctx, c: covenants.CovenantRow, community: Community): Promise<Covenant> {
  const [versions, acks] = await Promise.all([
    covenants.versionsOf(ctx.tx, c.community_id, c.id),
    covenants.ackFacts(ctx.tx, c, ctx.user!.id),
  ]);
  return {
    id: c.id,
    communityId: String(c.community_id),
    proposalId: c.proposal_id,
    title: c.title,
    body: c.body,
    no: c.current_no,
    publishedAt: iso(c.published_at),
    updatedAt: iso(c.updated_at),
    version: c.version,
    versions: versions.map((v) => ({
      no: v.no,
      title: v.title,
      authorLabel: v.author_label,
      publishedAt: iso(v.published_at),
    })),
    ackCount: acks.n,
    ackedAt: isoOrNull(acks.mine),
    canAcknowledge: isResident(ctx, community) && acks.mine === null,
    canEdit: manages(ctx, community),
  };
}
