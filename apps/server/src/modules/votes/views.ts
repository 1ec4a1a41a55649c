/** What callers see of votes: list rows, the detail with the caller's part, and the published chain. */
import { type api, votes } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { conflict } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { type Community, communityFor, readableVote } from './access.ts';
import * as repo from './repository.ts';
import { chainEntries } from './tally.ts';

type Detail = Static<typeof api.votes.VoteDetail>;
type Result = Static<typeof api.votes.VoteResult>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function summary(v: repo.VoteRow, voted: number, myVoted: boolean) {
  return {
    id: v.id,
    communityId: v.community_id,
    proposalId: v.proposal_id,
    title: v.title,
    kind: v.kind as 'yes_no',
    electorate: v.electorate as 'owners',
    status: v.status as 'open',
    secret: v.secret,
    deadline: iso(v.deadline)!,
    electors: v.elector_count,
    voted,
    adopted: v.result ? (v.result as Result).adopted : null,
    myVoted,
    createdAt: iso(v.created_at)!,
  };
}

export async function list(ctx: Ctx, communityId: string, q: { status?: string; proposalId?: string }) {
  const c = await communityFor(ctx, communityId, 'community.read');
  const rows = await repo.listVotes(ctx.tx, c.id, { ...q, drafts: ctx.can('vote.manage', c.path) });
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    repo.votedCounts(ctx.tx, c.id, ids),
    repo.myCasts(ctx.tx, c.id, ids, ctx.user!.id),
  ]);
  return { items: rows.map((r) => summary(r, counts.get(r.id) ?? 0, mine.has(r.id))) };
}

export async function detailOf(ctx: Ctx, v: repo.VoteRow, c: Community, manage: boolean): Promise<Detail> {
  const k = { community_id: v.community_id, id: v.id };
  const [me, turnout, scope] = await Promise.all([
    v.status === 'draft' ? Promise.resolve(undefined) : repo.voterOf(ctx.tx, k, ctx.user!.id),
    v.status === 'closed' || (v.status === 'open' && manage)
      ? repo.turnoutByBuilding(ctx.tx, k)
      : Promise.resolve(null),
    org.getNodes(ctx.tx, v.scope_node_ids),
  ]);
  const myCast = me ? await repo.castOf(ctx.tx, k, me.elector_no) : undefined;
  // Open ballots show the voter their choice; a secret one is not looked up (the receipt is their proof).
  const myChoices =
    myCast && !v.secret ? ((await repo.ballotByCommitment(ctx.tx, k, myCast.entry))?.choices ?? null) : null;
  const open = v.status === 'open' && v.deadline.getTime() > ctx.now.getTime();
  const voted = turnout
    ? turnout.reduce((s, b) => s + b.voted, 0)
    : ((await repo.votedCounts(ctx.tx, v.community_id, [v.id])).get(v.id) ?? 0);
  return {
    ...summary(v, voted, !!myCast),
    question: v.question,
    options: v.options as string[],
    maxChoices: v.max_choices,
    scope: scope.map((n) => ({ id: n.id, name: n.name })),
    changeable: v.changeable,
    proxyAllowed: v.proxy_allowed,
    preset: v.preset as 'custom',
    thresholds: v.thresholds as votes.Thresholds,
    roomsWithoutArea: v.rooms_without_area,
    openedAt: iso(v.opened_at),
    closedAt: iso(v.closed_at),
    closedReason: v.closed_reason as 'manual' | null,
    turnout:
      turnout?.map((b) => ({
        buildingId: b.building_id,
        buildingName: b.building_name,
        electors: b.electors,
        voted: b.voted,
        area: b.area ?? '0',
        votedArea: b.voted_area,
      })) ?? null,
    result: (v.result as Result | null) ?? null,
    me: {
      eligible: !!me,
      proxy: me?.proxy ?? false,
      electorLabel: me?.label ?? null,
      votedAt: iso(myCast?.cast_at ?? null),
      choices: myChoices,
    },
    version: v.version,
    abilities: {
      manage,
      cast: open && !!me && ctx.can('vote.cast', c.path) && (!myCast || v.changeable),
      open: manage && v.status === 'draft',
      close: manage && v.status === 'open',
    },
  };
}

export async function detail(ctx: Ctx, id: string) {
  const { vote, community, manage } = await readableVote(ctx, id);
  return detailOf(ctx, vote, community, manage);
}

/** The chain of a closed vote, with its published result; open votes keep their running tally private. */
export async function chain(ctx: Ctx, id: string) {
  const { vote } = await readableVote(ctx, id);
  if (vote.status !== 'closed') throw conflict('vote_not_closed');
  const rows = await repo.chainOf(ctx.tx, { community_id: vote.community_id, id: vote.id });
  return {
    format: votes.CHAIN_FORMAT,
    voteId: vote.id,
    optionCount: (vote.options as string[]).length,
    head: vote.chain_head,
    entries: chainEntries(rows),
    result: (vote.result as Result | null) ?? null,
  };
}
