/**
 * Closing votes — by the committee, or by the deadline job on the injected clock — and the published
 * result: recomputed from the hash chain, so anyone with the chain can recompute it too.
 */

import { writeAudit } from '../../platform/audit/audit.ts';
import type { Ctx, Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { Job } from '../../platform/modules.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import * as org from '../org/service.ts';
import { managedVote } from './access.ts';
import * as repo from './repository.ts';
import { chainEntries, resultOf } from './tally.ts';
import { detailOf } from './views.ts';

/** Locks the open vote (waiting for ballots being appended), tallies the chain and freezes the vote. */
async function closeLocked(
  tx: Db,
  k: { community_id: string; id: string },
  at: Date,
  reason: 'manual' | 'deadline',
  version?: number,
) {
  const vote = await repo.lockOpen(tx, k);
  if (!vote) return null;
  const result = resultOf(vote, chainEntries(await repo.chainOf(tx, k)));
  const won = await repo.markClosed(tx, k, { at, reason, result, version });
  return won ? { vote, result } : null;
}

export async function close(ctx: Ctx, id: string, version: number) {
  const { vote, community } = await managedVote(ctx, id);
  if (vote.status !== 'open') throw conflict(vote.status === 'closed' ? 'vote_closed' : 'vote_not_open');
  const k = { community_id: vote.community_id, id };
  const done = await closeLocked(ctx.tx, k, ctx.now, 'manual', version);
  if (!done) throw conflict('version_conflict');
  await ctx.audit({
    action: 'vote.close',
    resourceType: 'vote',
    resourceId: id,
    nodeId: community.id,
    nodePath: community.path,
    detail: {
      reason: 'manual',
      adopted: done.result.adopted,
      ballots: done.result.ballots,
      head: done.result.chainHead,
    },
  });
  await ctx.emit({
    topic: 'vote.closed',
    payload: { voteId: id, communityId: vote.community_id, proposalId: vote.proposal_id, adopted: done.result.adopted },
    communityId: vote.community_id,
  });
  return detailOf(ctx, (await repo.voteById(ctx.tx, id))!, community, true);
}

/** Closes every open vote whose deadline has passed (each in its own transaction). */
export async function closeDue(db: Db, p: Platform): Promise<number> {
  const now = p.clock.now();
  let n = 0;
  for (const k of await repo.dueVotes(db, now)) {
    await db.transaction().execute(async (tx) => {
      const done = await closeLocked(tx, k, now, 'deadline');
      if (!done) return;
      n++;
      const node = await org.getNode(tx, k.community_id);
      await writeAudit(
        tx,
        { at: now, actorId: null, actorName: '系统', actorRole: null, ip: null, requestId: null },
        {
          action: 'vote.close',
          resourceType: 'vote',
          resourceId: k.id,
          nodeId: k.community_id,
          nodePath: node?.path ?? null,
          detail: {
            reason: 'deadline',
            adopted: done.result.adopted,
            ballots: done.result.ballots,
            head: done.result.chainHead,
          },
        },
      );
      await emitEvent(tx, now, {
        topic: 'vote.closed',
        payload: {
          voteId: k.id,
          communityId: k.community_id,
          proposalId: done.vote.proposal_id,
          adopted: done.result.adopted,
        },
        communityId: k.community_id,
      });
    });
  }
  return n;
}

export const deadlineJob: Job = {
  name: 'votes.deadline',
  everyMs: 15_000,
  run: (db, p) => closeDue(db, p).then(() => undefined),
};
