/**
 * Which time limit a case is running against now, when it turns yellow and when it is due (red after).
 * Pure: server (inbox columns, SLA jobs) and web (countdowns) compute the same answer from the state,
 * the category's limits and the district's working calendar.
 *
 *   submitted            accept   the category's accept limit, from the moment it was submitted
 *   accepted             handle   the handle limit, from sign-for (or the escalation / reopening into it)
 *   escalated|registered register the accept limit again: the street signs for and dispatches (立案 + 派遣)
 *   dispatched           handle   the earliest of each open assignment's deadline and, for an assignment
 *                                 not yet accepted, its acceptance limit from dispatch
 *   checking             check    the check limit (核查)
 *   resolved             rate     the reporter's rating window (no yellow: it is not anyone's work)
 *   parked               review   the review date (no yellow)
 */

import type { WorkingCalendar } from '../calendar/calendar.ts';
import { dueAt, type TimeLimit, type TimeLimitUnit, yellowTime } from '../calendar/time-limit.ts';
import { ACTIVE_ASSIGNMENT, type CaseState, DAY_MS, RATING_WINDOW_DAYS } from './states.ts';

export const SLA_STAGES = ['accept', 'handle', 'register', 'check', 'rate', 'review'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

export interface StageLimits {
  accept?: TimeLimit;
  handle?: TimeLimit;
  check?: TimeLimit;
}

export const DEFAULT_LIMITS: Required<StageLimits> = {
  accept: { value: 1, unit: 'working_days' },
  handle: { value: 5, unit: 'working_days' },
  check: { value: 1, unit: 'working_hours' },
};

export interface CaseSla {
  stage: SlaStage;
  startedAt: string;
  yellowAt: string | null;
  dueAt: string;
}

/** Entries that hand the case to a new holder without changing its status: the clock starts again. */
const RESTARTS = new Set(['escalate', 'autoEscalate', 'sendBack', 'reopen', 'unpark']);

/** When the current stage began: the last entry that moved the case into its status or to a new holder. */
export function enteredAt(s: CaseState): string {
  for (let i = s.timeline.length - 1; i >= 0; i--) {
    const e = s.timeline[i]!;
    if (e.toStatus === s.status && (e.fromStatus !== s.status || RESTARTS.has(e.type))) return e.at;
  }
  return s.timeline[0]!.at;
}

interface Limit {
  due: Date;
  unit: TimeLimitUnit | undefined;
}

export function caseSla(s: CaseState, limits: StageLimits, yellowShare: number, cal: WorkingCalendar): CaseSla | null {
  const start = new Date(enteredAt(s));
  const limit = (l: TimeLimit, from: Date = start): Limit => ({ due: dueAt(from, l, cal), unit: l.unit });
  const accept = limits.accept ?? DEFAULT_LIMITS.accept;
  const timed = (stage: SlaStage, l: Limit): CaseSla => ({
    stage,
    startedAt: start.toISOString(),
    yellowAt: yellowTime(start, l.due, cal, yellowShare, l.unit).toISOString(),
    dueAt: l.due.toISOString(),
  });
  switch (s.status) {
    case 'submitted':
      return timed('accept', limit(accept));
    case 'accepted':
      return timed('handle', limit(limits.handle ?? DEFAULT_LIMITS.handle));
    case 'escalated':
    case 'registered':
      return timed('register', limit(accept));
    case 'dispatched': {
      // A deadline that passed before this stage began (rework after a failed check, a reopened or unparked
      // case) is renewed from the stage's start with the category's limit instead of being overdue at once.
      const handle = limits.handle ?? DEFAULT_LIMITS.handle;
      let earliest: Limit | null = null;
      for (const a of s.assignments) {
        if (!ACTIVE_ASSIGNMENT.includes(a.status)) continue;
        const deadline = new Date(a.deadline);
        const candidates: Limit[] = [deadline < start ? limit(handle) : { due: deadline, unit: undefined }];
        if (a.status === 'dispatched') {
          const acceptBy = limit(accept, new Date(a.dispatchedAt));
          candidates.push(acceptBy.due < start ? limit(accept) : acceptBy);
        }
        for (const c of candidates) if (!earliest || c.due < earliest.due) earliest = c;
      }
      return earliest ? timed('handle', earliest) : null;
    }
    case 'checking':
      return timed('check', limit(limits.check ?? DEFAULT_LIMITS.check));
    case 'resolved': {
      const from = new Date(s.resolvedAt ?? start.toISOString());
      const due = new Date(from.getTime() + RATING_WINDOW_DAYS * DAY_MS);
      return { stage: 'rate', startedAt: from.toISOString(), yellowAt: null, dueAt: due.toISOString() };
    }
    case 'parked':
      return s.parked
        ? { stage: 'review', startedAt: start.toISOString(), yellowAt: null, dueAt: s.parked.reviewAt }
        : null;
    default:
      return null;
  }
}

export type SlaColour = 'ok' | 'yellow' | 'red';

/** The colour of an SLA at `now` (red strictly after due, like `slaLevel`). */
export function slaColour(sla: Pick<CaseSla, 'yellowAt' | 'dueAt'> | null, now: Date): SlaColour {
  if (!sla) return 'ok';
  if (now.getTime() > Date.parse(sla.dueAt)) return 'red';
  return sla.yellowAt !== null && now.getTime() >= Date.parse(sla.yellowAt) ? 'yellow' : 'ok';
}
