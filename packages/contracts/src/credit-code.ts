/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) of firms, shops, social organisations and
 * institutions: 1 registration authority + 1 organisation type + 6-digit division code (GB/T 2260) + 9-character
 * organisation code + check character. The alphabet leaves out I, O, S, V and Z; the check character makes the
 * weighted sum (weights 3^i mod 31) a multiple of 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'format' | 'checksum';

export const normalizeCreditCode = (raw: string): string => raw.trim().toUpperCase();

/** The check character for the first 17 characters (which must be in the alphabet). */
export function creditCheckCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a code, or null when it is valid. Positions 3–8 are a division code, so digits. */
export function validateCreditCode(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  return creditCheckCharFor(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

/** Builds a valid code from its first 17 characters (demo data and tests). */
export const makeCreditCode = (first17: string): string => first17 + creditCheckCharFor(first17);
