/**
 * Reading a case and running its workflow commands. The pure state machine decides (guard + validation);
 * this file adds what needs the database: visibility, departments serving the street, attachments that
 * exist, and the compare-and-set save (a stale version gets 409, never a lost update).
 */
import { type api, cases } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { invalid } from './intake.ts';
import { caseActorOf, viewOf } from './policy.ts';
import * as repo from './repository.ts';
import { type Saved, saveState } from './store.ts';
import { toDetail } from './views.ts';

type CommandBody = Static<typeof api.cases.CommandBody>;
export type CheckAttachments = (ids: readonly string[], path: string) => Promise<void>;

/** The case if the caller may see it at all (404 otherwise, so ids of other communities leak nothing). */
export async function visibleCase(ctx: Ctx, id: string) {
  const row = await repo.rowById(ctx.tx, id);
  if (!row) throw notFound();
  const state = await repo.stateOf(ctx.tx, row);
  const view = viewOf(ctx.actor, ctx.grants, state, row.is_public);
  if (!view) throw notFound();
  return { row, state, view };
}

export async function detail(ctx: Ctx, id: string) {
  const { row, state, view } = await visibleCase(ctx, id);
  if (view === 'full' && !state.reporterIds.includes(ctx.user!.id))
    await ctx.audit({
      action: 'case.read',
      resourceType: 'case',
      resourceId: row.id,
      nodeId: row.place_id,
      nodePath: row.place_path,
    });
  return toDetail(ctx, row, state, view);
}

/** The command object the state machine takes, from the flat request body. */
function commandOf(b: CommandBody): cases.CaseCommand {
  const { version: _v, ...rest } = b;
  const c = { ...rest } as Record<string, unknown>;
  if (c.note !== undefined) c.note = String(c.note).trim();
  return c as unknown as cases.CaseCommand;
}

async function assertServing(ctx: Ctx, row: repo.CaseRow, c: cases.CaseCommand): Promise<void> {
  const ids =
    c.type === 'dispatch'
      ? c.assignments.map((a, i) => [a.departmentId, `/assignments/${i}/departmentId`] as const)
      : c.type === 'summon'
        ? c.departmentIds.map((d, i) => [d, `/departmentIds/${i}`] as const)
        : [];
  if (ids.length === 0) return;
  const serving = new Set((await repo.departmentsServing(ctx.tx, row.street_id)).map((d) => d.id));
  const errors = ids.filter(([d]) => !serving.has(d)).map(([, path]) => ({ path, code: 'department_not_serving' }));
  if (errors.length > 0) throw new AppError(422, 'department_not_serving', {}, errors);
}

const refusal = (code: cases.CaseErrorCode) =>
  new AppError(cases.CASE_ERROR_STATUS[code], code, {}, code === 'invalid_input' ? [{ path: '', code }] : []);

/** Applies one command as the caller, or throws the state machine's refusal. */
export async function applyCommand(
  ctx: Ctx,
  loaded: { row: repo.CaseRow; state: cases.CaseState },
  b: CommandBody,
  checkAttachments: CheckAttachments,
): Promise<Saved> {
  const { row, state } = loaded;
  const command = commandOf(b);
  const actor = caseActorOf(ctx.user!.id, ctx.grants);
  if (b.version !== state.version) throw conflict('version_conflict');
  const guard = cases.guard(state, cases.keyOf(command), actor, ctx.now);
  if (!guard.ok) throw refusal(guard.code);
  await assertServing(ctx, row, command);
  if (b.attachments?.length) await checkAttachments(b.attachments, '/attachments');
  const result = cases.apply(state, command, actor, ctx.now, b.version);
  if (!result.ok) throw refusal(result.code);
  const saved = await saveState(ctx, row, state, result.state, {
    topic: `case.${command.type}`,
    payload: {
      type: command.type,
      actorId: ctx.user!.id,
      departmentId: 'departmentId' in command ? command.departmentId : null,
    },
  });
  await ctx.audit({
    action: `case.${command.type}`,
    resourceType: 'case',
    resourceId: row.id,
    nodeId: row.place_id,
    nodePath: row.place_path,
    detail: { no: row.no, version: result.state.version, status: result.state.status },
  });
  return saved;
}

export async function run(ctx: Ctx, id: string, b: CommandBody, checkAttachments: CheckAttachments) {
  const loaded = await visibleCase(ctx, id);
  if (loaded.view !== 'full' && !['rate', 'reopen', 'cancel'].includes(b.type)) throw notFound();
  const saved = await applyCommand(ctx, loaded, b, checkAttachments);
  return toDetail(ctx, saved.row, saved.state, 'full');
}

type MergeBody = Static<typeof api.cases.mergeCase.body>;

/** Merges a duplicate into another case of the same community; both saves or neither. */
export async function merge(ctx: Ctx, id: string, b: MergeBody) {
  const source = await visibleCase(ctx, id);
  const target = await repo.rowById(ctx.tx, b.targetId);
  if (!target || target.id === source.row.id) throw invalid('/targetId', 'not_found');
  const targetState = await repo.stateOf(ctx.tx, target);
  if (viewOf(ctx.actor, ctx.grants, targetState, target.is_public) !== 'full') throw invalid('/targetId', 'not_found');
  if (target.community_id !== source.row.community_id) throw invalid('/targetId', 'other_community');
  const actor = caseActorOf(ctx.user!.id, ctx.grants);
  const note = b.note?.trim();
  const result = cases.mergeCases(
    source.state,
    targetState,
    actor,
    ctx.now,
    { source: b.version, target: b.targetVersion },
    note,
  );
  if (!result.ok) throw refusal(result.code);
  await saveState(ctx, source.row, source.state, result.source, {
    topic: 'case.merge',
    payload: { targetId: target.id },
  });
  const saved = await saveState(ctx, target, targetState, result.target, {
    topic: 'case.absorb',
    payload: { sourceId: source.row.id },
  });
  await ctx.audit({
    action: 'case.merge',
    resourceType: 'case',
    resourceId: source.row.id,
    nodeId: source.row.place_id,
    nodePath: source.row.place_path,
    detail: { no: source.row.no, into: target.no },
  });
  return toDetail(ctx, saved.row, saved.state, 'full');
}

/** 批量签收: each case is accepted or refused on its own; a case the caller cannot see is a 422. */
export async function bulkAccept(ctx: Ctx, items: readonly { id: string; version: number }[]) {
  const results: { id: string; ok: boolean; code?: string; version: number }[] = [];
  const loadedAll = [];
  for (const [i, item] of items.entries()) {
    const loaded = await visibleCase(ctx, item.id).catch((e) => {
      throw e instanceof AppError && e.status === 404 ? invalid(`/items/${i}/id`, 'not_found') : e;
    });
    loadedAll.push(loaded);
  }
  for (const [i, item] of items.entries()) {
    try {
      const loaded = loadedAll[i]!;
      const saved = await applyCommand(ctx, loaded, { type: 'accept', version: item.version }, async () => {});
      results.push({ id: item.id, ok: true, version: saved.state.version });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id: item.id, ok: false, code: e.code, version: item.version });
    }
  }
  return { results };
}
