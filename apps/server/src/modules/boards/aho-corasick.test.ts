import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, WordMatcher } from './aho-corasick.ts';

/** The obvious reference: every word that is a substring of the normalised text. */
const naive = (words: string[], text: string) => {
  const t = normalise(text);
  return [...new Set(words.map(normalise).filter((w) => w && t.includes(w)))];
};

describe('sensitive-word matching (Aho-Corasick)', () => {
  it('finds overlapping and nested words in one pass', () => {
    const m = new WordMatcher(['he', 'she', 'his', 'hers']);
    expect(m.find('ushers')).toEqual(['he', 'she', 'hers']);
    const zh = new WordMatcher(['赌博', '博彩', '六合彩', '彩票']);
    expect(zh.find('网上赌博彩票')).toEqual(['赌博', '博彩', '彩票']);
    expect(zh.find('社区活动通知')).toEqual([]);
  });

  it('sees through spaces, punctuation, full-width letters and case', () => {
    const m = new WordMatcher(['赌博', 'abc']);
    expect(m.find('一起 赌·博 吗')).toEqual(['赌博']);
    expect(m.find('ＡＢＣ')).toEqual(['abc']);
    expect(m.find('A-b-C')).toEqual(['abc']);
  });

  it('ignores empty words and matches nothing with an empty list', () => {
    expect(new WordMatcher([]).find('任何内容')).toEqual([]);
    expect(new WordMatcher(['', ' ', '。']).find('任何内容')).toEqual([]);
  });

  it('agrees with a naive substring search on random word lists and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '赌', '博', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(alphabet, { maxLength: 60 }), (words, chars) => {
        const text = chars.join('');
        const got = new WordMatcher(words).find(text);
        expect(new Set(got)).toEqual(new Set(naive(words, text)));
      }),
      { numRuns: 500 },
    );
  });
});
