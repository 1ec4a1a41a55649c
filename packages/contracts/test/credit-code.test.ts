import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCheckCharFor,
  makeCreditCode,
  normalizeCreditCode,
  validateCreditCode,
} from '../src/credit-code.ts';

const charArb = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
const chars = (n: number) => fc.array(charArb, { minLength: n, maxLength: n }).map((a) => a.join(''));
const first17Arb = fc
  .tuple(chars(2), fc.stringMatching(/^[0-9]{6}$/), chars(9))
  .map(([head, division, body]) => head + division + body);
const codeArb = first17Arb.map(makeCreditCode);

describe('known answers (GB 32100-2015)', () => {
  it('accepts published codes of real organisations and refuses one with a wrong check character', () => {
    for (const code of ['91350200776049653A', '91440101MA5CJQ4N59', '913502000728319549', '123502001549897397'])
      expect(validateCreditCode(code), code).toBeNull();
    expect(creditCheckCharFor('9144030071526726X')).toBe('G');
    expect(validateCreditCode('91350203M0001QAY9B')).toBe('checksum');
  });

  it('refuses letters outside the alphabet, letters in the division code and wrong lengths', () => {
    expect(validateCreditCode('91350200776049653')).toBe('format');
    expect(validateCreditCode('91350200776049653AA')).toBe('format');
    expect(validateCreditCode('9135020077604965IA')).toBe('format');
    expect(validateCreditCode('9135A200776049653A')).toBe('format');
    expect(validateCreditCode('')).toBe('format');
  });

  it('takes lower case and surrounding spaces as typed', () => {
    expect(validateCreditCode(' 91440101ma5cjq4n59 ')).toBeNull();
    expect(normalizeCreditCode(' 91440101ma5cjq4n59 ')).toBe('91440101MA5CJQ4N59');
  });
});

describe('properties', () => {
  it('every code built from 17 valid characters is valid', () => {
    fc.assert(fc.property(codeArb, (code) => validateCreditCode(code) === null));
  });

  it('changing any one character (to another of the alphabet) is caught', () => {
    fc.assert(
      fc.property(codeArb, fc.integer({ min: 0, max: 17 }), charArb, (code, i, c) => {
        fc.pre(code[i] !== c && !(i >= 2 && i < 8 && !/[0-9]/.test(c)));
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        return validateCreditCode(changed) === 'checksum';
      }),
    );
  });

  it('swapping two different neighbouring characters is caught', () => {
    fc.assert(
      fc.property(codeArb, fc.integer({ min: 0, max: 16 }), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        return validateCreditCode(swapped) !== null;
      }),
    );
  });

  it('the check character is always one of the alphabet', () => {
    fc.assert(fc.property(first17Arb, (f) => CREDIT_CODE_ALPHABET.includes(creditCheckCharFor(f))));
  });
});
