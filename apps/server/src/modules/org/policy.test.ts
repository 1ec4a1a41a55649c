import type { Actor } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { canCreateUnder, canModify } from './policy.ts';

const actor = (...grants: [string, string][]): Actor => ({
  userId: 'u',
  grants: grants.map(([role, path]) => ({ role: role as never, nodeId: path.split('/').at(-2)!, path })),
});

describe('org tree management', () => {
  const secretary = actor(['community_secretary', '/1/2/3/']);

  it('lets a cadre add nodes at and below their own node, nowhere else', () => {
    expect(canCreateUnder(secretary, '/1/2/3/')).toBe(true);
    expect(canCreateUnder(secretary, '/1/2/3/40/')).toBe(true);
    expect(canCreateUnder(secretary, '/1/2/')).toBe(false);
    expect(canCreateUnder(secretary, '/1/2/30/')).toBe(false);
  });

  it('lets them rename or delete only what is strictly below their node', () => {
    expect(canModify(secretary, '/1/2/3/')).toBe(false);
    expect(canModify(secretary, '/1/2/3/40/')).toBe(true);
    expect(canModify(secretary, '/1/2/33/')).toBe(false);
    // A higher grant covers a lower one's node.
    expect(canModify(actor(['community_secretary', '/1/2/3/'], ['street_staff', '/1/2/']), '/1/2/3/')).toBe(true);
  });

  it('gives read-only roles no management at all', () => {
    const observer = actor(['observer', '/1/']);
    expect(canCreateUnder(observer, '/1/2/')).toBe(false);
    expect(canModify(observer, '/1/2/')).toBe(false);
    expect(canModify(null, '/1/2/')).toBe(false);
  });
});
