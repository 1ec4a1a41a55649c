/** The org tree: district → street/town → community/village → grid → building/courtyard → unit → room. */
export const ORG_NODE_TYPES = ['district', 'street', 'community', 'grid', 'building', 'unit', 'room'] as const;
export type OrgNodeType = (typeof ORG_NODE_TYPES)[number];

/** Street kinds follow the statistical code (001–099 street, 100–199 town, 200–399 township). */
export const STREET_KINDS = ['street', 'town', 'township'] as const;
/** Communities are residents' committees (居委会) or villagers' committees (村委会). */
export const COMMUNITY_KINDS = ['residential', 'village'] as const;
/** Buildings may be a tower block or a courtyard (院落); villages use groups (村民小组). */
export const BUILDING_KINDS = ['building', 'courtyard'] as const;

export const CHILD_TYPES: Readonly<Record<OrgNodeType, readonly OrgNodeType[]>> = {
  district: ['street'],
  street: ['community'],
  community: ['grid'],
  grid: ['building'],
  building: ['unit', 'room'],
  unit: ['room'],
  room: [],
};

export const canContain = (parent: OrgNodeType, child: OrgNodeType): boolean => CHILD_TYPES[parent].includes(child);

/** Node types whose address a resident picks when joining. */
export const ADDRESS_TYPES: readonly OrgNodeType[] = ['building', 'unit', 'room'];
