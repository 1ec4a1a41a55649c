/**
 * Case commands and error codes. Every command may carry a `note` and attachment ids (photos, documents);
 * some require the note (a reason). Command names are also the timeline entry types.
 */
import type { UrgeLevel } from './states.ts';

interface Base {
  note?: string;
  attachments?: readonly string[];
}

export type CaseCommand =
  /** 签收: a courtyard/community handler signs for a submitted case. */
  | ({ type: 'accept' } & Base)
  /** The community (or courtyard) solved it; `note` says how. */
  | ({ type: 'resolve' } & Base)
  /** 上报 one tier up: courtyard → community, community → street; `note` is the reason. */
  | ({ type: 'escalate' } & Base)
  /** The reporter withdraws a case nobody has signed for. */
  | ({ type: 'cancel' } & Base)
  /** The street sends an escalated or registered case back to the community; `note` is the reason. */
  | ({ type: 'sendBack' } & Base)
  /** 立案 */
  | ({ type: 'register' } & Base)
  /** 派遣 to one or more departments, each with a deadline; also redispatch after a return. */
  | ({ type: 'dispatch'; assignments: readonly { departmentId: string; deadline: string }[] } & Base)
  | ({ type: 'acceptAssignment'; departmentId: string } & Base)
  /** 回退 with a reason in `note`. */
  | ({ type: 'returnAssignment'; departmentId: string } & Base)
  /** 处置 and report back (反馈), with photos as attachments and what was done in `note`. */
  | ({ type: 'handle'; departmentId: string } & Base)
  /** 核查: pass → resolved; fail (reason in `note`) → the named (default: all handled) departments rework. */
  | ({ type: 'check'; passed: boolean; departmentIds?: readonly string[] } & Base)
  | ({ type: 'rate'; score: number; comment?: string } & Base)
  /** The reporter is not satisfied: back to the last handler within 7 days of closing. */
  | ({ type: 'reopen' } & Base)
  /** 结案 without a rating: the reporter did not rate within the rating window, or has no account. */
  | ({ type: 'close' } & Base)
  /** 督办 */
  | ({ type: 'urge'; level: UrgeLevel; departmentId?: string } & Base)
  /** 挂账 until `reviewAt`; `note` is the reason. */
  | ({ type: 'park'; reviewAt: string } & Base)
  | ({ type: 'unpark' } & Base)
  /** 吹哨/约请: a joint on-site meeting with several departments. */
  | ({ type: 'summon'; at: string; place: string; departmentIds: readonly string[] } & Base)
  | ({ type: 'confirmAttendance'; departmentId: string; attend: boolean } & Base)
  | ({ type: 'recordMeeting'; minutes: string; agreedActions: readonly string[] } & Base)
  | ({ type: 'cancelMeeting' } & Base)
  /** This case is a duplicate of `targetId`; the server also applies `absorb` to the target (see mergeCases). */
  | ({ type: 'merge'; targetId: string } & Base)
  /** The target of a merge takes over the duplicate's reporters. */
  | ({ type: 'absorb'; sourceId: string; reporterIds: readonly string[] } & Base);

export type CaseCommandType = CaseCommand['type'];

export const CASE_COMMAND_TYPES = [
  'accept',
  'resolve',
  'escalate',
  'cancel',
  'sendBack',
  'register',
  'dispatch',
  'acceptAssignment',
  'returnAssignment',
  'handle',
  'check',
  'rate',
  'reopen',
  'close',
  'urge',
  'park',
  'unpark',
  'summon',
  'confirmAttendance',
  'recordMeeting',
  'cancelMeeting',
  'merge',
  'absorb',
] as const satisfies readonly CaseCommandType[];

/** Commands a department runs for one of its departments: allowed per department. */
export const DEPARTMENT_COMMANDS = ['acceptAssignment', 'returnAssignment', 'handle', 'confirmAttendance'] as const;
export type DepartmentCommandType = (typeof DEPARTMENT_COMMANDS)[number];
export const isDepartmentCommand = (t: CaseCommandType): t is DepartmentCommandType =>
  (DEPARTMENT_COMMANDS as readonly string[]).includes(t);

/** What the UI offers: one button per entry (department commands once per department). */
export interface CommandKey {
  type: CaseCommandType;
  departmentId?: string;
}

export const keyOf = (c: CaseCommand): CommandKey =>
  'departmentId' in c && isDepartmentCommand(c.type)
    ? { type: c.type, departmentId: c.departmentId }
    : { type: c.type };

/**
 * Refusals decided by the state and the actor alone (`allowedCommands` lists a command iff none applies).
 * The first that applies wins, in this order: illegal_transition (wrong status), forbidden / not_reporter
 * (wrong actor), then department_not_assigned, not_invited, already_rated, reopen_window_passed, rating_pending.
 */
export const GUARD_CODES = [
  'illegal_transition',
  'forbidden',
  'not_reporter',
  'department_not_assigned',
  'not_invited',
  'already_rated',
  'reopen_window_passed',
  'rating_pending',
] as const;
export type GuardCode = (typeof GUARD_CODES)[number];

/** Refusals of an allowed command because of its input. */
export const INPUT_CODES = [
  'invalid_input',
  'reason_required',
  'note_required',
  'department_already_assigned',
] as const;
export type InputCode = (typeof INPUT_CODES)[number];

export type CaseErrorCode = GuardCode | InputCode | 'version_conflict';

export const CASE_ERROR_STATUS: Readonly<Record<CaseErrorCode, number>> = {
  illegal_transition: 409,
  forbidden: 403,
  not_reporter: 403,
  department_not_assigned: 403,
  not_invited: 403,
  already_rated: 409,
  reopen_window_passed: 409,
  rating_pending: 409,
  invalid_input: 400,
  reason_required: 400,
  note_required: 400,
  department_already_assigned: 409,
  version_conflict: 409,
};
