/** The published result, recomputed from the chain rows and the electorate totals. */
import { votes } from '@linli/contracts';
import type * as repo from './repository.ts';

const weightView = (w: votes.Weight) => ({ head: Number(w.head), area: w.area.toString() });

export function chainEntries(rows: repo.BallotRow[]): votes.ChainEntry[] {
  return rows.map((b) => ({
    seq: b.seq,
    commitment: b.commitment,
    choices: b.choices,
    head: String(b.head_weight),
    area: String(b.area),
    supersedes: b.supersedes,
    voter: b.voter,
    prevHash: b.prev_hash,
    hash: b.hash,
  }));
}

/** The result of a vote from its chain and its electorate totals (pure apart from the rows given). */
export function resultOf(vote: repo.VoteRow, entries: votes.ChainEntry[]) {
  const options = vote.options as string[];
  const t = votes.tallyChain(entries, options.length);
  const electorate = { head: BigInt(vote.elector_count), area: BigInt(vote.total_area) };
  const e = votes.evaluate(vote.kind as votes.VoteKind, { electorate, ...t }, vote.thresholds as votes.Thresholds);
  return {
    electorate: weightView(electorate),
    participants: weightView(t.participants),
    options: e.options.map((o) => ({
      index: o.index,
      label: options[o.index]!,
      weight: weightView(t.options[o.index]!),
      approval: o.approval,
      met: o.met,
    })),
    participation: e.participation,
    participationMet: e.participationMet,
    adoptedOptions: e.adoptedOptions,
    adopted: e.adopted,
    ballots: t.current,
    chainHead: entries.at(-1)?.hash ?? votes.GENESIS,
  };
}
