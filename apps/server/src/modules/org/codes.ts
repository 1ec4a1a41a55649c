import { checkCommunityCode, checkGridCode, checkStreetCode, type OrgNodeType } from '@linli/contracts';

const KINDS: Partial<Record<OrgNodeType, readonly string[]>> = {
  street: ['street', 'town', 'township'],
  community: ['residential', 'village'],
  building: ['building', 'courtyard'],
};

export const defaultKind = (type: OrgNodeType): string | null => KINDS[type]?.[0] ?? null;
export const kindFits = (type: OrgNodeType, kind: string): boolean => KINDS[type]?.includes(kind) ?? false;

/** Checks an official code against the national rules and the parent's own code. */
export function codeProblem(
  type: OrgNodeType,
  kind: string | null,
  code: string,
  parentCode: string | null,
): string | null {
  switch (type) {
    case 'street':
      return checkStreetCode(code) ?? (parentCode && !code.startsWith(parentCode) ? 'parent_mismatch' : null);
    case 'community':
      return (
        checkCommunityCode(code, kind === 'village' ? 'village' : 'residential') ??
        (parentCode && !code.startsWith(parentCode) ? 'parent_mismatch' : null)
      );
    case 'grid':
      return checkGridCode(code, parentCode);
    default:
      // Buildings, units and rooms carry local numbers (楼号/单元/室号).
      return /^\d{1,12}$/.test(code) ? null : 'format';
  }
}
