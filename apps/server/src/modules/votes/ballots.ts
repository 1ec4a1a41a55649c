/**
 * Casting ballots (docs/adr/0012-votes.md). The vote_cast primary key allows one ballot per elector; the
 * vote row's lock orders the chain; the voter link (vote_cast.entry) is sealed for secret ballots.
 */
import { createHash, randomBytes } from 'node:crypto';
import { votes } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { decrypt, encrypt } from '../../platform/crypto/secret-box.ts';
import { AppError, badRequest, conflict } from '../../platform/http/errors.ts';
import { readableVote } from './access.ts';
import { ballotError } from './policy.ts';
import * as repo from './repository.ts';

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The link from an elector's cast to their chain entry (its receipt commitment): plain for open ballots,
 * sealed for secret ones, so the database alone does not say who cast which secret ballot.
 */
const sealEntry = (ctx: Ctx, secret: boolean, commitment: string) =>
  secret ? encrypt(ctx.keys, commitment) : commitment;
export const openEntry = (ctx: Ctx, secret: boolean, entry: string) => (secret ? decrypt(ctx.keys, entry) : entry);

export async function cast(ctx: Ctx, id: string, choices: number[]) {
  const { vote, community } = await readableVote(ctx, id);
  ctx.authorize('vote.cast', community.path);
  if (vote.status === 'draft') throw conflict('vote_not_open');
  if (vote.status === 'closed') throw conflict('vote_closed');
  if (vote.deadline.getTime() <= ctx.now.getTime()) throw conflict('vote_deadline_passed');
  const options = vote.options as string[];
  const bad = ballotError(vote.kind, options.length, vote.max_choices, choices);
  if (bad) throw badRequest(bad, '/choices', { max: vote.max_choices });
  const k = { community_id: vote.community_id, id: vote.id };
  const me = await repo.voterOf(ctx.tx, k, ctx.user!.id);
  if (!me) throw new AppError(403, 'not_in_electorate');

  // Everything that does not need the chain position is written before the vote row is locked, so the
  // lock (which orders the chain) is held only for the append itself and the commit.
  const receipt = randomBytes(16).toString('hex');
  const commitment = votes.receiptCommitment(sha256, vote.id, receipt);
  const entry = sealEntry(ctx, vote.secret, commitment);
  // The unique key decides a race between two ballots of one elector: the second waits, then finds a row.
  let replaced: string | null = null;
  const fresh = await repo.claimCast(ctx.tx, {
    community_id: k.community_id,
    vote_id: k.id,
    elector_no: me.elector_no,
    cast_by: ctx.user!.id,
    proxy: me.proxy,
    entry,
    cast_at: ctx.now,
  });
  if (!fresh) {
    if (!vote.changeable) throw conflict('already_voted');
    const old = await repo.castOf(ctx.tx, k, me.elector_no, true);
    replaced = openEntry(ctx, vote.secret, old!.entry);
    await repo.updateCast(ctx.tx, k, me.elector_no, { entry, castBy: ctx.user!.id, proxy: me.proxy, at: ctx.now });
  }
  const sorted = [...choices].sort((a, b) => a - b);
  // The audit names the voter, never the choice of a secret ballot.
  await ctx.audit({
    action: fresh ? 'vote.ballot.cast' : 'vote.ballot.change',
    resourceType: 'vote',
    resourceId: vote.id,
    nodeId: community.id,
    nodePath: community.path,
    detail: { proxy: me.proxy, ...(vote.secret ? {} : { choices: sorted }) },
  });
  const pos = await repo.nextSeq(ctx.tx, k);
  if (!pos) throw conflict('vote_closed');
  const supersedes = replaced === null ? null : ((await repo.ballotByCommitment(ctx.tx, k, replaced))?.seq ?? null);
  const body = {
    seq: pos.seq,
    commitment,
    choices: sorted,
    head: String(me.head_weight),
    area: String(me.area),
    supersedes,
    voter: vote.secret ? null : `${me.label}${me.proxy ? '(代投)' : ''}`,
  };
  const hash = votes.entryHash(sha256, vote.id, pos.prev, body);
  await repo.insertBallot(ctx.tx, {
    community_id: k.community_id,
    vote_id: k.id,
    seq: body.seq,
    commitment,
    choices: sorted,
    head_weight: me.head_weight,
    area: body.area,
    supersedes,
    voter: body.voter,
    prev_hash: pos.prev,
    hash,
  });
  return {
    voteId: vote.id,
    receipt,
    seq: body.seq,
    hash,
    supersedes,
    proxy: me.proxy,
    castAt: ctx.now.toISOString(),
  };
}

/** Whether a receipt's ballot is in the chain, and not replaced by a later one. */
export async function checkReceipt(ctx: Ctx, id: string, receipt: string) {
  const { vote } = await readableVote(ctx, id);
  const k = { community_id: vote.community_id, id: vote.id };
  const commitment = votes.receiptCommitment(sha256, vote.id, receipt.trim());
  const hit = await repo.ballotByCommitment(ctx.tx, k, commitment);
  if (!hit) return { included: false, current: false, seq: null, hash: null, commitment };
  return {
    included: true,
    current: !(await repo.isSuperseded(ctx.tx, k, hit.seq)),
    seq: hit.seq,
    hash: hit.hash,
    commitment,
  };
}
