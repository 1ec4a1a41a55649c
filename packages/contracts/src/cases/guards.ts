/**
 * One guard decides, from the state, the actor and the clock alone, whether a command may run and under
 * which role. `allowedCommands` and `apply` both use it, so the buttons the UI shows are exactly the
 * commands that `apply` accepts (input validation aside).
 */
import type { Role } from '../roles.ts';
import {
  type CaseActor,
  committeeRole,
  departmentRole,
  isReporter,
  localRole,
  streetRole,
  tierRole,
  urgerRole,
} from './actors.ts';
import { CASE_COMMAND_TYPES, type CommandKey, type GuardCode, isDepartmentCommand } from './commands.ts';
import {
  type ActingRole,
  type AssignmentStatus,
  type CaseState,
  type CaseStatus,
  DAY_MS,
  type Meeting,
  OPEN_STATUSES,
  RATING_WINDOW_DAYS,
  REOPEN_WINDOW_DAYS,
} from './states.ts';

export type GuardResult = { ok: true; role: ActingRole } | { ok: false; code: GuardCode };

const deny = (code: GuardCode): GuardResult => ({ ok: false, code });
const ILLEGAL = deny('illegal_transition');
const who = (role: Role | null): GuardResult => (role ? { ok: true, role } : deny('forbidden'));
const is = (s: CaseState, ...statuses: CaseStatus[]): boolean => statuses.includes(s.status);

/** The meeting that is called and not yet held or cancelled, if any. */
export const openMeeting = (s: CaseState): Meeting | undefined => s.meetings.find((m) => m.status === 'called');

export const hasRatedThisRound = (s: CaseState, userId: string): boolean =>
  s.ratings.some((r) => r.by === userId && r.round === s.reopenCount);

/** The committee for community-stage statuses, the street for street-stage ones. */
function stageRole(s: CaseState, a: CaseActor): GuardResult {
  if (is(s, 'accepted')) return who(committeeRole(a, s));
  if (is(s, 'registered', 'dispatched', 'checking')) return who(streetRole(a, s));
  return ILLEGAL;
}

function reporterGuard(s: CaseState, a: CaseActor): GuardResult {
  return isReporter(a, s) ? { ok: true, role: 'reporter' } : deny('not_reporter');
}

function departmentGuard(s: CaseState, key: CommandKey, a: CaseActor, from: AssignmentStatus[]): GuardResult {
  if (!is(s, 'dispatched')) return ILLEGAL;
  const role = key.departmentId === undefined ? null : departmentRole(a, s, key.departmentId);
  if (!role) return deny('forbidden');
  const assignment = s.assignments.find((x) => x.departmentId === key.departmentId);
  if (!assignment) return deny('department_not_assigned');
  return from.includes(assignment.status) ? { ok: true, role } : ILLEGAL;
}

function meetingGuard(s: CaseState, key: CommandKey, a: CaseActor): GuardResult {
  if (is(s, 'closed', 'merged', 'cancelled')) return ILLEGAL;
  const meeting = openMeeting(s);
  if (!meeting) return ILLEGAL;
  if (key.type !== 'confirmAttendance') return who(tierRole(a, s, meeting.tier));
  const role = key.departmentId === undefined ? null : departmentRole(a, s, key.departmentId);
  if (!role) return deny('forbidden');
  return meeting.invitees.some((i) => i.departmentId === key.departmentId) ? { ok: true, role } : deny('not_invited');
}

export function guard(s: CaseState, key: CommandKey, a: CaseActor, now: Date): GuardResult {
  switch (key.type) {
    case 'accept':
      return is(s, 'submitted') ? who(localRole(a, s)) : ILLEGAL;
    case 'resolve':
      return is(s, 'accepted') ? who(localRole(a, s)) : ILLEGAL;
    case 'escalate':
      if (!is(s, 'submitted', 'accepted')) return ILLEGAL;
      return who(s.level === 'courtyard' ? localRole(a, s) : committeeRole(a, s));
    case 'cancel':
      return is(s, 'submitted') ? reporterGuard(s, a) : ILLEGAL;
    case 'sendBack':
      return is(s, 'escalated', 'registered') ? who(streetRole(a, s)) : ILLEGAL;
    case 'register':
      return is(s, 'escalated') ? who(streetRole(a, s)) : ILLEGAL;
    case 'dispatch':
      return is(s, 'registered', 'dispatched', 'checking') ? who(streetRole(a, s)) : ILLEGAL;
    case 'acceptAssignment':
      return departmentGuard(s, key, a, ['dispatched']);
    case 'returnAssignment':
      return departmentGuard(s, key, a, ['dispatched', 'accepted']);
    case 'handle':
      return departmentGuard(s, key, a, ['accepted', 'rework']);
    case 'check':
      return is(s, 'checking') ? who(streetRole(a, s)) : ILLEGAL;
    case 'rate': {
      if (!is(s, 'resolved', 'closed')) return ILLEGAL;
      const r = reporterGuard(s, a);
      return r.ok && hasRatedThisRound(s, a.userId) ? deny('already_rated') : r;
    }
    case 'reopen': {
      if (!is(s, 'closed')) return ILLEGAL;
      const r = reporterGuard(s, a);
      if (!r.ok) return r;
      const closedAt = Date.parse(s.closedAt ?? '');
      return now.getTime() - closedAt > REOPEN_WINDOW_DAYS * DAY_MS ? deny('reopen_window_passed') : r;
    }
    case 'close': {
      if (!is(s, 'resolved')) return ILLEGAL;
      const r = who(s.level === 'courtyard' || s.level === 'community' ? localRole(a, s) : streetRole(a, s));
      if (!r.ok) return r;
      const waited = now.getTime() - Date.parse(s.resolvedAt ?? '') >= RATING_WINDOW_DAYS * DAY_MS;
      return s.reporterIds.length > 0 && !waited ? deny('rating_pending') : r;
    }
    case 'urge':
      return OPEN_STATUSES.includes(s.status) ? who(urgerRole(a, s)) : ILLEGAL;
    case 'park':
      return stageRole(s, a);
    case 'unpark':
      return is(s, 'parked') && s.parked ? who(tierRole(a, s, s.parked.tier)) : ILLEGAL;
    case 'summon':
      return openMeeting(s) ? ILLEGAL : stageRole(s, a);
    case 'confirmAttendance':
    case 'recordMeeting':
    case 'cancelMeeting':
      return meetingGuard(s, key, a);
    case 'merge':
      if (is(s, 'submitted', 'accepted')) return who(committeeRole(a, s));
      return is(s, 'escalated', 'registered') ? who(streetRole(a, s)) : ILLEGAL;
    case 'absorb':
      if (!OPEN_STATUSES.includes(s.status) && !is(s, 'parked')) return ILLEGAL;
      return who(committeeRole(a, s) ?? streetRole(a, s));
    default:
      return ILLEGAL; // an unknown command type from an unchecked caller
  }
}

/** Exactly the commands the actor may run now: department commands once per department of the actor. */
export function allowedCommands(s: CaseState, a: CaseActor, now: Date): CommandKey[] {
  const out: CommandKey[] = [];
  for (const type of CASE_COMMAND_TYPES) {
    if (isDepartmentCommand(type)) {
      for (const departmentId of new Set(a.departmentIds ?? []))
        if (guard(s, { type, departmentId }, a, now).ok) out.push({ type, departmentId });
    } else if (guard(s, { type }, a, now).ok) out.push({ type });
  }
  return out;
}

export const isAllowed = (s: CaseState, key: CommandKey, a: CaseActor, now: Date): boolean => guard(s, key, a, now).ok;
