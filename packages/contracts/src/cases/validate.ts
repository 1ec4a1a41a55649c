/**
 * Input checks of a command the guard already allowed. They may read the state (a department that already
 * holds an open assignment) but never the actor: who may act is the guard's business.
 */
import type { CaseCommand, InputCode } from './commands.ts';
import { ACTIVE_ASSIGNMENT, type CaseState, MAX_ATTACHMENTS, URGE_LEVELS } from './states.ts';

const MAX_TEXT = 2000;

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const time = (v: unknown): number => (typeof v === 'string' ? Date.parse(v) : Number.NaN);
const unique = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;
const ids = (v: unknown, min: number, max: number): v is string[] =>
  Array.isArray(v) && v.length >= min && v.length <= max && v.every(id) && unique(v);

/** Notes (reasons, reports) that must be given, and which code refuses their absence. */
const REQUIRED_NOTE: Partial<Record<CaseCommand['type'], InputCode>> = {
  escalate: 'reason_required',
  sendBack: 'reason_required',
  returnAssignment: 'reason_required',
  reopen: 'reason_required',
  park: 'reason_required',
  cancelMeeting: 'reason_required',
  resolve: 'note_required',
  handle: 'note_required',
};

export function validate(s: CaseState, c: CaseCommand, now: Date): InputCode | null {
  if (c.note !== undefined && !text(c.note)) return 'invalid_input';
  if (c.attachments !== undefined && !ids(c.attachments, 0, MAX_ATTACHMENTS)) return 'invalid_input';
  const required = REQUIRED_NOTE[c.type];
  if (required && !filled(c.note)) return required;
  const t = now.getTime();
  switch (c.type) {
    case 'dispatch': {
      if (!Array.isArray(c.assignments) || c.assignments.length === 0 || c.assignments.length > 20)
        return 'invalid_input';
      const depts = c.assignments.map((x) => x?.departmentId);
      if (!ids(depts, 1, 20)) return 'invalid_input';
      if (c.assignments.some((x) => !(time(x.deadline) > t))) return 'invalid_input';
      const busy = (d: string) =>
        s.assignments.some(
          (x) => x.departmentId === d && (ACTIVE_ASSIGNMENT.includes(x.status) || x.status === 'handled'),
        );
      return depts.some(busy) ? 'department_already_assigned' : null;
    }
    case 'check': {
      if (typeof c.passed !== 'boolean') return 'invalid_input';
      if (c.passed) return c.departmentIds === undefined ? null : 'invalid_input';
      if (!filled(c.note)) return 'reason_required';
      if (c.departmentIds === undefined) return null;
      if (!ids(c.departmentIds, 1, 20)) return 'invalid_input';
      const handled = (d: string) => s.assignments.some((x) => x.departmentId === d && x.status === 'handled');
      return c.departmentIds.every(handled) ? null : 'invalid_input';
    }
    case 'rate':
      if (!Number.isInteger(c.score) || c.score < 1 || c.score > 5) return 'invalid_input';
      return c.comment === undefined || text(c.comment) ? null : 'invalid_input';
    case 'urge': {
      if (!URGE_LEVELS.includes(c.level)) return 'invalid_input';
      if (c.departmentId === undefined) return null;
      const open = (x: CaseState['assignments'][number]) =>
        x.departmentId === c.departmentId && ACTIVE_ASSIGNMENT.includes(x.status);
      return s.assignments.some(open) ? null : 'invalid_input';
    }
    case 'park':
      return time(c.reviewAt) > t ? null : 'invalid_input';
    case 'summon':
      if (!(time(c.at) > t) || !filled(c.place) || !text(c.place)) return 'invalid_input';
      return ids(c.departmentIds, 1, 20) ? null : 'invalid_input';
    case 'confirmAttendance':
      return typeof c.attend === 'boolean' ? null : 'invalid_input';
    case 'recordMeeting':
      if (!filled(c.minutes) || !text(c.minutes)) return 'invalid_input';
      return Array.isArray(c.agreedActions) && c.agreedActions.length <= 50 && c.agreedActions.every(filled)
        ? null
        : 'invalid_input';
    case 'merge':
      return id(c.targetId) && c.targetId !== s.id ? null : 'invalid_input';
    case 'absorb':
      return id(c.sourceId) && c.sourceId !== s.id && ids(c.reporterIds, 0, 1000) ? null : 'invalid_input';
    default:
      return null;
  }
}
