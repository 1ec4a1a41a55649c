import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharFor,
  idFacts,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  validateIdNumber,
} from '../src/idcard.ts';

const TODAY = new Date('2024-06-15T09:30:00Z');
const CHECK_CHARS = '0123456789X';
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;

const areaArb = fc.stringMatching(/^[1-8]\d{5}$/);
const birthArb = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2024-06-15T00:00:00Z'),
  noInvalidDate: true,
});
const partsArb = fc.record({ area: areaArb, birth: birthArb, seq: fc.integer({ min: 0, max: 999 }) });
const validIdArb = partsArb.map((p) => makeIdNumber(p.area, ymd(p.birth), p.seq));

describe('known answers (GB 11643-1999)', () => {
  it('accepts the standard’s examples and computes their check characters', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toBeNull();
    expect(checkCharFor('11010519491231002')).toBe('X');
    expect(idFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(validateIdNumber('440524198001010013', TODAY)).toBeNull();
    expect(validateIdNumber('440524198001010014', TODAY)).toBe('checksum');
    expect(checkCharFor('44052419800101001')).toBe('3');
    expect(idFacts('440524198001010013')).toEqual({ birthDate: '1980-01-01', sex: 'male' });
  });

  it('reports format problems before anything else', () => {
    for (const bad of [
      '',
      '11010519491231002',
      '11010519491231002XX',
      '1101051949123100ZX',
      '11010519491231X02X',
      '110105 19491231002X',
      '１１０１０５１９４９１２３１００２Ｘ',
    ])
      expect(validateIdNumber(bad, TODAY), bad).toBe('format');
  });
});

describe('makeIdNumber / validateIdNumber / idFacts', () => {
  it('every generated number validates and yields the encoded birth date and sex', () => {
    fc.assert(
      fc.property(partsArb, ({ area, birth, seq }) => {
        const id = makeIdNumber(area, ymd(birth), seq);
        expect(id).toMatch(/^\d{17}[\dX]$/);
        expect(validateIdNumber(id, TODAY)).toBeNull();
        expect(isValidIdNumber(id)).toBe(true);
        expect(idFacts(id)).toEqual({
          birthDate: birth.toISOString().slice(0, 10),
          sex: seq % 2 === 1 ? 'male' : 'female',
        });
      }),
    );
  });

  it('changing any single character makes the number invalid', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, i, shift) => {
        const alphabet = i === 17 ? CHECK_CHARS : '0123456789';
        const old = alphabet.indexOf(id[i]!);
        const replacement = alphabet[(old + shift) % alphabet.length]!;
        fc.pre(replacement !== id[i]);
        const changed = id.slice(0, i) + replacement + id.slice(i + 1);
        expect(validateIdNumber(changed, TODAY)).not.toBeNull();
        expect(isValidIdNumber(changed)).toBe(false);
      }),
    );
  });

  it('swapping two different adjacent digits makes the number invalid', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 15 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(validateIdNumber(swapped, TODAY)).not.toBeNull();
      }),
    );
  });

  it('rejects impossible or out-of-range birth dates even with a correct check character', () => {
    for (const birth of [
      '20230230', // Feb 30
      '19000229', // 1900 is not a leap year
      '20230229',
      '20231301', // month 13
      '20230001', // month 00
      '20230100', // day 00
      '20230132',
      '20230431', // April has 30 days
      '18991231', // before 1900
      '00990101', // two-digit years must not be read as 19xx
      '20240616', // tomorrow
      '20250101',
    ])
      expect(validateIdNumber(makeIdNumber('310101', birth, 123), TODAY), birth).toBe('birth_date');
  });

  it('accepts the edges of the valid range: Feb 29 of a leap year, 1900-01-01 and today', () => {
    for (const birth of ['20000229', '20240229', '19000101', '20240615'])
      expect(validateIdNumber(makeIdNumber('310101', birth, 123), TODAY), birth).toBeNull();
  });

  it('rejects every birth date after today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-06-16T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
        areaArb,
        (birth, area) => {
          expect(validateIdNumber(makeIdNumber(area, ymd(birth), 1), TODAY)).toBe('birth_date');
        },
      ),
    );
  });

  it('accepts a lowercase x and surrounding spaces (input is normalized), and nothing else lowercase', () => {
    const id = '11010519491231002X';
    expect(normalizeIdNumber(' 11010519491231002x\n')).toBe(id);
    expect(validateIdNumber('11010519491231002x', TODAY)).toBeNull();
    expect(validateIdNumber('  11010519491231002X ', TODAY)).toBeNull();
    expect(idFacts('11010519491231002x')).toEqual(idFacts(id));
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
    // A lowercase x where a digit belongs is still a format error.
    expect(validateIdNumber('x1010519491231002X', TODAY)).toBe('format');
    fc.assert(
      fc.property(validIdArb, (valid) => {
        expect(validateIdNumber(valid.toLowerCase(), TODAY)).toBe(validateIdNumber(valid, TODAY));
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('shows the first 4 and last 4 characters only', () => {
    expect(maskIdNumber('31010119900101123X')).toBe('3101**********123X');
    fc.assert(
      fc.property(validIdArb, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
        expect(masked.slice(4, 14)).toMatch(/^\*{10}$/);
      }),
    );
  });

  it('never shows a short input in full (regression: inputs of 8 or fewer characters were echoed)', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9X]{0,30}$/), (raw) => {
        const masked = maskIdNumber(raw);
        expect(masked).toHaveLength(raw.length);
        const shown = [...masked].filter((c) => c !== '*').length;
        expect(shown).toBeLessThanOrEqual(8);
        if (raw.length > 0) expect(shown).toBeLessThan(raw.length);
        if (raw.length > 8) expect(masked).toBe(raw.slice(0, 4) + '*'.repeat(raw.length - 8) + raw.slice(-4));
      }),
    );
  });
});
