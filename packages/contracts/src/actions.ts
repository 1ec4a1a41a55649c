import type { Role } from './roles.ts';

/** Every action a route may declare. Modules add theirs here so server and web share one list. */
export const ACTIONS = [
  'community.read',
  'org.read',
  'org.manage',
  'join.review',
  'join.link.manage',
  'person.read',
  'person.reveal_id',
  'grant.read',
  'grant.manage',
  'audit.read',
  'category.manage',
  'calendar.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches for an action: `subtree` is the grant node and everything below it;
 * `community` widens a grant made at a room or building to its whole community (a resident reads
 * their community's home but is granted at their room).
 */
export type Reach = 'subtree' | 'community';

type Matrix = Readonly<Record<Role, Readonly<Partial<Record<Action, Reach>>>>>;

const COMMITTEE = {
  'community.read': 'subtree',
  'org.read': 'subtree',
  'org.manage': 'subtree',
  'join.review': 'subtree',
  'join.link.manage': 'subtree',
  'person.read': 'subtree',
  'person.reveal_id': 'subtree',
  'grant.read': 'subtree',
} as const;

export const PERMISSIONS: Matrix = {
  resident: { 'community.read': 'community' },
  party_member: { 'community.read': 'community' },
  microgrid_volunteer: { 'community.read': 'community', 'org.read': 'subtree' },
  grid_worker: { 'community.read': 'community', 'org.read': 'community', 'person.read': 'subtree' },
  committee_member: COMMITTEE,
  community_secretary: { ...COMMITTEE, 'grant.manage': 'subtree' },
  street_staff: {
    'community.read': 'subtree',
    'org.read': 'subtree',
    'org.manage': 'subtree',
    'grant.read': 'subtree',
    'grant.manage': 'subtree',
  },
  street_dispatcher: { 'community.read': 'subtree', 'org.read': 'subtree' },
  department_staff: { 'org.read': 'subtree' },
  service_provider: { 'community.read': 'subtree' },
  district_admin: {
    ...COMMITTEE,
    'grant.manage': 'subtree',
    'audit.read': 'subtree',
    'category.manage': 'subtree',
    'calendar.manage': 'subtree',
  },
  observer: { 'community.read': 'subtree', 'org.read': 'subtree', 'grant.read': 'subtree' },
  inspector: { 'community.read': 'subtree', 'org.read': 'subtree', 'grant.read': 'subtree', 'audit.read': 'subtree' },
};

export const reachOf = (role: Role, action: Action): Reach | undefined => PERMISSIONS[role][action];
