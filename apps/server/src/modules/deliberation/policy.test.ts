import { describe, expect, it } from 'vitest';
import { type ChainFacts, chainOf, statusMayMove } from './policy.ts';

const at = (d: number) => new Date(Date.UTC(2026, 10, d));
const base: ChainFacts = {
  stage: 'submitted',
  created_at: at(1),
  screened_at: null,
  decided_at: null,
  project_at: null,
  completed_at: null,
  evaluated_at: null,
  covenant_at: null,
};
const states = (f: Partial<ChainFacts>) => chainOf({ ...base, ...f }).map((s) => s.state);

describe('the chain of a proposal', () => {
  it('waits at screening, then consults, then stops or goes on to a project', () => {
    expect(states({})).toEqual(['done', 'current', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(states({ stage: 'rejected', screened_at: at(2) })).toEqual([
      'done',
      'stopped',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    for (const stage of ['consulting', 'summarised', 'voting'])
      expect(states({ stage, screened_at: at(2) }).slice(0, 4)).toEqual(['done', 'done', 'current', 'waiting']);
    expect(states({ stage: 'not_adopted', screened_at: at(2), decided_at: at(9) })[2]).toBe('stopped');
    expect(states({ stage: 'adopted', screened_at: at(2), decided_at: at(9) }).slice(2, 5)).toEqual([
      'done',
      'current',
      'waiting',
    ]);
  });

  it('carries each step’s start and end: the screen step ends when the committee screened', () => {
    const c = chainOf({ ...base, stage: 'consulting', screened_at: at(3) });
    expect(c[1]).toEqual({
      step: 'screen',
      state: 'done',
      startedAt: at(1).toISOString(),
      endedAt: at(3).toISOString(),
    });
    expect(c[2]).toEqual({ step: 'consult', state: 'current', startedAt: at(3).toISOString(), endedAt: null });
  });

  it('is all done once delivered, evaluated and made a covenant', () => {
    const full = { stage: 'adopted', screened_at: at(2), decided_at: at(9), project_at: at(10), completed_at: at(20) };
    expect(states({ ...full, evaluated_at: at(21), covenant_at: at(22) }).every((s) => s === 'done')).toBe(true);
    expect(states(full).slice(4)).toEqual(['done', 'current', 'current']);
  });

  it('moves a project forward only', () => {
    expect(statusMayMove('planned', 'completed')).toBe(true);
    expect(statusMayMove('in_progress', 'in_progress')).toBe(true);
    expect(statusMayMove('completed', 'planned')).toBe(false);
  });
});
