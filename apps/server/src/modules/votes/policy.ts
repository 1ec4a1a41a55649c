/** Pure rules of votes: what a draft may say and what a ballot may choose (docs/adr/0012-votes.md). */
import { type api, votes } from '@linli/contracts';
import type { Static } from 'typebox';

type Create = Static<typeof api.votes.VoteCreate>;
export type FieldError = { path: string; code: string };

/** 同意 / 反对 / 弃权: a yes/no question always has these three options, in this order. */
export const YES_NO_OPTIONS = ['同意', '反对', '弃权'];

export interface DraftRules {
  options: string[];
  maxChoices: number;
  thresholds: votes.Thresholds;
}

/** The draft's options, choice limit and thresholds, or the first field that is wrong. */
export function draftRules(b: Create, now: Date): DraftRules | FieldError {
  if (!b.title.trim()) return { path: '/title', code: 'empty' };
  if (!b.question.trim()) return { path: '/question', code: 'empty' };
  if (new Date(b.deadline).getTime() <= now.getTime()) return { path: '/deadline', code: 'deadline_past' };
  let options = YES_NO_OPTIONS;
  let maxChoices = 1;
  if (b.kind !== 'yes_no') {
    options = (b.options ?? []).map((o) => o.trim());
    if (options.length < 2) return { path: '/options', code: 'too_few_options' };
    if (options.some((o) => !o)) return { path: '/options', code: 'empty' };
    if (new Set(options).size !== options.length) return { path: '/options', code: 'duplicate_option' };
    maxChoices = b.kind === 'single' ? 1 : (b.maxChoices ?? options.length);
    if (b.kind === 'multiple' && (maxChoices < 1 || maxChoices > options.length))
      return { path: '/maxChoices', code: 'max_choices_out_of_range' };
  }
  let thresholds: votes.Thresholds;
  if (b.preset === 'custom') {
    if (!b.thresholds) return { path: '/thresholds', code: 'thresholds_required' };
    const t = b.thresholds;
    if (t.participation && !votes.validRatio(t.participation))
      return { path: '/thresholds/participation', code: 'bad_ratio' };
    if (!votes.validRatio(t.approval)) return { path: '/thresholds/approval', code: 'bad_ratio' };
    if (new Set(t.measures).size !== t.measures.length)
      return { path: '/thresholds/measures', code: 'duplicate_measure' };
    thresholds = {
      participation: t.participation,
      approval: t.approval,
      measures: [...t.measures].sort() as votes.Measure[],
    };
  } else {
    if (b.thresholds) return { path: '/thresholds', code: 'thresholds_only_custom' };
    const p = votes.PRESETS[b.preset];
    thresholds = { participation: p.participation, approval: p.approval, measures: [...p.measures] };
  }
  // Floor area weighs only owned rooms; art. 278 speaks of owners.
  if (b.preset.startsWith('art278') && b.electorate !== 'owners')
    return { path: '/electorate', code: 'art278_needs_owners' };
  if (thresholds.measures.includes('area') && b.electorate !== 'owners')
    return { path: '/electorate', code: 'area_needs_owners' };
  return { options, maxChoices, thresholds };
}

export const isFieldError = (x: DraftRules | FieldError): x is FieldError => 'code' in x;

/** A ballot's choices: in range, no repeats, one for yes/no and single, at most max for multiple. */
export function ballotError(kind: string, optionCount: number, maxChoices: number, choices: number[]): string | null {
  if (choices.length === 0) return 'no_choice';
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= optionCount)) return 'option_out_of_range';
  if (new Set(choices).size !== choices.length) return 'duplicate_choice';
  if (kind !== 'multiple' && choices.length > 1) return 'too_many_choices';
  if (choices.length > maxChoices) return 'too_many_choices';
  return null;
}
