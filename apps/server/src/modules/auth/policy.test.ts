import { describe, expect, it } from 'vitest';
import { afterFailure, LOCK_MINUTES, lockState, MAX_FAILED_LOGINS } from './policy.ts';

const now = new Date('2026-11-24T09:00:00+08:00');

describe('lockout policy (MLPS level 3)', () => {
  it('locks on the fifth consecutive failure, for 15 minutes, and starts counting again', () => {
    let failed = 0;
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const r = afterFailure(failed, now);
      expect(r.lockedUntil).toBeNull();
      failed = r.failed;
    }
    const fifth = afterFailure(failed, now);
    expect(fifth.failed).toBe(0);
    expect(fifth.lockedUntil!.getTime() - now.getTime()).toBe(LOCK_MINUTES * 60_000);
  });

  it('reports minutes left while locked, rounding up, and nothing once the time has passed', () => {
    const until = new Date(now.getTime() + 14 * 60_000 + 1);
    expect(lockState(until, now)).toEqual({ locked: true, minutesLeft: 15 });
    expect(lockState(until, new Date(until.getTime()))).toEqual({ locked: false, minutesLeft: 0 });
    expect(lockState(null, now).locked).toBe(false);
  });
});
