/**
 * The case (诉求/工单/案件) workflow as one pure state machine, shared by the server and the web app.
 *
 * Statuses (who holds the case in brackets):
 *   submitted   reported, waiting to be signed for (签收)                      [courtyard/community handlers]
 *   accepted    signed for and being handled at courtyard or community level   [same]
 *   escalated   上报 to the street, waiting to be registered (立案)            [street]
 *   registered  立案, waiting to be dispatched (派遣) or redispatched           [street]
 *   dispatched  at least one department assignment is open                    [departments; street may add more]
 *   checking    every open assignment was handled, the street checks (核查)   [street]
 *   resolved    solved (community resolve or check passed), waiting for the reporter to confirm and rate
 *   closed      rated (or closed by the holder after the rating window); the reporter may reopen within 7 days
 *   parked      挂账: cannot be solved for now, reviewed on `parked.reviewAt`; unpark returns to `parked.from`
 *   merged      a duplicate merged into `mergedInto`; its reporters follow the target      (terminal)
 *   cancelled   withdrawn by the reporter before anyone signed for it                     (terminal)
 *
 * `level` is the tier that handles the case (小事不出院落,中事不出社区,大事不出街道): courtyard → community
 * (escalate) → street (escalate) → department (dispatch). The street may send a case back to the community.
 *
 * Side tracks that never change the status: urging (督办, normal/yellow/red), joint on-site meetings
 * (吹哨/约请: summon, each invited department confirms or declines, minutes and agreed actions are recorded,
 * or the meeting is cancelled), and absorbing the reporters of a merged duplicate.
 *
 * Every successful command increments `version` and appends exactly one timeline entry (actor, role, time,
 * note, attachment ids, details); the entry created with the case has version 1, so
 * `version === timeline.length`. The server stores the state and compares `expectedVersion` (409 on mismatch).
 * Times are ISO-8601 strings so the state is plain JSON; the clock is passed in (`now`).
 */
import type { Role } from '../roles.ts';

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'escalated',
  'registered',
  'dispatched',
  'checking',
  'resolved',
  'closed',
  'parked',
  'merged',
  'cancelled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_LEVELS = ['courtyard', 'community', 'street', 'department'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

/** Statuses in which the case is being worked on (urging is possible, it counts towards time limits). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'accepted',
  'escalated',
  'registered',
  'dispatched',
  'checking',
];
/** Statuses after which nothing but history remains. `closed` is not final: rate by co-reporters, reopen. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['merged', 'cancelled'];

/** Days after closing in which a reporter may reopen; also how long the holder waits for a rating. */
export const REOPEN_WINDOW_DAYS = 7;
export const RATING_WINDOW_DAYS = 7;
export const MAX_ATTACHMENTS = 9;
export const DAY_MS = 24 * 60 * 60 * 1000;

export const ASSIGNMENT_STATUSES = ['dispatched', 'accepted', 'returned', 'handled', 'rework', 'done'] as const;
/**
 * dispatched → accepted | returned (回退, with a reason); accepted → handled (处置 + report back) | returned;
 * handled → done (check passed) | rework (check failed, back to the department); rework → handled.
 * A returned department may be dispatched again; reopening a case turns done assignments into rework.
 */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ACTIVE_ASSIGNMENT: readonly AssignmentStatus[] = ['dispatched', 'accepted', 'rework'];

export interface Assignment {
  departmentId: string;
  status: AssignmentStatus;
  deadline: string;
  dispatchedAt: string;
  /** The reason of the last return, or of the last failed check. */
  reason: string | null;
}

export const URGE_LEVELS = ['normal', 'yellow', 'red'] as const;
export type UrgeLevel = (typeof URGE_LEVELS)[number];

export interface Urge {
  level: UrgeLevel;
  by: string;
  at: string;
  departmentId: string | null;
}

export interface ParkedInfo {
  from: CaseStatus;
  /** Which tier parked it; the same tier unparks it. */
  tier: 'community' | 'street';
  reviewAt: string;
  reason: string;
}

export type Attendance = 'pending' | 'confirmed' | 'declined';

export interface Meeting {
  /** 1-based number of the meeting on this case. */
  no: number;
  tier: 'community' | 'street';
  status: 'called' | 'held' | 'cancelled';
  at: string;
  place: string;
  calledBy: string;
  invitees: { departmentId: string; attendance: Attendance }[];
  minutes: string | null;
  agreedActions: string[];
}

export interface Rating {
  by: string;
  score: number;
  comment: string;
  at: string;
  /** `reopenCount` when given: a reopened case is rated again. */
  round: number;
}

/** Who acted: a contracts role, or `reporter` for the reporter's own commands. */
export type ActingRole = Role | 'reporter' | 'system';

export interface TimelineEntry {
  version: number;
  type: string;
  actorId: string;
  role: ActingRole;
  at: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note: string;
  attachments: string[];
  /** Command details (departments and deadlines, score, urge level, meeting time and place …). */
  data: Record<string, unknown>;
}

export interface CaseState {
  id: string;
  status: CaseStatus;
  level: CaseLevel;
  /** Where the problem is (a building, room, grid or the community itself). */
  path: string;
  communityPath: string;
  streetPath: string;
  reporterIds: string[];
  assignments: Assignment[];
  parked: ParkedInfo | null;
  meetings: Meeting[];
  urges: Urge[];
  ratings: Rating[];
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  mergedInto: string | null;
  mergedFrom: string[];
  version: number;
  timeline: TimelineEntry[];
}

export interface NewCase {
  id: string;
  path: string;
  communityPath: string;
  streetPath: string;
  /** Account holders who reported it; empty for a QR report without an account or a hotline order. */
  reporterIds: string[];
  /** The category's default handling level; `street` for orders that arrive at the street (12345). */
  level: 'courtyard' | 'community' | 'street';
  createdBy: string;
  role?: ActingRole;
  note?: string;
  attachments?: string[];
  source?: string;
}

/** A fresh case, version 1, with its `created` timeline entry. */
export function createCase(input: NewCase, now: Date): CaseState {
  const status: CaseStatus = input.level === 'street' ? 'escalated' : 'submitted';
  return {
    id: input.id,
    status,
    level: input.level,
    path: input.path,
    communityPath: input.communityPath,
    streetPath: input.streetPath,
    reporterIds: [...new Set(input.reporterIds)],
    assignments: [],
    parked: null,
    meetings: [],
    urges: [],
    ratings: [],
    acceptedAt: input.level === 'street' ? now.toISOString() : null,
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    mergedInto: null,
    mergedFrom: [],
    version: 1,
    timeline: [
      {
        version: 1,
        type: 'created',
        actorId: input.createdBy,
        role: input.role ?? (input.reporterIds.includes(input.createdBy) ? 'reporter' : 'system'),
        at: now.toISOString(),
        fromStatus: null,
        toStatus: status,
        note: input.note ?? '',
        attachments: [...(input.attachments ?? [])],
        data: input.source ? { source: input.source, level: input.level } : { level: input.level },
      },
    ],
  };
}
