import { describe, expect, it } from 'vitest';
import { type Reach, splitReach } from './reach.ts';

describe('splitting a reach for counts side by side', () => {
  const reach: Reach = {
    whole: Array.from({ length: 301 }, (_, i) => String(1000 + i)),
    partial: [{ communityId: '9', path: '/1/2/9/90/' }],
  };

  it('keeps a small reach whole', () => {
    expect(splitReach(reach, 400)).toEqual([reach]);
  });

  it('covers every community exactly once, the partial ones in the first part only', () => {
    const parts = splitReach(reach, 150);
    expect(parts.map((p) => p.whole.length)).toEqual([150, 150, 1]);
    expect(parts.flatMap((p) => p.whole)).toEqual(reach.whole);
    expect(parts.map((p) => p.partial.length)).toEqual([1, 0, 0]);
  });
});
