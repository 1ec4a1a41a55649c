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
  'case.report',
  'case.read',
  'case.import',
  'case.rates',
  'case.link.manage',
  'notice.publish',
  'board.moderate',
  'guide.manage',
  'registry.contact',
  'registry.edit',
  'registry.stats',
  // Spreadsheet exports of people: requested by their readers, decided by a higher role (ADR 0009).
  'registry.export',
  'registry.export.approve',
  'tag.manage',
  'policy.manage',
  'outreach.work',
  'platform.manage',
  'deliberation.propose',
  'deliberation.screen',
  'deliberation.manage',
  'deliberation.observe',
  'party.review',
  'hometown.review',
  'hometown.read',
  'vote.manage',
  'vote.cast',
  // Data collection forms (docs/adr/0015-data-collection-forms.md).
  'form.design',
  'form.fill',
  'form.oversee',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches for an action: `subtree` is the grant node and everything below it;
 * `community` widens a grant made at a room or building to its whole community (a resident reads
 * their community's home but is granted at their room).
 */
export type Reach = 'subtree' | 'community';

type Matrix = Readonly<Record<Role, Readonly<Partial<Record<Action, Reach>>>>>;

/**
 * Resident registry (docs/adr/0009-registry.md): full records (`person.read`) for grid workers and the
 * committee; name, room and phone only (`registry.contact`) for micro-grid volunteers; aggregates
 * (`registry.stats`) for streets and observers.
 */
const REGISTRY_LOCAL = {
  'registry.contact': 'subtree',
  'registry.edit': 'subtree',
  'registry.stats': 'subtree',
  'outreach.work': 'subtree',
  'registry.export': 'subtree',
} as const;

const COMMITTEE = {
  'community.read': 'subtree',
  'org.read': 'subtree',
  'org.manage': 'subtree',
  'join.review': 'subtree',
  'join.link.manage': 'subtree',
  'person.read': 'subtree',
  'person.reveal_id': 'subtree',
  'grant.read': 'subtree',
  'case.report': 'subtree',
  'case.read': 'subtree',
  'case.rates': 'subtree',
  'case.link.manage': 'subtree',
  'notice.publish': 'subtree',
  'board.moderate': 'subtree',
  'guide.manage': 'subtree',
  // The community party organisation approves check-ins; the (village) committee approves hometown members.
  'party.review': 'subtree',
  'hometown.review': 'subtree',
  ...REGISTRY_LOCAL,
  'policy.manage': 'subtree',
  // Votes of the deliberation hall (docs/adr/0012-votes.md): the committee drafts, opens and closes them.
  'vote.manage': 'subtree',
  // Data collection forms (docs/adr/0015-data-collection-forms.md): the committee fills its community's tasks.
  'form.fill': 'subtree',
} as const;

/**
 * Deliberation hall (docs/adr/0011-deliberation.md): residents of the community propose; the committee
 * (secretary, committee members) screens and runs the chain; streets, the district and observers supervise.
 */
const DELIB_RESIDENT = { 'deliberation.propose': 'community' } as const;
const DELIB_COMMITTEE = {
  'deliberation.propose': 'subtree',
  'deliberation.screen': 'subtree',
  'deliberation.manage': 'subtree',
  'deliberation.observe': 'subtree',
} as const;

/** Street roles: the grid centre (网格中心) registers, dispatches and checks cases and imports 12345 orders. */
const STREET_CASES = {
  'case.report': 'subtree',
  'case.read': 'subtree',
  'case.import': 'subtree',
  'case.rates': 'subtree',
} as const;

export const PERMISSIONS: Matrix = {
  resident: { 'community.read': 'community', 'case.report': 'community', ...DELIB_RESIDENT, 'vote.cast': 'community' },
  party_member: {
    'community.read': 'community',
    'case.report': 'community',
    ...DELIB_RESIDENT,
    'vote.cast': 'community',
  },
  // 乡愁乡音: villagers who moved away read their village's hometown board and affairs made public, nothing else.
  hometown_member: { 'hometown.read': 'subtree' },
  microgrid_volunteer: {
    'community.read': 'community',
    'org.read': 'subtree',
    'case.report': 'subtree',
    'case.read': 'subtree',
    'registry.contact': 'subtree',
  },
  grid_worker: {
    'community.read': 'community',
    'org.read': 'community',
    'person.read': 'subtree',
    'case.report': 'subtree',
    'case.read': 'subtree',
    'case.link.manage': 'subtree',
    'notice.publish': 'subtree',
    ...REGISTRY_LOCAL,
    'form.fill': 'subtree',
  },
  committee_member: { ...COMMITTEE, ...DELIB_COMMITTEE },
  community_secretary: {
    ...COMMITTEE,
    ...DELIB_COMMITTEE,
    'grant.manage': 'subtree',
    'registry.export.approve': 'subtree',
  },
  street_staff: {
    'community.read': 'subtree',
    'org.read': 'subtree',
    'org.manage': 'subtree',
    'grant.read': 'subtree',
    'grant.manage': 'subtree',
    'notice.publish': 'subtree',
    ...STREET_CASES,
    'registry.stats': 'subtree',
    'policy.manage': 'subtree',
    'deliberation.observe': 'subtree',
    'form.design': 'subtree',
    'registry.export.approve': 'subtree',
  },
  street_dispatcher: {
    'community.read': 'subtree',
    'org.read': 'subtree',
    ...STREET_CASES,
    'registry.stats': 'subtree',
    'form.design': 'subtree',
  },
  // A department reaches the streets it serves; case listings narrow that to what was dispatched to it.
  department_staff: {
    'org.read': 'subtree',
    'case.read': 'subtree',
    'case.rates': 'subtree',
    'form.design': 'subtree',
  },
  service_provider: { 'community.read': 'subtree' },
  district_admin: {
    ...COMMITTEE,
    'grant.manage': 'subtree',
    'audit.read': 'subtree',
    'category.manage': 'subtree',
    'calendar.manage': 'subtree',
    ...STREET_CASES,
    'tag.manage': 'subtree',
    'registry.export.approve': 'subtree',
    // API tokens and webhooks for external systems (docs/adr/0010-open-platform.md).
    'platform.manage': 'subtree',
    // Like every committee power the district admin holds (board.moderate, notice.publish …).
    ...DELIB_COMMITTEE,
    'form.design': 'subtree',
    'form.oversee': 'subtree',
  },
  observer: {
    'deliberation.observe': 'subtree',
    'community.read': 'subtree',
    'org.read': 'subtree',
    'grant.read': 'subtree',
    'case.read': 'subtree',
    'case.rates': 'subtree',
    'registry.stats': 'subtree',
  },
  inspector: {
    'deliberation.observe': 'subtree',
    'community.read': 'subtree',
    'org.read': 'subtree',
    'grant.read': 'subtree',
    'audit.read': 'subtree',
    'case.read': 'subtree',
    'case.rates': 'subtree',
    'registry.stats': 'subtree',
  },
};

export const reachOf = (role: Role, action: Action): Reach | undefined => PERMISSIONS[role][action];
