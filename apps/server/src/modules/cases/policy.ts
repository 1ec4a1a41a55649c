/**
 * Who sees a case, and how much (pure; the state machine decides who may act).
 *   reporter                     full
 *   staff with case.read over it full (departments excepted: they see what was dispatched or summoned to them)
 *   department staff             full when one of their departments holds an assignment or a meeting invitation
 *   a neighbour (community.read) public view of a public case: personal data removed
 *   anyone else                  nothing (404)
 */
import { type Actor, can, type cases } from '@linli/contracts';
import type { LoadedGrant } from '../../platform/access/actor.ts';

export type CaseView = 'full' | 'public';

export const departmentIdsOf = (grants: readonly LoadedGrant[]): string[] => [
  ...new Set(grants.filter((g) => g.role === 'department_staff' && g.departmentId).map((g) => g.departmentId!)),
];

/** The state machine's view of the caller. */
export const caseActorOf = (userId: string, grants: readonly LoadedGrant[]): cases.CaseActor => ({
  userId,
  grants,
  departmentIds: departmentIdsOf(grants),
});

/** Departments involved in a case: assignments (any status) and meeting invitations. */
export const involvedDepartments = (s: cases.CaseState): Set<string> =>
  new Set([
    ...s.assignments.map((a) => a.departmentId),
    ...s.meetings.flatMap((m) => m.invitees.map((i) => i.departmentId)),
  ]);

/** Staff other than departments read every case in their subtree. */
export const staffSees = (userId: string, grants: readonly LoadedGrant[], path: string): boolean =>
  can({ userId, grants: grants.filter((g) => g.role !== 'department_staff') }, 'case.read', { path });

export function viewOf(
  actor: Actor | null,
  grants: readonly LoadedGrant[],
  s: cases.CaseState,
  isPublic: boolean,
): CaseView | null {
  if (!actor) return null;
  if (s.reporterIds.includes(actor.userId)) return 'full';
  if (staffSees(actor.userId, grants, s.path)) return 'full';
  const involved = involvedDepartments(s);
  if (departmentIdsOf(grants).some((d) => involved.has(d)) && can(actor, 'case.read', { path: s.path })) return 'full';
  if (isPublic && !['cancelled', 'merged'].includes(s.status) && can(actor, 'community.read', { path: s.path }))
    return 'public';
  return null;
}
