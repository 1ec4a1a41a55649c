/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = '^1[3-9]\\d{9}$';
export const isValidPhone = (phone: string): boolean => new RegExp(PHONE_PATTERN).test(phone);

export type PasswordProblem = 'too_short' | 'too_simple' | 'too_long';

/**
 * MLPS level 3 password policy: at least 8 characters from at least 3 of lower, upper, digit, symbol.
 * Lengths count characters (code points), not UTF-16 units, so an emoji is one character.
 */
export function checkPassword(pw: string): PasswordProblem | null {
  const length = [...pw].length;
  if (length < 8) return 'too_short';
  if (length > 128) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(pw)).length;
  return classes >= 3 ? null : 'too_simple';
}
