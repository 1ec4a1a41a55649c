import { makeIdNumber } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { likeEscape, parseQuery } from './search.ts';

describe('reading the search box', () => {
  it('tells ID numbers, phones, tails, initials and text apart', () => {
    const id = makeIdNumber('310199', '19450312', 123);
    expect(parseQuery(` ${id.toLowerCase()} `)).toEqual({ kind: 'id', id });
    expect(parseQuery('13800000005')).toEqual({ kind: 'phone', phone: '13800000005' });
    expect(parseQuery('0005')).toEqual({ kind: 'tail', tail: '0005' });
    expect(parseQuery('123x')).toEqual({ kind: 'tail', tail: '123X' });
    expect(parseQuery('ZQ')).toEqual({ kind: 'initials', initials: 'zq' });
    expect(parseQuery('银杏 1号楼')).toEqual({ kind: 'text', text: '银杏 1号楼' });
    expect(parseQuery('   ')).toBeNull();
  });
  it('an 18-digit string with a wrong check character is not an ID search', () => {
    const id = makeIdNumber('310199', '19450312', 123);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(parseQuery(wrong)?.kind).toBe('text');
  });
  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
