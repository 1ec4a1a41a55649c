/** Roles are granted at an org node and cover its subtree (see docs/adr/0003-authorization.md). */
export const ROLES = [
  'resident',
  'party_member',
  'hometown_member',
  'microgrid_volunteer',
  'grid_worker',
  'committee_member',
  'community_secretary',
  'street_staff',
  'street_dispatcher',
  'department_staff',
  'service_provider',
  'district_admin',
  'observer',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work for the administration; they get the short staff idle timeout (MLPS level 3). */
export const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>([
  'grid_worker',
  'committee_member',
  'community_secretary',
  'street_staff',
  'street_dispatcher',
  'department_staff',
  'district_admin',
  'observer',
  'inspector',
]);

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.has(role);

/**
 * Which roles a holder of a role may grant (always at a node inside their own subtree).
 * Nobody grants a role above their own level; the district admin grants everything.
 */
export const GRANTABLE: Readonly<Record<Role, readonly Role[]>> = {
  district_admin: ROLES,
  street_staff: [
    'resident',
    'street_dispatcher',
    'community_secretary',
    'committee_member',
    'grid_worker',
    'microgrid_volunteer',
    'party_member',
    'hometown_member',
    'service_provider',
    'observer',
  ],
  // The secretary may also grant (and so revoke) the resident role: someone moves out, or a household is
  // registered in person at the committee office.
  community_secretary: [
    'resident',
    'committee_member',
    'grid_worker',
    'microgrid_volunteer',
    'party_member',
    'hometown_member',
    'service_provider',
  ],
  committee_member: [],
  street_dispatcher: [],
  grid_worker: [],
  microgrid_volunteer: [],
  party_member: [],
  hometown_member: [],
  resident: [],
  department_staff: [],
  service_provider: [],
  observer: [],
  inspector: [],
};

/** The org-node types at which each role may be granted. */
export const ROLE_NODE_TYPES: Readonly<Record<Role, readonly string[]>> = {
  resident: ['community', 'grid', 'building', 'unit', 'room'],
  party_member: ['community'],
  hometown_member: ['community'],
  microgrid_volunteer: ['grid', 'building'],
  grid_worker: ['grid'],
  committee_member: ['community'],
  community_secretary: ['community'],
  street_staff: ['street'],
  street_dispatcher: ['street'],
  department_staff: ['district'],
  service_provider: ['community'],
  district_admin: ['district'],
  observer: ['district', 'street', 'community'],
  inspector: ['district', 'street'],
};
