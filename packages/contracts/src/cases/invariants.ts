/**
 * What every reachable case state satisfies. Returns the broken rules (empty when valid); used by the
 * property tests, and usable by the server as a last check before writing.
 */
import {
  ACTIVE_ASSIGNMENT,
  ASSIGNMENT_STATUSES,
  CASE_LEVELS,
  CASE_STATUSES,
  type CaseLevel,
  type CaseState,
  type CaseStatus,
  URGE_LEVELS,
} from './states.ts';

/** The levels a case may be at in each status (parked: those of the status it was parked from). */
const LEVELS: Readonly<Record<CaseStatus, readonly CaseLevel[]>> = {
  submitted: ['courtyard', 'community'],
  accepted: ['courtyard', 'community'],
  escalated: ['street'],
  registered: ['street'],
  dispatched: ['department'],
  checking: ['department'],
  resolved: ['courtyard', 'community', 'department'],
  closed: ['courtyard', 'community', 'department'],
  parked: CASE_LEVELS,
  merged: CASE_LEVELS,
  cancelled: ['courtyard', 'community'],
};

const ISO = (v: string | null): boolean => v !== null && !Number.isNaN(Date.parse(v));

export function invariants(s: CaseState): string[] {
  const bad: string[] = [];
  const fail = (rule: string) => bad.push(rule);
  const types = s.timeline.map((e) => e.type);
  const count = (t: string) => types.filter((x) => x === t).length;

  // Versions and the timeline.
  if (s.version !== s.timeline.length) fail('version equals the timeline length');
  s.timeline.forEach((e, i) => {
    if (e.version !== i + 1) fail(`timeline entry ${i} has version ${i + 1}`);
    if (!ISO(e.at)) fail(`timeline entry ${i} has a time`);
    if (i > 0 && e.fromStatus !== s.timeline[i - 1]!.toStatus) fail(`timeline entry ${i} starts where ${i - 1} ended`);
  });
  if (s.timeline[0]?.type !== 'created' || s.timeline[0].fromStatus !== null) fail('the timeline starts with created');
  if (types.lastIndexOf('created') > 0) fail('created only once');
  if (s.timeline.at(-1)?.toStatus !== s.status) fail('the last timeline entry ends in the current status');

  // Status and level.
  if (!CASE_STATUSES.includes(s.status)) fail('known status');
  if (!CASE_LEVELS.includes(s.level)) fail('known level');
  const levelStatus = s.status === 'parked' && s.parked ? s.parked.from : s.status;
  if (!LEVELS[levelStatus].includes(s.level)) fail(`level ${s.level} fits status ${levelStatus}`);
  if ((s.status === 'parked') !== (s.parked !== null)) fail('parked iff parked info');
  if (s.parked && !['accepted', 'registered', 'dispatched', 'checking'].includes(s.parked.from))
    fail('parked from a working status');
  if ((s.status === 'merged') !== (s.mergedInto !== null)) fail('merged iff mergedInto');
  if (s.status === 'cancelled' && (s.acceptedAt !== null || count('accept') + count('escalate') > 0))
    fail('cancelled only before acceptance');
  if (s.status !== 'submitted' && s.status !== 'cancelled' && s.acceptedAt === null && s.status !== 'merged')
    fail('accepted once past submitted');

  // Assignments.
  const dispatched = new Set(
    s.timeline.flatMap((e) =>
      e.type === 'dispatch' ? (e.data.assignments as { departmentId: string }[]).map((a) => a.departmentId) : [],
    ),
  );
  const depts = s.assignments.map((a) => a.departmentId);
  if (new Set(depts).size !== depts.length) fail('one assignment per department');
  for (const a of s.assignments) {
    if (!dispatched.has(a.departmentId)) fail(`assignment ${a.departmentId} was dispatched`);
    if (!ASSIGNMENT_STATUSES.includes(a.status)) fail('known assignment status');
  }
  const active = s.assignments.some((a) => ACTIVE_ASSIGNMENT.includes(a.status));
  const handled = s.assignments.some((a) => a.status === 'handled');
  const done = s.assignments.some((a) => a.status === 'done');
  const st = levelStatus;
  if (active !== (st === 'dispatched')) fail('open assignments iff dispatched');
  if (handled && st !== 'dispatched' && st !== 'checking')
    fail('handled assignments only while dispatched or checking');
  if (st === 'checking' && !handled) fail('checking needs a handled assignment');
  if (done !== (['resolved', 'closed'].includes(st) && s.level === 'department'))
    fail('done assignments iff a check passed on the current round');

  // Resolution, rating, closing, reopening.
  const finished = s.status === 'resolved' || s.status === 'closed';
  if (finished !== (s.resolvedAt !== null)) fail('resolvedAt iff resolved or closed');
  if ((s.status === 'closed') !== (s.closedAt !== null)) fail('closedAt iff closed');
  const round = s.ratings.filter((r) => r.round === s.reopenCount);
  if (s.status === 'closed' && round.length === 0 && s.timeline.findLast((e) => e.type === 'close') === undefined)
    fail('closed by a rating or by close');
  if (s.status === 'resolved' && round.length > 0) fail('a rating closes a resolved case');
  const raters = round.map((r) => r.by);
  if (new Set(raters).size !== raters.length) fail('one rating per reporter and round');
  for (const r of s.ratings) {
    if (!Number.isInteger(r.score) || r.score < 1 || r.score > 5) fail('scores are 1 to 5');
    if (!s.reporterIds.includes(r.by)) fail('only reporters rate');
    if (r.round < 0 || r.round > s.reopenCount) fail('rating rounds exist');
  }
  if (s.reopenCount !== count('reopen')) fail('reopenCount counts reopen entries');
  if (new Set(s.reporterIds).size !== s.reporterIds.length) fail('reporters are unique');
  if (s.mergedFrom.length !== count('absorb')) fail('mergedFrom counts absorb entries');

  // Side tracks.
  if (s.urges.length !== count('urge') || s.urges.some((u) => !URGE_LEVELS.includes(u.level)))
    fail('one urge per urge entry');
  if (s.meetings.length !== count('summon')) fail('one meeting per summon');
  if (s.meetings.filter((m) => m.status === 'called').length > 1) fail('at most one called meeting');
  s.meetings.forEach((m, i) => {
    if (m.no !== i + 1) fail('meetings are numbered');
    if ((m.status === 'held') !== (m.minutes !== null)) fail('minutes iff held');
    const invited = m.invitees.map((x) => x.departmentId);
    if (invited.length === 0 || new Set(invited).size !== invited.length) fail('invitees unique and present');
  });
  return bad;
}
