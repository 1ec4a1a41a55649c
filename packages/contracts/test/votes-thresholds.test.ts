import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  formatArea,
  MORE_THAN_HALF,
  meets,
  PRESETS,
  parseArea,
  percent,
  type Ratio,
  THREE_QUARTERS,
  TWO_THIRDS,
  type Weight,
} from '../src/votes/index.ts';

const w = (head: number, area: string): Weight => ({ head: BigInt(head), area: parseArea(area) });

describe('meets: exact fractions at the boundary', () => {
  it('exactly 2/3 and exactly 3/4 pass (≥), exactly 1/2 does not pass "more than half"', () => {
    expect(meets(2n, 3n, TWO_THIRDS)).toBe(true);
    expect(meets(200n, 300n, TWO_THIRDS)).toBe(true);
    expect(meets(199n, 300n, TWO_THIRDS)).toBe(false);
    expect(meets(3n, 4n, THREE_QUARTERS)).toBe(true);
    expect(meets(74n, 100n, THREE_QUARTERS)).toBe(false);
    expect(meets(1n, 2n, MORE_THAN_HALF)).toBe(false);
    expect(meets(50n, 100n, MORE_THAN_HALF)).toBe(false);
    expect(meets(51n, 100n, MORE_THAN_HALF)).toBe(true);
  });

  it('is not fooled where floats are: 2/3 of an area of 0.03 m² and of 100,000,000.01 m²', () => {
    expect(meets(2n, 3n, TWO_THIRDS)).toBe(true);
    // 0.6666…·3 rounds in binary; the cross product does not.
    const whole = parseArea('100000000.01');
    const twoThirdsFloor = (whole * 2n) / 3n;
    expect(meets(twoThirdsFloor, whole, TWO_THIRDS)).toBe(twoThirdsFloor * 3n >= whole * 2n);
    expect(meets(twoThirdsFloor + 1n, whole, TWO_THIRDS)).toBe(true);
    expect(meets(twoThirdsFloor - 1n, whole, TWO_THIRDS)).toBe(false);
  });

  it('an empty electorate or no participants never meets a threshold', () => {
    expect(meets(0n, 0n, TWO_THIRDS)).toBe(false);
    expect(meets(0n, 0n, MORE_THAN_HALF)).toBe(false);
  });

  it('agrees with rational comparison for any shares (property)', () => {
    const ratio = fc
      .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean())
      .filter(([n, d, s]) => n <= d && !(s && n === d))
      .map(([num, den, strict]): Ratio => ({ num, den, strict }));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ratio,
        (whole, f, r) => {
          const part = BigInt(Math.floor(Number(whole) * f)) > whole ? whole : BigInt(Math.floor(Number(whole) * f));
          const got = meets(part, whole, r);
          // part/whole vs num/den with both sides scaled by whole·den (exact).
          const diff = part * BigInt(r.den) - BigInt(r.num) * whole;
          expect(got).toBe(r.strict ? diff > 0n : diff >= 0n);
          // Monotone: one more unit of part never turns a pass into a fail.
          if (got && part < whole) expect(meets(part + 1n, whole, r)).toBe(true);
        },
      ),
    );
  });

  it('the boundary is exactly at whole·num/den (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (k) => {
        // A whole divisible by 12 puts 2/3, 3/4 and 1/2 on exact integers.
        const whole = BigInt(k) * 12n;
        const at = (r: Ratio) => (whole * BigInt(r.num)) / BigInt(r.den);
        expect(meets(at(TWO_THIRDS), whole, TWO_THIRDS)).toBe(true);
        expect(meets(at(TWO_THIRDS) - 1n, whole, TWO_THIRDS)).toBe(false);
        expect(meets(at(THREE_QUARTERS), whole, THREE_QUARTERS)).toBe(true);
        expect(meets(at(THREE_QUARTERS) - 1n, whole, THREE_QUARTERS)).toBe(false);
        expect(meets(at(MORE_THAN_HALF), whole, MORE_THAN_HALF)).toBe(false);
        expect(meets(at(MORE_THAN_HALF) + 1n, whole, MORE_THAN_HALF)).toBe(true);
      }),
    );
  });
});

describe('areas in hundredths of m²', () => {
  it('parses and formats without floats', () => {
    expect(parseArea('85.5')).toBe(8550n);
    expect(parseArea('85.50')).toBe(8550n);
    expect(parseArea('0.07')).toBe(7n);
    expect(parseArea('120')).toBe(12000n);
    expect(formatArea(8550n)).toBe('85.50');
    expect(formatArea(7n)).toBe('0.07');
    expect(() => parseArea('1e3')).toThrow();
    expect(() => parseArea('85.555')).toThrow();
    expect(() => parseArea('-3')).toThrow();
  });

  it('round-trips every two-decimal area (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999n }), (h) => {
        expect(parseArea(formatArea(h))).toBe(h);
      }),
    );
  });

  it('percent is for display: rounded to one decimal', () => {
    expect(percent(2n, 3n)).toBe('66.7');
    expect(percent(1n, 2n)).toBe('50.0');
    expect(percent(0n, 0n)).toBe('0.0');
  });
});

describe('evaluate: art. 278 double majority', () => {
  const yesNo = (electorate: Weight, yes: Weight, no: Weight, abstain: Weight) =>
    evaluate(
      'yes_no',
      {
        electorate,
        participants: { head: yes.head + no.head + abstain.head, area: yes.area + no.area + abstain.area },
        options: [yes, no, abstain],
      },
      PRESETS.art278_major,
    );

  it('a major matter passes with exactly 2/3 taking part and exactly 3/4 of them approving, by head and area', () => {
    // 12 owners, 1200 m²: 8 take part (800 m²), 6 of them say yes (600 m²).
    const e = yesNo(w(12, '1200'), w(6, '600'), w(2, '200'), w(0, '0'));
    expect(e.participationMet).toBe(true);
    expect(e.participation.map((c) => [c.measure, c.part, c.whole, c.met])).toEqual([
      ['head', '8', '12', true],
      ['area', '80000', '120000', true],
    ]);
    expect(e.options[0]!.met).toBe(true);
    expect(e.adopted).toBe(true);
    expect(e.adoptedOptions).toEqual([0]);
  });

  it('fails when head count is met but area falls 0.01 m² short (and the other way round)', () => {
    const shortArea = yesNo(w(12, '1200'), w(6, '599.99'), w(2, '200.01'), w(0, '0'));
    expect(shortArea.participationMet).toBe(true);
    expect(shortArea.options[0]!.approval.map((c) => c.met)).toEqual([true, false]);
    expect(shortArea.adopted).toBe(false);
    // 7 of 12 owners take part but they hold 900 of 1200 m²: participation by head fails.
    const shortHead = yesNo(w(12, '1200'), w(7, '900'), w(0, '0'), w(0, '0'));
    expect(shortHead.participation.map((c) => c.met)).toEqual([false, true]);
    expect(shortHead.adopted).toBe(false);
  });

  it('abstentions count as taking part but not as approval', () => {
    const e = yesNo(w(4, '400'), w(2, '200'), w(0, '0'), w(1, '100'));
    expect(e.participationMet).toBe(true);
    // 2 of 3 participants approve: ≥ 3/4 fails, > 1/2 passes.
    expect(e.adopted).toBe(false);
    const ordinary = evaluate(
      'yes_no',
      { electorate: w(4, '400'), participants: w(3, '300'), options: [w(2, '200'), w(0, '0'), w(1, '100')] },
      PRESETS.art278_ordinary,
    );
    expect(ordinary.adopted).toBe(true);
  });

  it('exactly half approving is not "more than half"', () => {
    const e = evaluate(
      'yes_no',
      { electorate: w(4, '400'), participants: w(4, '400'), options: [w(2, '200'), w(2, '200'), w(0, '0')] },
      PRESETS.art278_ordinary,
    );
    expect(e.options[0]!.approval.map((c) => c.met)).toEqual([false, false]);
    expect(e.adopted).toBe(false);
  });

  it('"no" winning never adopts a yes/no question; a single-choice tie decides nothing', () => {
    const no = evaluate(
      'yes_no',
      { electorate: w(3, '0'), participants: w(3, '0'), options: [w(0, '0'), w(3, '0'), w(0, '0')] },
      PRESETS.simple_majority,
    );
    expect(no.options[1]!.met).toBe(true);
    expect(no.adopted).toBe(false);
    const tie = evaluate(
      'single',
      { electorate: w(4, '0'), participants: w(4, '0'), options: [w(2, '0'), w(2, '0')] },
      { participation: null, approval: { num: 1, den: 2, strict: false }, measures: ['head'] },
    );
    expect(tie.options.map((o) => o.met)).toEqual([true, true]);
    expect(tie.adopted).toBe(false);
  });

  it('multiple choice adopts every option that meets the threshold', () => {
    const e = evaluate(
      'multiple',
      { electorate: w(5, '0'), participants: w(4, '0'), options: [w(3, '0'), w(1, '0'), w(4, '0')] },
      PRESETS.simple_majority,
    );
    expect(e.adoptedOptions).toEqual([0, 2]);
  });

  it('adoption implies every listed check met, and more yes never un-adopts (property)', () => {
    const arb = fc.record({
      heads: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4, maxLength: 4 }),
      areas: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ heads, areas }) => {
        // yes, no, abstain, did not vote
        const part = [0, 1, 2, 3].map((i) => ({ head: BigInt(heads[i]!), area: BigInt(areas[i]!) }));
        const sum = (ws: Weight[]) => ws.reduce((a, b) => ({ head: a.head + b.head, area: a.area + b.area }));
        const run = (yes: Weight, notVoting: Weight) =>
          evaluate(
            'yes_no',
            {
              electorate: sum([yes, part[1]!, part[2]!, notVoting]),
              participants: sum([yes, part[1]!, part[2]!]),
              options: [yes, part[1]!, part[2]!],
            },
            PRESETS.art278_major,
          );
        const e = run(part[0]!, part[3]!);
        if (e.adopted) {
          expect([...e.participation, ...e.options[0]!.approval].every((c) => c.met)).toBe(true);
          // A non-voter switching to yes keeps it adopted.
          if (part[3]!.head > 0n) {
            const one = { head: 1n, area: part[3]!.area / part[3]!.head };
            const moved = run(
              { head: part[0]!.head + one.head, area: part[0]!.area + one.area },
              { head: part[3]!.head - one.head, area: part[3]!.area - one.area },
            );
            expect(moved.adopted).toBe(true);
          }
        }
      }),
    );
  });
});
