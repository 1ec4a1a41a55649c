/**
 * Official codes. Statistical division code (12 digits): 6-digit county (GB/T 2260) + 3 street
 * (001–099 street, 100–199 town, 200–399 township) + 3 community (001–199 residents', 200–399 villagers').
 * Grid code (CJ/T 349-2010): the community's 12 digits + a 2-digit grid number.
 */
export type CodeProblem = 'format' | 'street_range' | 'community_range' | 'kind_mismatch' | 'parent_mismatch';

export function checkCommunityCode(code: string, kind: 'residential' | 'village'): CodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'format';
  const street = Number(code.slice(6, 9));
  const community = Number(code.slice(9, 12));
  if (street < 1 || street > 399) return 'street_range';
  if (community < 1 || community > 399) return 'community_range';
  const isVillage = community >= 200;
  if ((kind === 'village') !== isVillage) return 'kind_mismatch';
  return null;
}

export function checkStreetCode(code: string): CodeProblem | null {
  if (!/^\d{9}$/.test(code)) return 'format';
  const n = Number(code.slice(6, 9));
  return n >= 1 && n <= 399 ? null : 'street_range';
}

export const streetKindOfCode = (code: string): 'street' | 'town' | 'township' => {
  const n = Number(code.slice(6, 9));
  return n < 100 ? 'street' : n < 200 ? 'town' : 'township';
};

export function checkGridCode(code: string, communityCode?: string | null): CodeProblem | null {
  if (!/^\d{14}$/.test(code) || code.endsWith('00')) return 'format';
  if (communityCode && !code.startsWith(communityCode)) return 'parent_mismatch';
  return null;
}

export const checkDistrictCode = (code: string): CodeProblem | null => (/^\d{6}$/.test(code) ? null : 'format');
