import { checkPassword } from '@linli/contracts';
import { AppError } from '../../platform/http/errors.ts';

/** MLPS level 3: 5 failed sign-ins lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function lockState(lockedUntil: Date | null, now: Date): { locked: boolean; minutesLeft: number } {
  if (!lockedUntil || new Date(lockedUntil).getTime() <= now.getTime()) return { locked: false, minutesLeft: 0 };
  return { locked: true, minutesLeft: Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 60_000) };
}

/** After a wrong password: the new failure count and, when it reaches the limit, the lock's end. */
export function afterFailure(failed: number, now: Date): { failed: number; lockedUntil: Date | null } {
  const n = failed + 1;
  if (n >= MAX_FAILED_LOGINS) return { failed: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failed: n, lockedUntil: null };
}

/** Throws a field error at `path` unless the password meets the policy. */
export function assertPasswordPolicy(password: string, path: string): void {
  const problem = checkPassword(password);
  if (problem) throw new AppError(422, 'validation_failed', {}, [{ path, code: `password_${problem}` }]);
}
