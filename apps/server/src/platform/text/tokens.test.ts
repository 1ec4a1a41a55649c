import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens, textSimilarity, tsQueryOf } from './tokens.ts';

describe('Chinese-aware search tokens', () => {
  it('indexes words and Han bigrams, so a query finds text segmented differently', () => {
    const tokens = searchTokens('3号楼楼道漏水严重，请尽快处理');
    expect(tokens).toEqual(expect.arrayContaining(['漏水', '楼道', '号楼', '3']));
    for (const q of ['楼道漏水', '漏水', '楼道']) expect(tokens).toEqual(expect.arrayContaining(queryTokens(q)));
  });

  it('finds 怎么办居住证 from 居住证', () => {
    expect(searchTokens('怎么办居住证')).toEqual(expect.arrayContaining(queryTokens('居住证')));
  });

  it('property: every substring of a Han text is found by its query tokens', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'楼道漏水噪声扰民停车宠物垃圾'), minLength: 2, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const from = a % text.length;
          const to = from + 1 + (b % (text.length - from));
          const q = text.slice(from, to);
          expect(searchTokens(text)).toEqual(expect.arrayContaining(queryTokens(q)));
        },
      ),
    );
  });

  it('quotes lexemes so hostile input cannot change the query', () => {
    expect(tsQueryOf(["a'b", 'c\\d', '漏水'])).toBe("'a''b' & 'c\\\\d' & '漏水'");
    expect(queryTokens("'); DROP TABLE x; --")).toEqual(['drop', 'table', 'x']);
  });

  it('scores similar complaints above unrelated ones', () => {
    const base = '3号楼楼道漏水，天花板一直滴水';
    expect(textSimilarity(base, '三号楼楼道天花板漏水滴水')).toBeGreaterThan(
      textSimilarity(base, '小区门口有人占道经营'),
    );
    expect(textSimilarity(base, base)).toBe(1);
    expect(textSimilarity('', base)).toBe(0);
  });
});
