import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCommunityCode,
  checkDistrictCode,
  checkGridCode,
  checkStreetCode,
  streetKindOfCode,
} from '../src/codes.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const countyArb = fc.stringMatching(/^\d{6}$/);
const streetNoArb = fc.integer({ min: 1, max: 399 });
const residentialNoArb = fc.integer({ min: 1, max: 199 });
const villageNoArb = fc.integer({ min: 200, max: 399 });
const communityArb = fc
  .tuple(countyArb, streetNoArb, fc.integer({ min: 1, max: 399 }))
  .map(([county, street, community]) => `${county}${pad(street, 3)}${pad(community, 3)}`);
const notDigits = (len: number) => fc.string({ minLength: len, maxLength: len }).filter((s) => !/^\d+$/.test(s));

describe('checkDistrictCode (GB/T 2260, 6 digits)', () => {
  it('accepts exactly six ASCII digits', () => {
    expect(checkDistrictCode('310113')).toBeNull();
    for (const bad of ['', '31011', '3101130', '31011a', ' 310113', '310113\n', '３１０１１３'])
      expect(checkDistrictCode(bad), JSON.stringify(bad)).toBe('format');
    fc.assert(
      fc.property(countyArb, (c) => {
        expect(checkDistrictCode(c)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(notDigits(6), (c) => {
        expect(checkDistrictCode(c)).toBe('format');
      }),
    );
  });
});

describe('checkStreetCode and streetKindOfCode', () => {
  it('accepts street numbers 001–399 and rejects 000 and 400–999', () => {
    expect(checkStreetCode('310113001')).toBeNull();
    expect(checkStreetCode('310113399')).toBeNull();
    expect(checkStreetCode('310113000')).toBe('street_range');
    expect(checkStreetCode('310113400')).toBe('street_range');
    expect(checkStreetCode('310113999')).toBe('street_range');
    fc.assert(
      fc.property(countyArb, fc.integer({ min: 0, max: 999 }), (county, n) => {
        expect(checkStreetCode(`${county}${pad(n, 3)}`)).toBe(n >= 1 && n <= 399 ? null : 'street_range');
      }),
    );
  });

  it('rejects anything that is not nine digits', () => {
    for (const bad of ['', '31011300', '3101130010', '31011300a', '310113-01', '310113001 '])
      expect(checkStreetCode(bad), bad).toBe('format');
  });

  it('derives the kind from the number: 001–099 street, 100–199 town, 200–399 township', () => {
    expect(streetKindOfCode('310113001')).toBe('street');
    expect(streetKindOfCode('310113099')).toBe('street');
    expect(streetKindOfCode('310113100')).toBe('town');
    expect(streetKindOfCode('310113199')).toBe('town');
    expect(streetKindOfCode('310113200')).toBe('township');
    expect(streetKindOfCode('310113399')).toBe('township');
    // Also works on a full 12-digit community code, which starts with its street code.
    expect(streetKindOfCode('310113105201')).toBe('town');
  });
});

describe('checkCommunityCode (12 digits: county + street + community)', () => {
  it('accepts residents’ committees 001–199 and villagers’ committees 200–399', () => {
    expect(checkCommunityCode('310113001001', 'residential')).toBeNull();
    expect(checkCommunityCode('310113001199', 'residential')).toBeNull();
    expect(checkCommunityCode('310113101200', 'village')).toBeNull();
    expect(checkCommunityCode('310113201399', 'village')).toBeNull();
    expect(checkCommunityCode('310113001200', 'residential')).toBe('kind_mismatch');
    expect(checkCommunityCode('310113001199', 'village')).toBe('kind_mismatch');
    expect(checkCommunityCode('310113001000', 'residential')).toBe('community_range');
    expect(checkCommunityCode('310113001400', 'village')).toBe('community_range');
  });

  it('checks the embedded street number', () => {
    expect(checkCommunityCode('310113000001', 'residential')).toBe('street_range');
    expect(checkCommunityCode('310113400001', 'residential')).toBe('street_range');
    expect(checkCommunityCode('310113399001', 'residential')).toBeNull();
  });

  it('reports format before range and range before kind', () => {
    for (const bad of ['', '31011300100', '3101130010011', '31011300100a', '310113 001001', '310113001001\n'])
      expect(checkCommunityCode(bad, 'residential'), JSON.stringify(bad)).toBe('format');
    expect(checkCommunityCode('310113000500', 'village')).toBe('street_range');
    expect(checkCommunityCode('310113001000', 'village')).toBe('community_range');
  });

  it('for every well-formed code, the result depends only on the ranges and the kind', () => {
    fc.assert(
      fc.property(
        countyArb,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('residential' as const, 'village' as const),
        (county, street, community, kind) => {
          const expected =
            street < 1 || street > 399
              ? 'street_range'
              : community < 1 || community > 399
                ? 'community_range'
                : community >= 200 !== (kind === 'village')
                  ? 'kind_mismatch'
                  : null;
          expect(checkCommunityCode(`${county}${pad(street, 3)}${pad(community, 3)}`, kind)).toBe(expected);
        },
      ),
    );
  });

  it('valid codes of both kinds pass and begin with a valid street code', () => {
    fc.assert(
      fc.property(countyArb, streetNoArb, residentialNoArb, villageNoArb, (county, street, res, vil) => {
        const residential = `${county}${pad(street, 3)}${pad(res, 3)}`;
        const village = `${county}${pad(street, 3)}${pad(vil, 3)}`;
        expect(checkCommunityCode(residential, 'residential')).toBeNull();
        expect(checkCommunityCode(village, 'village')).toBeNull();
        expect(checkStreetCode(residential.slice(0, 9))).toBeNull();
        expect(checkDistrictCode(residential.slice(0, 6))).toBeNull();
      }),
    );
  });
});

describe('checkGridCode (CJ/T 349-2010: community code + 2-digit grid number)', () => {
  it('accepts grid numbers 01–99 under the given community', () => {
    expect(checkGridCode('31011300100101', '310113001001')).toBeNull();
    expect(checkGridCode('31011300100199', '310113001001')).toBeNull();
    expect(checkGridCode('31011300100100', '310113001001')).toBe('format');
    expect(checkGridCode('31011300100201', '310113001001')).toBe('parent_mismatch');
    // The community code must be the prefix, not just appear somewhere inside.
    expect(checkGridCode('13101130010010', '310113001001')).toBe('parent_mismatch');
    expect(checkGridCode('99310113001001', '310113001001')).toBe('parent_mismatch');
    expect(checkGridCode('3101130010010', '310113001001')).toBe('format');
    expect(checkGridCode('310113001001010', '310113001001')).toBe('format');
    expect(checkGridCode('3101130010010a')).toBe('format');
  });

  it('skips the parent check when no community code is given', () => {
    expect(checkGridCode('31011300100201')).toBeNull();
    expect(checkGridCode('31011300100201', null)).toBeNull();
    expect(checkGridCode('31011300100201', '')).toBeNull();
  });

  it('every community code followed by 01–99 is a grid of that community and of no other', () => {
    fc.assert(
      fc.property(communityArb, communityArb, fc.integer({ min: 1, max: 99 }), (community, other, n) => {
        const grid = `${community}${pad(n, 2)}`;
        expect(checkGridCode(grid, community)).toBeNull();
        expect(checkGridCode(grid)).toBeNull();
        if (other !== community) expect(checkGridCode(grid, other)).toBe('parent_mismatch');
        expect(checkGridCode(`${community}00`, community)).toBe('format');
      }),
    );
  });
});
