/**
 * `apply`: version check → guard (status and actor) → input validation → effect + one timeline entry.
 * Pure: the given state is never modified; a refusal returns only a code.
 */
import type { CaseActor } from './actors.ts';
import { type CaseCommand, type CaseErrorCode, keyOf } from './commands.ts';
import { guard, openMeeting } from './guards.ts';
import { ACTIVE_ASSIGNMENT, type ActingRole, type Assignment, type CaseState } from './states.ts';
import { validate } from './validate.ts';

export type ApplyResult = { ok: true; state: CaseState } | { ok: false; code: CaseErrorCode };

/** Derive the street-stage status and level from the assignments. */
function settleAssignments(s: CaseState): void {
  const active = s.assignments.some((x) => ACTIVE_ASSIGNMENT.includes(x.status));
  const handled = s.assignments.some((x) => x.status === 'handled');
  s.status = active ? 'dispatched' : handled ? 'checking' : 'registered';
  s.level = active || handled ? 'department' : 'street';
}

const assignmentOf = (s: CaseState, departmentId: string): Assignment => {
  const a = s.assignments.find((x) => x.departmentId === departmentId);
  if (!a) throw new Error(`no assignment for ${departmentId}`); // the guard excludes this
  return a;
};

/** Mutates the fresh copy `s`; returns the details recorded in the timeline entry. */
function effect(s: CaseState, c: CaseCommand, actorId: string, at: string): Record<string, unknown> {
  switch (c.type) {
    case 'accept':
      s.status = 'accepted';
      s.acceptedAt = at;
      return {};
    case 'resolve':
      s.status = 'resolved';
      s.resolvedAt = at;
      return {};
    case 'escalate': {
      const from = s.level;
      s.acceptedAt ??= at;
      if (s.level === 'courtyard') {
        s.level = 'community';
        s.status = 'accepted';
      } else {
        s.level = 'street';
        s.status = 'escalated';
      }
      return { from, to: s.level };
    }
    case 'cancel':
      s.status = 'cancelled';
      return {};
    case 'sendBack':
      s.level = 'community';
      s.status = 'accepted';
      return {};
    case 'register':
      s.status = 'registered';
      return {};
    case 'dispatch':
      for (const { departmentId, deadline } of c.assignments) {
        const fresh: Assignment = { departmentId, status: 'dispatched', deadline, dispatchedAt: at, reason: null };
        const i = s.assignments.findIndex((x) => x.departmentId === departmentId);
        if (i >= 0) s.assignments[i] = fresh;
        else s.assignments.push(fresh);
      }
      settleAssignments(s);
      return { assignments: c.assignments.map((x) => ({ departmentId: x.departmentId, deadline: x.deadline })) };
    case 'acceptAssignment':
      assignmentOf(s, c.departmentId).status = 'accepted';
      return { departmentId: c.departmentId };
    case 'returnAssignment': {
      const a = assignmentOf(s, c.departmentId);
      a.status = 'returned';
      a.reason = c.note ?? '';
      settleAssignments(s);
      return { departmentId: c.departmentId };
    }
    case 'handle':
      assignmentOf(s, c.departmentId).status = 'handled';
      settleAssignments(s);
      return { departmentId: c.departmentId };
    case 'check': {
      if (c.passed) {
        for (const a of s.assignments) if (a.status === 'handled') a.status = 'done';
        s.status = 'resolved';
        s.resolvedAt = at;
        return { passed: true };
      }
      const failed = c.departmentIds ?? s.assignments.filter((a) => a.status === 'handled').map((a) => a.departmentId);
      for (const d of failed) {
        const a = assignmentOf(s, d);
        a.status = 'rework';
        a.reason = c.note ?? '';
      }
      settleAssignments(s);
      return { passed: false, departmentIds: failed };
    }
    case 'rate':
      s.ratings.push({ by: actorId, score: c.score, comment: c.comment ?? '', at, round: s.reopenCount });
      if (s.status === 'resolved') {
        s.status = 'closed';
        s.closedAt = at;
      }
      return { score: c.score, comment: c.comment ?? '' };
    case 'close':
      s.status = 'closed';
      s.closedAt = at;
      return {};
    case 'reopen':
      s.reopenCount += 1;
      s.resolvedAt = null;
      s.closedAt = null;
      if (s.level === 'department') {
        for (const a of s.assignments)
          if (a.status === 'done') {
            a.status = 'rework';
            a.reason = c.note ?? '';
          }
        settleAssignments(s);
      } else s.status = 'accepted';
      return { reopenCount: s.reopenCount };
    case 'urge':
      s.urges.push({ level: c.level, by: actorId, at, departmentId: c.departmentId ?? null });
      return { level: c.level, departmentId: c.departmentId ?? null };
    case 'park':
      s.parked = {
        from: s.status,
        tier: s.status === 'accepted' ? 'community' : 'street',
        reviewAt: c.reviewAt,
        reason: c.note ?? '',
      };
      s.status = 'parked';
      return { reviewAt: c.reviewAt };
    case 'unpark':
      s.status = s.parked?.from ?? s.status;
      s.parked = null;
      return {};
    case 'summon': {
      const no = s.meetings.length + 1;
      s.meetings.push({
        no,
        tier: s.status === 'accepted' ? 'community' : 'street',
        status: 'called',
        at: c.at,
        place: c.place,
        calledBy: actorId,
        invitees: c.departmentIds.map((departmentId) => ({ departmentId, attendance: 'pending' })),
        minutes: null,
        agreedActions: [],
      });
      return { meeting: no, at: c.at, place: c.place, departmentIds: [...c.departmentIds] };
    }
    case 'confirmAttendance': {
      const m = openMeeting(s)!;
      const invitee = m.invitees.find((i) => i.departmentId === c.departmentId)!;
      invitee.attendance = c.attend ? 'confirmed' : 'declined';
      return { meeting: m.no, departmentId: c.departmentId, attend: c.attend };
    }
    case 'recordMeeting': {
      const m = openMeeting(s)!;
      m.status = 'held';
      m.minutes = c.minutes;
      m.agreedActions = [...c.agreedActions];
      return { meeting: m.no, minutes: c.minutes, agreedActions: [...c.agreedActions] };
    }
    case 'cancelMeeting': {
      const m = openMeeting(s)!;
      m.status = 'cancelled';
      return { meeting: m.no };
    }
    case 'merge':
      s.status = 'merged';
      s.mergedInto = c.targetId;
      return { targetId: c.targetId };
    case 'absorb': {
      const added = c.reporterIds.filter((r) => !s.reporterIds.includes(r));
      s.reporterIds.push(...added);
      s.mergedFrom.push(c.sourceId);
      return { sourceId: c.sourceId, reporterIds: added };
    }
  }
}

function commit(state: CaseState, c: CaseCommand, actorId: string, role: ActingRole, now: Date): CaseState {
  const s = structuredClone(state);
  const at = now.toISOString();
  const data = effect(s, c, actorId, at);
  s.version = state.version + 1;
  s.timeline.push({
    version: s.version,
    type: c.type,
    actorId,
    role,
    at,
    fromStatus: state.status,
    toStatus: s.status,
    note: c.note ?? '',
    attachments: [...(c.attachments ?? [])],
    data,
  });
  return s;
}

export function apply(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: Date,
  expectedVersion: number,
): ApplyResult {
  if (expectedVersion !== state.version) return { ok: false, code: 'version_conflict' };
  const g = guard(state, keyOf(command), actor, now);
  if (!g.ok) return g;
  const invalid = validate(state, command, now);
  if (invalid) return { ok: false, code: invalid };
  return { ok: true, state: commit(state, command, actor.userId, g.role, now) };
}

export type MergeResult = { ok: true; source: CaseState; target: CaseState } | { ok: false; code: CaseErrorCode };

/** Merge a duplicate: the source becomes `merged`, the target takes over its reporters. Both or neither. */
export function mergeCases(
  source: CaseState,
  target: CaseState,
  actor: CaseActor,
  now: Date,
  versions: { source: number; target: number },
  note?: string,
): MergeResult {
  const extra = note === undefined ? {} : { note };
  const s = apply(source, { type: 'merge', targetId: target.id, ...extra }, actor, now, versions.source);
  if (!s.ok) return s;
  const reporterIds = [...source.reporterIds];
  const t = apply(target, { type: 'absorb', sourceId: source.id, reporterIds, ...extra }, actor, now, versions.target);
  if (!t.ok) return t;
  return { ok: true, source: s.state, target: t.state };
}
