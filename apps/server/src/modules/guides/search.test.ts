import { describe, expect, it } from 'vitest';
import { guideQuery, initialsOf } from './search.ts';

describe('guide search helpers', () => {
  it('takes pinyin initials of a title, ignoring punctuation and digits', () => {
    expect(initialsOf('怎么办居住证')).toBe('zmbjzz');
    expect(initialsOf('新生儿医保登记(2026 版)')).toBe('xseybdj2026b');
  });

  it('treats plain Latin letters as initials, Chinese as tokens', () => {
    expect(guideQuery('JZZ')).toEqual({ tokens: ['jzz'], initials: 'jzz' });
    expect(guideQuery('居住证')).toEqual({ tokens: ['居住', '住证'], initials: null });
  });
});
