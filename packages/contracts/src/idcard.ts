/** Resident identity numbers per GB 11643-1999: 6-digit address, 8-digit birth date, 3-digit sequence, check char. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export type IdCardProblem = 'format' | 'birth_date' | 'checksum';

export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase();

export function checkCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

function birthDateOf(id: string): { y: number; m: number; d: number } {
  return { y: Number(id.slice(6, 10)), m: Number(id.slice(10, 12)), d: Number(id.slice(12, 14)) };
}

/** Returns what is wrong with an ID number, or null when it is valid (today bounds the birth date). */
export function validateIdNumber(raw: string, today: Date = new Date()): IdCardProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const { y, m, d } = birthDateOf(id);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date.getTime() > today.getTime()) return 'birth_date';
  if (checkCharFor(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

export const isValidIdNumber = (raw: string): boolean => validateIdNumber(raw) === null;

/** Birth date (YYYY-MM-DD) and sex derived from a valid ID number: odd sequence = male. */
export function idFacts(raw: string): { birthDate: string; sex: 'male' | 'female' } {
  const id = normalizeIdNumber(raw);
  const seq = Number(id.slice(14, 17));
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: seq % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Masked form shown everywhere except an audited reveal: first 4 and last 4 characters. Input too short to
 * have a hidden middle (8 characters or fewer) is masked completely rather than echoed.
 */
export const maskIdNumber = (raw: string): string => {
  const id = normalizeIdNumber(raw);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
};

/** Builds a valid ID number from its parts (used by demo data and tests). */
export function makeIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}
