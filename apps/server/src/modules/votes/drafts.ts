/** Drafting and opening votes; opening snapshots the electorate from the registry. */
import { randomUUID } from 'node:crypto';
import { type api, votes } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { proposalForVote } from '../deliberation/vote-target.ts';
import * as org from '../org/service.ts';
import { electorateOf } from '../registry/electorate.ts';
import { communityFor, managedVote } from './access.ts';
import { draftRules, isFieldError } from './policy.ts';
import * as repo from './repository.ts';
import { detailOf } from './views.ts';

type Create = Static<typeof api.votes.VoteCreate>;
const SCOPE_TYPES = new Set(['community', 'grid', 'building', 'unit', 'room']);
/** Proposal stages a vote may be held in: consultation open, or closed with the committee's summary. */
const VOTABLE_STAGES = new Set(['consulting', 'summarised']);

export async function create(ctx: Ctx, communityId: string, b: Create) {
  const c = await communityFor(ctx, communityId, 'vote.manage');
  const rules = draftRules(b, ctx.now);
  if (isFieldError(rules)) throw badRequest(rules.code, rules.path);
  let scopeIds = b.scopeNodeIds ?? null;
  let proposalId: string | null = null;
  if (b.proposalId) {
    const p = await proposalForVote(ctx.tx, c.id, b.proposalId);
    if (!p) throw notFound('proposal_not_found');
    if (!VOTABLE_STAGES.has(p.stage)) throw conflict('proposal_not_votable', { stage: p.stage });
    proposalId = p.id;
    scopeIds ??= p.scopeNodeIds.length > 0 ? p.scopeNodeIds : [c.id];
  }
  scopeIds ??= [c.id];
  const unique = [...new Set(scopeIds)];
  const nodes = await org.getNodes(ctx.tx, unique);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [i, id] of unique.entries()) {
    const n = byId.get(id);
    const inside = n?.path.startsWith(c.path) && SCOPE_TYPES.has(n.type);
    if (!inside) throw badRequest('unknown_node', `/scopeNodeIds/${i}`);
  }
  // Nested scopes (a building and its community) would count rooms twice in SQL prefixes; keep outermost.
  const paths = unique.map((id) => byId.get(id)!.path).sort();
  const outer = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  const id = randomUUID();
  await repo.insertVote(ctx.tx, {
    community_id: c.id,
    id,
    proposal_id: proposalId,
    title: b.title.trim(),
    question: b.question.trim(),
    kind: b.kind,
    options: JSON.stringify(rules.options),
    max_choices: rules.maxChoices,
    electorate: b.electorate,
    scope_node_ids: unique,
    scope_paths: outer,
    secret: b.secret,
    changeable: b.changeable,
    proxy_allowed: b.proxyAllowed,
    preset: b.preset,
    thresholds: JSON.stringify(rules.thresholds),
    deadline: new Date(b.deadline),
    result: null,
    closed_reason: null,
    opened_at: null,
    closed_at: null,
    created_by: ctx.user!.id,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: 'vote.create',
    resourceType: 'vote',
    resourceId: id,
    nodeId: c.id,
    nodePath: c.path,
    detail: { title: b.title, kind: b.kind, electorate: b.electorate, preset: b.preset, proposalId },
  });
  return detailOf(ctx, (await repo.voteById(ctx.tx, id))!, c, true);
}

export async function open(ctx: Ctx, id: string, version: number) {
  const { vote, community } = await managedVote(ctx, id);
  if (vote.status !== 'draft') throw conflict('vote_not_draft');
  if (vote.deadline.getTime() <= ctx.now.getTime()) throw badRequest('deadline_past', '/deadline');
  const e = await electorateOf(ctx.tx, vote.community_id, vote.electorate as 'owners', vote.scope_paths);
  if (e.electors.length === 0) throw new AppError(422, 'empty_electorate');
  const key = { community_id: vote.community_id, vote_id: vote.id };
  const voters = e.electors.flatMap((el, i) =>
    el.voters
      .filter((w) => vote.proxy_allowed || !w.proxy)
      .map((w) => ({ ...key, user_id: w.userId, elector_no: i + 1, proxy: w.proxy })),
  );
  const totalArea = e.electors.reduce((s, el) => s + el.area, 0n);
  const won = await repo.markOpen(ctx.tx, { community_id: vote.community_id, id }, version, {
    at: ctx.now,
    electors: e.electors.length,
    totalArea,
    roomsWithoutArea: e.roomsWithoutArea,
  });
  if (!won) throw conflict('version_conflict');
  // After the status change, so a concurrent open of the same draft loses on the version, not on keys.
  await repo.insertElectorate(
    ctx.tx,
    e.electors.map((el, i) => ({
      ...key,
      elector_no: i + 1,
      building_id: el.buildingId,
      building_name: el.buildingName,
      label: el.label,
      area: el.area.toString(),
    })),
    voters,
  );
  await ctx.audit({
    action: 'vote.open',
    resourceType: 'vote',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { electors: e.electors.length, voters: voters.length, totalArea: votes.formatArea(totalArea) },
  });
  await ctx.emit({
    topic: 'vote.opened',
    payload: { voteId: id, communityId: vote.community_id, proposalId: vote.proposal_id },
    communityId: vote.community_id,
  });
  return detailOf(ctx, (await repo.voteById(ctx.tx, id))!, community, true);
}
