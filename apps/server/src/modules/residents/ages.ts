/**
 * Ages from birth dates without reading every row: "at least N years old" is "born on or before today minus
 * N years", a comparison of 'YYYY-MM-DD' strings the index can use. Days are China's (UTC+8).
 */
export const chinaToday = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The latest birth date of someone at least `years` old today (29 February births turn over on 1 March). */
export function bornBy(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${String(y).padStart(4, '0')}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Completed years between a birth date and today. */
export function ageOn(birthDate: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age--;
  return age;
}

/** Birth-date bounds of an age range: min ≤ age ≤ max ⇔ after ≤ birth ≤ by (either may be open). */
export function birthBounds(today: string, min?: number | null, max?: number | null) {
  return {
    /** Born on or before this to be at least `min`. */
    by: min == null ? null : bornBy(today, min),
    /** Born strictly after this to be at most `max`. */
    after: max == null ? null : bornBy(today, max + 1),
  };
}
