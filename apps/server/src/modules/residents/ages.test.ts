import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, birthBounds, bornBy, chinaToday } from './ages.ts';

describe('ages from birth dates', () => {
  it('counts completed years, turning over on the birthday', () => {
    expect(ageOn('1946-11-25', '2026-11-24')).toBe(79);
    expect(ageOn('1946-11-24', '2026-11-24')).toBe(80);
  });
  it('uses the date in China (UTC+8)', () => {
    expect(chinaToday(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
  });
  it('a 29 February birth is a year older on 1 March of common years', () => {
    expect(bornBy('2027-02-28', 1)).toBe('2026-02-28');
    expect(bornBy('2029-02-28', 1)).toBe('2028-02-28');
  });
  it('birthBounds agrees with ageOn for every birth date and range', () => {
    const day = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), (b, t, min, span) => {
        fc.pre(b <= t);
        const { by, after } = birthBounds(t, min, min + span);
        const inRange = b <= by! && b > after!;
        const age = ageOn(b, t);
        expect(inRange).toBe(age >= min && age <= min + span);
      }),
    );
  });
});
