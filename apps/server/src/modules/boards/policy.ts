/**
 * Who may move a post on, and to where (pure). 互助: a neighbour takes a request or offer; the author or the
 * taker marks it done (or releases it); the author thanks. 闲置: a neighbour reserves; the author hands it over
 * and closes, or releases a reservation; the author may close an open listing. 身边事 has no steps: it is
 * answered by the committee's reply.
 */
import type { api } from '@linli/contracts';

type Step = api.boards.PostStep;

export interface StepPost {
  board: string;
  stage: string;
  author_id: string;
  taker_id: string | null;
}

type Rule = { from: string[]; to: string; who: 'author' | 'neighbour' | 'party' };

const RULES: Record<string, Partial<Record<Step, Rule>>> = {
  help: {
    take: { from: ['open'], to: 'taken', who: 'neighbour' },
    release: { from: ['taken'], to: 'open', who: 'party' },
    done: { from: ['taken'], to: 'done', who: 'party' },
    thank: { from: ['done'], to: 'thanked', who: 'author' },
    close: { from: ['open'], to: 'closed', who: 'author' },
  },
  giveaway: {
    reserve: { from: ['open'], to: 'reserved', who: 'neighbour' },
    release: { from: ['reserved'], to: 'open', who: 'party' },
    hand_over: { from: ['reserved'], to: 'handed_over', who: 'author' },
    close: { from: ['open', 'handed_over'], to: 'closed', who: 'author' },
  },
  local: {},
};

/** The stage a step leads to, or why not: `illegal_step` (wrong board or stage) or `not_allowed` (wrong person). */
export function nextStage(p: StepPost, step: Step, userId: string): { stage: string } | { error: string } {
  const rule = RULES[p.board]?.[step];
  if (!rule?.from.includes(p.stage)) return { error: 'illegal_step' };
  const isAuthor = p.author_id === userId;
  const ok =
    rule.who === 'author' ? isAuthor : rule.who === 'neighbour' ? !isAuthor : isAuthor || p.taker_id === userId;
  return ok ? { stage: rule.to } : { error: 'not_allowed' };
}

export const allowedSteps = (p: StepPost, userId: string): Step[] =>
  (Object.keys(RULES[p.board] ?? {}) as Step[]).filter((s) => 'stage' in nextStage(p, s, userId));
