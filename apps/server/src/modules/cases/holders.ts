/**
 * Who holds a case now, and who supervises them: the people an SLA warning, an urge or a new task goes to.
 *   courtyard   grid workers and micro-grid volunteers of the place   → the community secretary
 *   community   the committee                                        → the street dispatchers
 *   street      the street dispatchers                               → the district admins
 *   department  staff of the departments with open assignments       → the street dispatchers
 */
import { cases, type Role } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import { usersWithRoleOver } from '../notifications/service.ts';

const COMMITTEE: Role[] = ['community_secretary', 'committee_member'];
const STREET: Role[] = ['street_dispatcher'];

async function departmentStaff(tx: Db, s: cases.CaseState, departmentIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const d of departmentIds)
    for (const u of await usersWithRoleOver(tx, ['department_staff'], s.streetPath, d)) out.add(u);
  return [...out];
}

export async function holdersOf(tx: Db, s: cases.CaseState): Promise<string[]> {
  const status = s.status === 'parked' && s.parked ? s.parked.from : s.status;
  if (status === 'dispatched') {
    const open = s.assignments.filter((a) => cases.ACTIVE_ASSIGNMENT.includes(a.status)).map((a) => a.departmentId);
    return departmentStaff(tx, s, open);
  }
  if (['escalated', 'registered', 'checking'].includes(status) || s.level === 'department' || s.level === 'street')
    return usersWithRoleOver(tx, STREET, s.streetPath);
  if (s.level === 'courtyard') {
    const local = await usersWithRoleOver(tx, ['grid_worker', 'microgrid_volunteer'], s.path);
    return local.length > 0 ? local : usersWithRoleOver(tx, COMMITTEE, s.communityPath);
  }
  return usersWithRoleOver(tx, COMMITTEE, s.communityPath);
}

export async function supervisorsOf(tx: Db, s: cases.CaseState): Promise<string[]> {
  if (s.level === 'courtyard') return usersWithRoleOver(tx, ['community_secretary'], s.communityPath);
  if (s.level === 'community' || s.level === 'department') return usersWithRoleOver(tx, STREET, s.streetPath);
  return usersWithRoleOver(tx, ['district_admin'], s.streetPath);
}

export const departmentStaffOf = departmentStaff;
