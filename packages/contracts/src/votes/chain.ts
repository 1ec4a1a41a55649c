/**
 * The ballot hash chain (docs/adr/0012-votes.md). Entry n stores hash = sha256(prevHash ‖ canonical(entry)),
 * prevHash of entry 1 being 64 zeros. The canonical record is a JSON array in a fixed order, so any party
 * can recompute it from the published entries. Secret ballots publish no voter: only the receipt
 * commitment (sha256 of the voter's receipt), the choices and the weights the thresholds need.
 */
import { addWeight, type Weight, ZERO } from './thresholds.ts';

export const GENESIS = '0'.repeat(64);
export const CHAIN_FORMAT = 'linli.vote.ballot.v1';

export interface ChainEntry {
  seq: number;
  /** sha256 hex of the receipt (see receiptCommitment). */
  commitment: string;
  /** Chosen option indexes, ascending. */
  choices: number[];
  /** Head weight (1) and area in hundredths of m², as decimal strings. */
  head: string;
  area: string;
  /** The earlier entry this one replaces (a changed ballot), or null. */
  supersedes: number | null;
  /** Who voted, for open ballots only ("3号楼 502室"); null for secret ones. */
  voter: string | null;
  prevHash: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

export const canonicalBallot = (voteId: string, e: Omit<ChainEntry, 'prevHash' | 'hash'>): string =>
  JSON.stringify([CHAIN_FORMAT, voteId, e.seq, e.commitment, e.choices, e.head, e.area, e.supersedes, e.voter]);

export const entryHash = (
  sha256: Sha256Hex,
  voteId: string,
  prevHash: string,
  e: Omit<ChainEntry, 'prevHash' | 'hash'>,
) => sha256(prevHash + canonicalBallot(voteId, e));

/** What a voter keeps is the receipt; the chain holds only this commitment to it. */
export const receiptCommitment = (sha256: Sha256Hex, voteId: string, receipt: string): string =>
  sha256(`linli.vote.receipt.v1:${voteId}:${receipt}`);

export interface ChainTally {
  participants: Weight;
  options: Weight[];
  /** Entries not replaced by a later one. */
  current: number;
}

/** The tally of the entries that are still current (a superseded ballot counts no more). */
export function tallyChain(entries: readonly ChainEntry[], optionCount: number): ChainTally {
  const superseded = new Set(entries.map((e) => e.supersedes).filter((s): s is number => s !== null));
  const options: Weight[] = Array.from({ length: optionCount }, () => ZERO);
  let participants = ZERO;
  let current = 0;
  for (const e of entries) {
    if (superseded.has(e.seq)) continue;
    const w = { head: BigInt(e.head), area: BigInt(e.area) };
    participants = addWeight(participants, w);
    current++;
    for (const c of e.choices) options[c] = addWeight(options[c] ?? ZERO, w);
  }
  return { participants, options, current };
}

export type ChainProblem =
  | { seq: number; problem: 'sequence' | 'prev_hash' | 'hash' | 'supersedes' | 'choices' }
  | { seq: null; problem: 'head' };

/**
 * Recomputes every link. Returns the first problem, or null when the chain is intact and ends at `head`
 * (the head the vote published when it closed, so dropping trailing entries is caught too).
 */
export function verifyChain(
  sha256: Sha256Hex,
  voteId: string,
  entries: readonly ChainEntry[],
  head: string,
  optionCount: number,
): ChainProblem | null {
  let prev = GENESIS;
  const replaced = new Set<number>();
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { seq: e.seq, problem: 'sequence' };
    if (e.prevHash !== prev) return { seq: e.seq, problem: 'prev_hash' };
    if (entryHash(sha256, voteId, prev, e) !== e.hash) return { seq: e.seq, problem: 'hash' };
    // A changed ballot replaces one earlier, still current entry of the same weight (the same elector).
    const old = e.supersedes === null ? null : entries[e.supersedes - 1];
    if (
      e.supersedes !== null &&
      (!old || old.seq >= e.seq || replaced.has(old.seq) || old.head !== e.head || old.area !== e.area)
    )
      return { seq: e.seq, problem: 'supersedes' };
    if (e.supersedes !== null) replaced.add(e.supersedes);
    const sorted = e.choices.every(
      (c, k) => Number.isInteger(c) && c >= 0 && c < optionCount && (k === 0 || c > e.choices[k - 1]!),
    );
    if (!sorted || e.choices.length === 0) return { seq: e.seq, problem: 'choices' };
    prev = e.hash;
  }
  return prev === head ? null : { seq: null, problem: 'head' };
}
