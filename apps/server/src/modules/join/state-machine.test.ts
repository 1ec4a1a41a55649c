import { describe, expect, it } from 'vitest';
import { nextStatus } from './state-machine.ts';

describe('join application states', () => {
  it('decides a pending application either way', () => {
    expect(nextStatus('pending', 'approve')).toBe('approved');
    expect(nextStatus('pending', 'reject')).toBe('rejected');
  });

  it('treats a decision as final', () => {
    for (const from of ['approved', 'rejected'] as const)
      for (const d of ['approve', 'reject'] as const) expect(nextStatus(from, d)).toBeNull();
  });
});
