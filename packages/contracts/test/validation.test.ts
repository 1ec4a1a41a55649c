import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, isValidPhone, PHONE_PATTERN } from '../src/validation.ts';

describe('isValidPhone (mainland mobile: 11 digits starting 13–19)', () => {
  it('accepts every second digit 3–9 and rejects 0–2', () => {
    for (const d of '3456789') expect(isValidPhone(`1${d}812345678`), d).toBe(true);
    for (const d of '012') expect(isValidPhone(`1${d}812345678`), d).toBe(false);
  });

  it('rejects wrong lengths, prefixes, separators and non-ASCII digits', () => {
    for (const bad of [
      '',
      '1381234567',
      '138123456789',
      '23812345678',
      '+8613812345678',
      '8613812345678',
      '138 1234 5678',
      '138-1234-5678',
      ' 13812345678',
      '13812345678\n',
      '1381234567a',
      '１３８１２３４５６７８',
    ])
      expect(isValidPhone(bad), JSON.stringify(bad)).toBe(false);
  });

  it('accepts exactly the strings 1[3-9] + 9 digits', () => {
    const phone = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([d, r]) => `1${d}${r}`);
    fc.assert(
      fc.property(phone, (p) => {
        expect(isValidPhone(p)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (s) => {
        const ascii = s.length === 11 && s[0] === '1' && '3456789'.includes(s[1]!) && /^[0-9]+$/.test(s);
        expect(isValidPhone(s)).toBe(ascii);
      }),
    );
  });

  it('the shared pattern is anchored, so schemas using it cannot match a substring', () => {
    const re = new RegExp(PHONE_PATTERN);
    expect(re.test('13812345678')).toBe(true);
    expect(re.test('x13812345678')).toBe(false);
    expect(re.test('138123456789')).toBe(false);
  });
});

// Reference classifier, written with code points rather than regular expressions.
const classesOf = (pw: string): number => {
  const chars = [...pw];
  const lower = chars.some((c) => c >= 'a' && c <= 'z');
  const upper = chars.some((c) => c >= 'A' && c <= 'Z');
  const digit = chars.some((c) => c >= '0' && c <= '9');
  const other = chars.some((c) => !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')));
  return [lower, upper, digit, other].filter(Boolean).length;
};
const reference = (pw: string) => {
  const length = [...pw].length;
  if (length < 8) return 'too_short';
  if (length > 128) return 'too_long';
  return classesOf(pw) >= 3 ? null : 'too_simple';
};

describe('checkPassword (MLPS level 3: ≥ 8 characters from ≥ 3 of lower, upper, digit, symbol)', () => {
  it('enforces the length boundaries', () => {
    expect(checkPassword('')).toBe('too_short');
    expect(checkPassword('Aa1!Aa1')).toBe('too_short');
    expect(checkPassword('Aa1!Aa1!')).toBeNull();
    expect(checkPassword(`Aa1${'x'.repeat(125)}`)).toBeNull();
    expect(checkPassword(`Aa1${'x'.repeat(126)}`)).toBe('too_long');
  });

  it('needs three character classes', () => {
    expect(checkPassword('abcdefgh')).toBe('too_simple');
    expect(checkPassword('abcdEFGH')).toBe('too_simple');
    expect(checkPassword('abcd1234')).toBe('too_simple');
    expect(checkPassword('12345678')).toBe('too_simple');
    expect(checkPassword('!@#$%^&*')).toBe('too_simple');
    expect(checkPassword('abcdEF12')).toBeNull();
    expect(checkPassword('abcd12!@')).toBeNull();
    expect(checkPassword('ABCD12!@')).toBeNull();
    expect(checkPassword('abcdEF!@')).toBeNull();
  });

  it('counts Chinese characters, spaces and full-width digits as symbols', () => {
    expect(checkPassword('中文密码中文密码')).toBe('too_simple');
    expect(checkPassword('abcdefg中')).toBe('too_simple');
    expect(checkPassword('abcdefG中')).toBeNull();
    expect(checkPassword('邻里邻里abc1')).toBeNull();
    expect(checkPassword('abcd efg1')).toBeNull();
    expect(checkPassword('abcdefg１')).toBe('too_simple');
  });

  it('counts characters, not UTF-16 code units (regression: 6 characters with emoji passed)', () => {
    expect(checkPassword('Aa1😀😀😀')).toBe('too_short');
    expect(checkPassword('Aa1😀😀😀😀')).toBe('too_short');
    expect(checkPassword('Aa1😀😀😀😀😀')).toBeNull();
    expect(checkPassword(`Aa1${'😀'.repeat(125)}`)).toBeNull();
    expect(checkPassword(`Aa1${'😀'.repeat(126)}`)).toBe('too_long');
  });

  it('agrees with a reference classifier on arbitrary strings', () => {
    const alphabet = fc.constantFrom('a', 'z', 'A', 'Z', '0', '9', '!', ' ', '中', '１', 'é', '😀');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 12 })),
        (pw) => {
          expect(checkPassword(pw)).toBe(reference(pw));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an accepted password never gets rejected by appending characters (up to the maximum)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (pw, more) => {
        if (checkPassword(pw) === null && [...(pw + more)].length <= 128) expect(checkPassword(pw + more)).toBeNull();
      }),
    );
  });
});
