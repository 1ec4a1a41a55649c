/**
 * Test support for the case state machine: a small org tree, one actor per kind of participant (of the
 * right and of the wrong community, street or department), and a clock.
 *
 *   /1/ district ── /1/2/ street A ── /1/2/4/ community C ── /1/2/4/6/ grid G ── /1/2/4/6/8/ building (the case)
 *                  │                │                     └─ /1/2/4/7/ grid H
 *                  │                └─ /1/2/5/ community D
 *                  └─ /1/3/ street B
 */
import type { Grant } from '../src/access/can.ts';
import { type CaseActor, type CaseState, createCase } from '../src/cases/index.ts';
import type { Role } from '../src/roles.ts';

export const PATHS = {
  district: '/1/',
  streetA: '/1/2/',
  streetB: '/1/3/',
  communityC: '/1/2/4/',
  communityD: '/1/2/5/',
  gridG: '/1/2/4/6/',
  gridH: '/1/2/4/7/',
  building: '/1/2/4/6/8/',
  room: '/1/2/4/6/8/9/',
} as const;

const grant = (role: Role, path: string, scopePaths?: string[]): Grant => ({
  role,
  nodeId: path.split('/').at(-2) ?? '0',
  path,
  communityPath: path.startsWith(PATHS.communityC) ? PATHS.communityC : null,
  scopePaths: scopePaths ?? null,
});
const actor = (userId: string, grants: Grant[], departmentIds?: string[]): CaseActor =>
  departmentIds ? { userId, grants, departmentIds } : { userId, grants };
const dept = (userId: string, departmentIds: string[], streets: string[] = [PATHS.streetA]) =>
  actor(userId, [grant('department_staff', PATHS.district, streets)], departmentIds);

export const A = {
  reporter: actor('rep', [grant('resident', PATHS.room)]),
  neighbour: actor('rep2', [grant('resident', PATHS.building)]),
  stranger: actor('stranger', [grant('resident', PATHS.communityD)]),
  secretary: actor('secC', [grant('community_secretary', PATHS.communityC)]),
  member: actor('memC', [grant('committee_member', PATHS.communityC)]),
  otherSecretary: actor('secD', [grant('community_secretary', PATHS.communityD)]),
  gridWorker: actor('gwG', [grant('grid_worker', PATHS.gridG)]),
  otherGridWorker: actor('gwH', [grant('grid_worker', PATHS.gridH)]),
  volunteer: actor('volB', [grant('microgrid_volunteer', PATHS.building)]),
  dispatcher: actor('dispA', [grant('street_dispatcher', PATHS.streetA)]),
  streetStaff: actor('staffA', [grant('street_staff', PATHS.streetA)]),
  otherDispatcher: actor('dispB', [grant('street_dispatcher', PATHS.streetB)]),
  d1: dept('d1-staff', ['d1']),
  d2: dept('d2-staff', ['d2']),
  d12: dept('d12-staff', ['d1', 'd2']),
  d4: dept('d4-staff', ['d4']),
  d3OtherStreet: dept('d3-staff', ['d3'], [PATHS.streetB]),
  d1WithoutGrant: actor('d1-nogrant', [grant('resident', PATHS.room)], ['d1']),
  districtAdmin: actor('admin', [grant('district_admin', PATHS.district)]),
  inspector: actor('insp', [grant('inspector', PATHS.streetA)]),
  observer: actor('obs', [grant('observer', PATHS.district)]),
} satisfies Record<string, CaseActor>;
export const ACTORS: readonly CaseActor[] = Object.values(A);
export const DEPARTMENTS = ['d1', 'd2', 'd3', 'd4'] as const;

export const T0 = new Date('2026-12-01T08:00:00.000Z');
export const HOUR = 60 * 60 * 1000;
export const later = (from: Date, hours: number): Date => new Date(from.getTime() + hours * HOUR);
export const iso = (from: Date, hours: number): string => later(from, hours).toISOString();

export function freshCase(level: 'courtyard' | 'community' | 'street' = 'community', id = 'case-1'): CaseState {
  return createCase(
    {
      id,
      path: PATHS.building,
      communityPath: PATHS.communityC,
      streetPath: PATHS.streetA,
      reporterIds: ['rep'],
      level,
      createdBy: 'rep',
      note: '院子里水管漏水',
      attachments: ['photo-1'],
      source: 'app',
    },
    T0,
  );
}

/** Freeze deeply, so a mutation of the input by `apply` throws. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
