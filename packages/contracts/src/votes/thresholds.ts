/**
 * Vote thresholds as exact fractions (docs/adr/0012-votes.md). Head counts are integers and floor areas are
 * integers in hundredths of a square metre, so every comparison is a cross-multiplication of BigInts:
 * part/whole ≥ num/den  ⇔  part·den ≥ num·whole. No float ever decides whether a threshold was met.
 */

/** A fraction and whether the share must exceed it (`> 1/2`) or only reach it (`≥ 2/3`). */
export interface Ratio {
  num: number;
  den: number;
  strict: boolean;
}

export const TWO_THIRDS: Ratio = { num: 2, den: 3, strict: false };
export const THREE_QUARTERS: Ratio = { num: 3, den: 4, strict: false };
export const MORE_THAN_HALF: Ratio = { num: 1, den: 2, strict: true };

export const MEASURES = ['head', 'area'] as const;
export type Measure = (typeof MEASURES)[number];

/** Head count (1 per elector) and exclusive floor area in hundredths of m². */
export interface Weight {
  head: bigint;
  area: bigint;
}

export const ZERO: Weight = { head: 0n, area: 0n };
export const addWeight = (a: Weight, b: Weight): Weight => ({ head: a.head + b.head, area: a.area + b.area });

export interface Thresholds {
  /** Share of the whole electorate that must take part (art. 278: ≥ 2/3), or none. */
  participation: Ratio | null;
  /** Share of the participants that must choose an option for it to pass. */
  approval: Ratio;
  /** Every listed measure must meet each ratio (art. 278: head count AND floor area). */
  measures: Measure[];
}

export const PRESETS = {
  /** More than half of those who voted, by head count. */
  simple_majority: { participation: null, approval: MORE_THAN_HALF, measures: ['head'] },
  /** Art. 278 ordinary matters: ≥ 2/3 take part, > 1/2 of participants approve — by head AND by area. */
  art278_ordinary: { participation: TWO_THIRDS, approval: MORE_THAN_HALF, measures: ['head', 'area'] },
  /** Art. 278 major matters (lift, maintenance funds, change of use of common parts): ≥ 3/4 approve. */
  art278_major: { participation: TWO_THIRDS, approval: THREE_QUARTERS, measures: ['head', 'area'] },
} as const satisfies Record<string, Thresholds>;
export type Preset = keyof typeof PRESETS;

/** part/whole meets the ratio; an empty whole never does (nobody to decide). */
export function meets(part: bigint, whole: bigint, r: Ratio): boolean {
  if (whole <= 0n || part < 0n) return false;
  const lhs = part * BigInt(r.den);
  const rhs = BigInt(r.num) * whole;
  return r.strict ? lhs > rhs : lhs >= rhs;
}

/** A ratio is well formed: 0 < num ≤ den ≤ 1000 integers, and a strict ratio below 1 (> 1 is impossible). */
export const validRatio = (r: Ratio): boolean =>
  Number.isInteger(r.num) &&
  Number.isInteger(r.den) &&
  r.num > 0 &&
  r.den <= 1000 &&
  r.num <= r.den &&
  !(r.strict && r.num === r.den);

export interface Check {
  measure: Measure;
  /** Decimal strings (BigInt in JSON): head counts, or hundredths of m² for area. */
  part: string;
  whole: string;
  ratio: Ratio;
  met: boolean;
}

export type VoteKind = 'yes_no' | 'single' | 'multiple';

export interface TallyInput {
  electorate: Weight;
  /** Everyone with a current ballot, abstentions included (they took part). */
  participants: Weight;
  /** Per option, the weight of the current ballots that chose it. */
  options: Weight[];
}

export interface Evaluation {
  participation: Check[];
  participationMet: boolean;
  options: { index: number; approval: Check[]; met: boolean }[];
  /** Options that passed: for yes/no only "yes" (index 0) counts; a single-choice tie decides nothing. */
  adoptedOptions: number[];
  adopted: boolean;
}

const checks = (part: Weight, whole: Weight, ratio: Ratio, measures: readonly Measure[]): Check[] =>
  measures.map((m) => ({
    measure: m,
    part: part[m].toString(),
    whole: whole[m].toString(),
    ratio,
    met: meets(part[m], whole[m], ratio),
  }));

export function evaluate(kind: VoteKind, t: TallyInput, th: Thresholds): Evaluation {
  const participation = th.participation ? checks(t.participants, t.electorate, th.participation, th.measures) : [];
  const participationMet = participation.every((c) => c.met) && t.participants.head > 0n;
  const options = t.options.map((w, index) => {
    const approval = checks(w, t.participants, th.approval, th.measures);
    return { index, approval, met: approval.every((c) => c.met) };
  });
  let passed = options.filter((o) => o.met).map((o) => o.index);
  if (kind === 'yes_no') passed = passed.filter((i) => i === 0);
  if (kind === 'single' && passed.length > 1) passed = [];
  const adoptedOptions = participationMet ? passed : [];
  return { participation, participationMet, options, adoptedOptions, adopted: adoptedOptions.length > 0 };
}

/** "85.5" or "85.50" m² → 8550n hundredths, read as digits (never through a float). */
export function parseArea(text: string): bigint {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an area: ${text}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** 8550n → "85.50". */
export const formatArea = (hundredths: bigint): string =>
  `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;

/** A share as a percentage with one decimal for display only ("66.7"); decisions never use it. */
export function percent(part: bigint, whole: bigint): string {
  if (whole <= 0n) return '0.0';
  const tenths = (part * 1000n + whole / 2n) / whole;
  return `${tenths / 10n}.${tenths % 10n}`;
}
