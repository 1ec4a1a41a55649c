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

/** What the caller is in the community, as far as posting goes. */
export interface Speaker {
  /** Lives or works in the community (not a hometown member's grant). */
  member: boolean;
  /** 乡愁乡音 member of this village. */
  hometown: boolean;
  /** Moderates the boards: the committee, which also speaks for the community party organisation. */
  moderator: boolean;
  /** Party member whose check-in was approved here. */
  partyMember: boolean;
}

/**
 * Why the caller may not open a post of this kind on this board, or null (pure). 党建园地: news and study
 * materials come from the party organisation; checked-in party members discuss. 乡愁乡音: members and
 * hometown members. Every other board: members.
 */
export function postDenial(board: string, kind: string, s: Speaker): string | null {
  if (board === 'party') {
    if (kind === 'discussion') return s.partyMember || s.moderator ? null : 'not_a_party_member';
    return s.moderator ? null : 'party_organisation_only';
  }
  if (board === 'hometown') return s.member || s.hometown ? null : 'not_a_member';
  return s.member ? null : 'not_a_member';
}
