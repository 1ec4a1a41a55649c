import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainEntry, entryHash, GENESIS, receiptCommitment, tallyChain, verifyChain } from '../src/votes/index.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const VOTE = '5f0c7b1e-7a8c-4b8e-9a4f-1c2d3e4f5a6b';

type Draft = { choices: number[]; head?: string; area: string; supersedes?: number | null; voter?: string | null };
function build(drafts: Draft[]): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = GENESIS;
  for (const [i, d] of drafts.entries()) {
    const body = {
      seq: i + 1,
      commitment: receiptCommitment(sha256, VOTE, `r${i}`),
      choices: d.choices,
      head: d.head ?? '1',
      area: d.area,
      supersedes: d.supersedes ?? null,
      voter: d.voter ?? null,
    };
    const hash = entryHash(sha256, VOTE, prev, body);
    out.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}
const head = (c: ChainEntry[]) => c.at(-1)?.hash ?? GENESIS;

describe('ballot chain', () => {
  const chain = build([
    { choices: [0], area: '8550' },
    { choices: [1], area: '9000' },
    { choices: [0], area: '9000', supersedes: 2 },
    { choices: [2], area: '6000' },
  ]);

  it('verifies an intact chain and tallies only current entries', () => {
    expect(verifyChain(sha256, VOTE, chain, head(chain), 3)).toBeNull();
    const t = tallyChain(chain, 3);
    expect(t.current).toBe(3);
    expect(t.participants).toEqual({ head: 3n, area: 23550n });
    expect(t.options).toEqual([
      { head: 2n, area: 17550n },
      { head: 0n, area: 0n },
      { head: 1n, area: 6000n },
    ]);
  });

  it('detects a changed choice, a dropped entry, a reordered chain, a truncated tail and a forged replacement', () => {
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, choices: [0] } : e));
    expect(verifyChain(sha256, VOTE, edited, head(chain), 3)).toEqual({ seq: 2, problem: 'hash' });
    const dropped = chain.filter((e) => e.seq !== 2);
    expect(verifyChain(sha256, VOTE, dropped, head(chain), 3)?.problem).toBe('sequence');
    expect(verifyChain(sha256, VOTE, chain.slice(0, 3), head(chain), 3)).toEqual({ seq: null, problem: 'head' });
    const swapped = [chain[1]!, chain[0]!, ...chain.slice(2)];
    expect(verifyChain(sha256, VOTE, swapped, head(chain), 3)?.problem).toBe('sequence');
    // A replacement of another elector's ballot (different area) is refused even if correctly hashed.
    const forged = build([
      { choices: [0], area: '8550' },
      { choices: [1], area: '9000', supersedes: 1 },
    ]);
    expect(verifyChain(sha256, VOTE, forged, head(forged), 3)).toEqual({ seq: 2, problem: 'supersedes' });
    const outOfRange = build([{ choices: [3], area: '1' }]);
    expect(verifyChain(sha256, VOTE, outOfRange, head(outOfRange), 3)).toEqual({ seq: 1, problem: 'choices' });
    // The same ballots under another vote's id do not verify (the id is in every record).
    expect(verifyChain(sha256, 'other', chain, head(chain), 3)).toEqual({ seq: 1, problem: 'hash' });
  });

  it('any single-field tampering of any entry is detected (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ choice: fc.integer({ min: 0, max: 2 }), area: fc.integer({ min: 1, max: 99999 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.nat(),
        fc.constantFrom('choices', 'area', 'head', 'commitment', 'voter'),
        (rows, pick, field) => {
          const c = build(rows.map((r) => ({ choices: [r.choice], area: String(r.area) })));
          expect(verifyChain(sha256, VOTE, c, head(c), 3)).toBeNull();
          const i = pick % c.length;
          const e = c[i]!;
          const bad: ChainEntry = {
            ...e,
            ...(field === 'choices' ? { choices: [(e.choices[0]! + 1) % 3] } : {}),
            ...(field === 'area' ? { area: String(Number(e.area) + 1) } : {}),
            ...(field === 'head' ? { head: '2' } : {}),
            ...(field === 'commitment' ? { commitment: sha256('x') } : {}),
            ...(field === 'voter' ? { voter: '3号楼' } : {}),
          };
          const tampered = c.map((x, k) => (k === i ? bad : x));
          expect(verifyChain(sha256, VOTE, tampered, head(c), 3)).not.toBeNull();
        },
      ),
    );
  });
});
