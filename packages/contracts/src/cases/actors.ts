/**
 * Who may act on a case. Case actions are not (yet) entries of the global ACTIONS matrix: the state
 * machine decides from the case's paths and the actor's grants, with the same subtree rule as `can()`
 * (`isWithin`, and `scopePaths` replacing a grant's own node for departments).
 *
 *   courtyard handlers   grid_worker or microgrid_volunteer whose grant covers the case's place, and the committee
 *   community handlers   community_secretary / committee_member covering the community, and the grid worker
 *                        covering the place (sign for, resolve — but only the committee escalates to the street,
 *                        parks, summons and merges)
 *   street               street_dispatcher / street_staff covering the street
 *   department           department_staff whose grant covers the street, for the departments in `departmentIds`
 *   urgers               the street, and district_admin / inspector covering the place
 *   reporter             a user in `reporterIds`
 */
import { type Grant, isWithin } from '../access/can.ts';
import type { Role } from '../roles.ts';
import type { CaseState } from './states.ts';

export interface CaseActor {
  userId: string;
  grants: readonly Grant[];
  /** The departments the user works for (department_staff only). */
  departmentIds?: readonly string[];
}

const coversPath = (grant: Grant, path: string): boolean => {
  const scopes = grant.scopePaths && grant.scopePaths.length > 0 ? grant.scopePaths : [grant.path];
  return scopes.some((s) => isWithin(path, s));
};

/** The first of the actor's roles among `roles` granted over `path`, or null. */
export function roleOver(actor: CaseActor, roles: readonly Role[], path: string): Role | null {
  for (const g of actor.grants) if (roles.includes(g.role) && coversPath(g, path)) return g.role;
  return null;
}

const COMMITTEE: readonly Role[] = ['community_secretary', 'committee_member'];
const STREET: readonly Role[] = ['street_dispatcher', 'street_staff'];

export const committeeRole = (a: CaseActor, s: CaseState): Role | null => roleOver(a, COMMITTEE, s.communityPath);

export const streetRole = (a: CaseActor, s: CaseState): Role | null => roleOver(a, STREET, s.streetPath);

export const courtyardRole = (a: CaseActor, s: CaseState): Role | null =>
  roleOver(a, ['grid_worker', 'microgrid_volunteer'], s.path) ?? committeeRole(a, s);

export const communityRole = (a: CaseActor, s: CaseState): Role | null =>
  committeeRole(a, s) ?? roleOver(a, ['grid_worker'], s.path);

/** The handler role for the tier the case is at (courtyard or community). */
export const localRole = (a: CaseActor, s: CaseState): Role | null =>
  s.level === 'courtyard' ? courtyardRole(a, s) : communityRole(a, s);

export const tierRole = (a: CaseActor, s: CaseState, tier: 'community' | 'street'): Role | null =>
  tier === 'community' ? committeeRole(a, s) : streetRole(a, s);

export const urgerRole = (a: CaseActor, s: CaseState): Role | null =>
  streetRole(a, s) ?? roleOver(a, ['district_admin', 'inspector'], s.path);

/** The actor works for `departmentId` and holds a department grant serving the case's street. */
export const departmentRole = (a: CaseActor, s: CaseState, departmentId: string): Role | null =>
  a.departmentIds?.includes(departmentId) ? roleOver(a, ['department_staff'], s.streetPath) : null;

export const isReporter = (a: CaseActor, s: CaseState): boolean => s.reporterIds.includes(a.userId);
