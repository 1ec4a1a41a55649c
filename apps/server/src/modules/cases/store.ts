/**
 * The one way a case state is written (intake, commands, SLA jobs): projection, compare-and-set on the
 * version, new timeline rows, reporters and assignments, the domain event, and the SLA checks scheduled
 * in the outbox for when the case turns yellow and red — all in the caller's transaction.
 */
import type { cases, WorkingCalendar } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { DomainEvent } from '../../platform/outbox/outbox.ts';
import * as calendar from '../calendar/service.ts';
import * as categories from '../categories/service.ts';
import { type CategoryInfo, project } from './projection.ts';
import * as repo from './repository.ts';

export type Emit = (e: DomainEvent) => Promise<void>;

export interface Env {
  tx: Db;
  now: Date;
  emit: Emit;
}

export const SLA_TOPIC = 'case.sla';

export async function categoryInfo(tx: Db, id: string): Promise<CategoryInfo | null> {
  const c = await categories.getCategory(tx, id);
  return c ? { ...c, limits: c.limits as cases.StageLimits } : null;
}

export const calendarFor = (tx: Db, districtId: string): Promise<WorkingCalendar> =>
  calendar.calendarOf(tx, districtId);

/** Schedules the yellow and red checks of the current stage; the job ignores them once the stage moved on. */
async function scheduleSla(env: Env, r: { community_id: string; id: string }, patch: repo.CasePatch) {
  const due = patch.due_at as Date | null;
  const yellow = patch.yellow_at as Date | null;
  if (!due) return;
  const payload = { caseId: r.id, communityId: r.community_id, dueAt: due.toISOString() };
  if (yellow && patch.sla_stage !== 'rate' && patch.sla_stage !== 'review')
    await env.emit({
      topic: SLA_TOPIC,
      communityId: r.community_id,
      payload: { ...payload, colour: 'yellow' },
      availableAt: yellow,
    });
  await env.emit({
    topic: SLA_TOPIC,
    communityId: r.community_id,
    payload: { ...payload, colour: 'red' },
    availableAt: new Date(due.getTime() + 1), // red strictly after due
  });
}

const sameTime = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

export interface Saved {
  row: repo.CaseRow;
  state: cases.CaseState;
}

/** Writes a new state of an existing case; 409 when the row moved since `row` was read. */
export async function saveState(
  env: Env,
  row: repo.CaseRow,
  before: cases.CaseState,
  after: cases.CaseState,
  event: { topic: string; payload?: Record<string, unknown> },
): Promise<Saved> {
  const cat = await categoryInfo(env.tx, row.category_id);
  const cal = await calendarFor(env.tx, row.district_id);
  const patch = project(after, cat!, cal, env.now);
  const moved = !sameTime(patch.due_at as Date | null, row.due_at) || patch.sla_stage !== row.sla_stage;
  if (moved) patch.sla_notified = null;
  const ok = await repo.updateCase(
    env.tx,
    { communityId: row.community_id, id: row.id, version: before.version },
    patch,
  );
  if (!ok) throw conflict('version_conflict');
  await repo.appendEvents(env.tx, row.community_id, row.id, after.timeline.slice(before.timeline.length));
  const added = after.reporterIds.filter((u) => !before.reporterIds.includes(u));
  await repo.addReporters(env.tx, row.community_id, row.id, added, env.now);
  if (JSON.stringify(after.assignments) !== JSON.stringify(before.assignments))
    await repo.syncAssignments(env.tx, row.community_id, row.id, after.assignments);
  if (moved) await scheduleSla(env, row, patch);
  await env.emit({
    topic: event.topic,
    communityId: row.community_id,
    payload: { caseId: row.id, communityId: row.community_id, no: row.no, version: after.version, ...event.payload },
  });
  const { timeline: _t, ...doc } = after;
  return { row: { ...row, ...(patch as Partial<repo.CaseRow>), state: doc } as repo.CaseRow, state: after };
}

/** Inserts a new case with its first timeline entry. */
export async function saveNew(
  env: Env,
  row: Omit<repo.NewCaseRow, repo.ProjectedColumn>,
  state: cases.CaseState,
  cat: CategoryInfo,
  tokens: readonly string[],
  cal?: WorkingCalendar,
): Promise<Saved> {
  const patch = project(state, cat, cal ?? (await calendarFor(env.tx, row.district_id)), env.now);
  const full = { ...row, ...patch, accept_due_at: patch.due_at ?? null, created_at: env.now } as repo.NewCaseRow;
  const saved = await repo.insertCase(env.tx, full, tokens);
  await repo.appendEvents(env.tx, row.community_id, row.id, state.timeline);
  await repo.addReporters(env.tx, row.community_id, row.id, state.reporterIds, env.now);
  await scheduleSla(env, { community_id: row.community_id, id: row.id }, patch);
  await env.emit({
    topic: 'case.created',
    communityId: row.community_id,
    payload: { caseId: row.id, communityId: row.community_id, no: row.no, version: 1, source: row.source },
  });
  return { row: saved, state };
}
