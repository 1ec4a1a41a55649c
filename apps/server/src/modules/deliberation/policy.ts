/**
 * The deliberation chain (pure): which stage may follow which, and how a proposal's timestamps read as the
 * seven steps 提出议题 → 把关筛选 → 开展协商 → 形成项目 → 推动实施 → 效果评估 → 建立公约.
 */
import type { api } from '@linli/contracts';

type Step = (typeof api.deliberation.CHAIN_STEPS)[number];
type State = 'done' | 'current' | 'waiting' | 'stopped';
export interface ChainStep {
  step: Step;
  state: State;
  startedAt: string | null;
  endedAt: string | null;
}

export interface ChainFacts {
  stage: string;
  created_at: Date | string;
  screened_at: Date | string | null;
  decided_at: Date | string | null;
  project_at: Date | string | null;
  completed_at: Date | string | null;
  evaluated_at: Date | string | null;
  covenant_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Stages where the discussion is open to comments and meeting records. */
export const OPEN_FOR_COMMENTS = ['consulting'];
/** Stages a vote may be opened from (the votes module checks this too). */
export const VOTABLE = ['consulting', 'summarised'];
export const DISCUSSING = ['consulting', 'summarised', 'voting'];

export function chainOf(f: ChainFacts): ChainStep[] {
  const s = f.stage;
  const screenedOut = s === 'rejected' || s === 'merged';
  const adopted = s === 'adopted';
  const step = (step: Step, state: State, start: Date | string | null, end: Date | string | null): ChainStep => ({
    step,
    state,
    startedAt: iso(start),
    endedAt: state === 'done' || state === 'stopped' ? iso(end) : null,
  });
  const consultState: State = DISCUSSING.includes(s)
    ? 'current'
    : adopted
      ? 'done'
      : s === 'not_adopted'
        ? 'stopped'
        : 'waiting';
  const projectState: State = f.project_at ? 'done' : adopted ? 'current' : 'waiting';
  const deliverState: State = f.completed_at ? 'done' : f.project_at ? 'current' : 'waiting';
  const evaluateState: State = f.evaluated_at ? 'done' : f.completed_at ? 'current' : 'waiting';
  const covenantState: State = f.covenant_at ? 'done' : f.completed_at ? 'current' : 'waiting';
  return [
    step('propose', 'done', f.created_at, f.created_at),
    step('screen', s === 'submitted' ? 'current' : screenedOut ? 'stopped' : 'done', f.created_at, f.screened_at),
    step('consult', consultState, f.screened_at && !screenedOut ? f.screened_at : null, f.decided_at),
    step('project', projectState, adopted ? f.decided_at : null, f.project_at),
    step('deliver', deliverState, f.project_at, f.completed_at),
    step('evaluate', evaluateState, f.completed_at, f.evaluated_at),
    step('covenant', covenantState, adopted ? (f.completed_at ?? f.decided_at) : null, f.covenant_at),
  ];
}

export type Decision = 'approve' | 'merge' | 'reject';
export const STAGE_OF: Record<Decision, string> = { approve: 'consulting', merge: 'merged', reject: 'rejected' };

/** Project status moves forward only: planned → in_progress → completed (a step may be skipped). */
const ORDER = ['planned', 'in_progress', 'completed'];
export const statusMayMove = (from: string, to: string) => ORDER.indexOf(to) >= ORDER.indexOf(from);
