import { describe, expect, it } from 'vitest';
import { allowedSteps, nextStage } from './policy.ts';

const help = { board: 'help', stage: 'open', author_id: 'a', taker_id: null };

describe('board post steps', () => {
  it('互助: a neighbour takes, either party finishes, the author thanks', () => {
    expect(nextStage(help, 'take', 'a')).toEqual({ error: 'not_allowed' });
    expect(nextStage(help, 'take', 'n')).toEqual({ stage: 'taken' });
    const taken = { ...help, stage: 'taken', taker_id: 'n' };
    expect(nextStage(taken, 'done', 'x')).toEqual({ error: 'not_allowed' });
    expect(nextStage(taken, 'done', 'n')).toEqual({ stage: 'done' });
    expect(nextStage({ ...taken, stage: 'done' }, 'thank', 'n')).toEqual({ error: 'not_allowed' });
    expect(nextStage({ ...taken, stage: 'done' }, 'thank', 'a')).toEqual({ stage: 'thanked' });
    expect(nextStage({ ...taken, stage: 'thanked' }, 'done', 'a')).toEqual({ error: 'illegal_step' });
  });

  it('闲置: reserve, hand over, close; a reservation can be released', () => {
    const g = { board: 'giveaway', stage: 'open', author_id: 'a', taker_id: null };
    expect(allowedSteps(g, 'a')).toEqual(['close']);
    expect(allowedSteps(g, 'n')).toEqual(['reserve']);
    const reserved = { ...g, stage: 'reserved', taker_id: 'n' };
    expect(allowedSteps(reserved, 'a')).toEqual(['release', 'hand_over']);
    expect(allowedSteps(reserved, 'n')).toEqual(['release']);
    expect(nextStage({ ...reserved, stage: 'handed_over' }, 'close', 'a')).toEqual({ stage: 'closed' });
    expect(nextStage({ ...reserved, stage: 'closed' }, 'reserve', 'm')).toEqual({ error: 'illegal_step' });
  });

  it('身边事 has no steps', () => {
    expect(allowedSteps({ board: 'local', stage: 'open', author_id: 'a', taker_id: null }, 'n')).toEqual([]);
    expect(nextStage({ board: 'local', stage: 'open', author_id: 'a', taker_id: null }, 'take', 'n')).toEqual({
      error: 'illegal_step',
    });
  });
});
