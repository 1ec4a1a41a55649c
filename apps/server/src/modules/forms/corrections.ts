/**
 * Corrections of submitted tasks, confirmed or dismissed by the cadres of the task's community — the
 * committee, who keep its registry (`registry.edit` at the community). Confirming writes a list of people back
 * through the registry's services (with history "数据采集更正(<form>)"), or sends a count for verification, or
 * acknowledges it with a note; dismissing writes nothing to the registry. One decision per correction of a
 * submission (409 twice); a task reopened or resubmitted since the cadre looked is a 409 too.
 */
import type { api } from '@linli/contracts';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { applicable, applyTagList, verifyTarget } from '../registry/corrections.ts';
import * as followup from './followup-repository.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;
type Correction = api.formFollowup.CorrectionT;
type Outcome = api.formFollowup.CorrectionOutcomeT;
type TaskRow = repo.TaskRow & { title: string };
const iso = (d: Date | string) => new Date(d).toISOString();
const sameSubmission = (d: followup.DecisionRow, t: repo.TaskRow) =>
  !!t.submitted_at && new Date(d.submitted_at).getTime() === new Date(t.submitted_at).getTime();

async function views(ctx: Ctx, tasks: TaskRow[], only?: 'pending' | 'decided'): Promise<Correction[]> {
  const [versions, nodes, decisions] = await Promise.all([
    repo.versionsOf(ctx.tx, [...new Set(tasks.map((t) => t.form_id))]),
    org.getNodes(ctx.tx, [...new Set(tasks.flatMap((t) => [t.community_id, t.target_node_id]))]),
    followup.decisionsOf(ctx.tx, tasks),
  ]);
  const node = new Map(nodes.map((n) => [n.id, n]));
  const out: Correction[] = [];
  for (const t of tasks) {
    const community = node.get(t.community_id);
    // Only the community's keepers of the registry: a grid worker sees their grid's tasks, not these.
    if (!community || !ctx.can('registry.edit', community.path)) continue;
    const fields = (versions.find((v) => v.form_id === t.form_id && v.version_no === t.version_no)?.fields ??
      []) as Field[];
    for (const c of t.corrections) {
      const field = fields.find((f) => f.key === c.key);
      if (!field?.binding) continue;
      const d = decisions.find((x) => x.task_id === t.id && x.field_key === c.key && sameSubmission(x, t));
      if (only === 'pending' ? d : only === 'decided' ? !d : false) continue;
      out.push({
        taskId: t.id,
        taskVersion: t.version,
        formId: t.form_id,
        title: t.title,
        key: c.key,
        label: field.label,
        kind: field.binding.kind,
        applicable: await applicable(ctx, field.binding, community.path),
        registry: c.registry,
        answer: c.answer,
        communityId: t.community_id,
        communityName: community.name,
        targetNodeId: t.target_node_id,
        targetName: node.get(t.target_node_id)?.name ?? '',
        submittedAt: iso(t.submitted_at!),
        decision: (d?.decision as Correction['decision']) ?? null,
        note: d?.note ?? null,
        outcome: d ? (d.outcome as Outcome) : null,
        decidedAt: d ? iso(d.decided_at) : null,
        decidedBy: d?.decided_by_name ?? null,
      });
    }
  }
  return out;
}

/** A list of people corrected is a read of those people (like the task that showed them). */
async function auditListed(ctx: Ctx, items: Correction[]) {
  const lists = items.filter((c) => c.kind === 'tag_list');
  if (lists.length === 0) return;
  await ctx.audit({
    action: 'person.read',
    resourceType: 'form_correction',
    detail: { tasks: [...new Set(lists.map((c) => c.taskId))] },
  });
}

export async function list(ctx: Ctx, status: 'pending' | 'decided' = 'pending') {
  const scopes = listingScope(ctx.actor, 'registry.edit');
  const items = await views(ctx, await followup.correctedTasks(ctx.tx, scopes), status);
  await auditListed(ctx, items);
  return { items };
}

/** The task and its correction, if the caller keeps the registry of the task's community. */
async function correctionFor(ctx: Ctx, taskId: string, key: string, taskVersion: number) {
  const t = await repo.taskById(ctx.tx, taskId);
  const community = t ? await org.getNode(ctx.tx, t.community_id) : null;
  if (!t || !community) throw notFound();
  // Not visible at all: 404 (no oracle); a filler of the task without registry write there: 403.
  if (!ctx.can('registry.edit', community.path)) {
    if (ctx.can('form.fill', t.target_path)) throw forbidden();
    throw notFound();
  }
  const c = t.corrections.find((x) => x.key === key);
  if (!c) throw notFound();
  if (t.status !== 'submitted') throw conflict('form_correction_stale');
  if (t.version !== taskVersion) throw conflict('version_conflict');
  const [form, v] = await Promise.all([
    repo.formById(ctx.tx, t.form_id),
    repo.versionOf(ctx.tx, t.form_id, t.version_no),
  ]);
  const field = (v.fields as Field[]).find((f) => f.key === key);
  if (!field?.binding) throw notFound();
  if ((await followup.decisionsOf(ctx.tx, [t])).some((d) => d.field_key === key && sameSubmission(d, t)))
    throw conflict('form_correction_decided');
  return { t, c, community, field, binding: field.binding, task: { ...t, title: form!.title } };
}

async function decide(
  ctx: Ctx,
  x: Awaited<ReturnType<typeof correctionFor>>,
  decision: NonNullable<Correction['decision']>,
  note: string | undefined,
  outcome: Outcome,
) {
  const ok = await followup.insertDecision(ctx.tx, {
    community_id: x.t.community_id,
    task_id: x.t.id,
    field_key: x.c.key,
    submitted_at: x.t.submitted_at!,
    decision,
    note: note?.trim() || null,
    outcome: JSON.stringify(outcome),
    decided_by: ctx.user!.id,
    decided_by_name: ctx.user!.name,
    decided_at: ctx.now,
  });
  if (!ok) throw conflict('form_correction_decided');
  await ctx.audit({
    action: decision === 'dismissed' ? 'form.correction.dismiss' : 'form.correction.confirm',
    resourceType: 'form_task',
    resourceId: x.t.id,
    nodeId: x.community.id,
    nodePath: x.community.path,
    detail: { formId: x.t.form_id, key: x.c.key, decision, outcome },
  });
  await ctx.emit({
    topic: 'form.correction_decided',
    payload: { formId: x.t.form_id, taskId: x.t.id, key: x.c.key, decision },
    communityId: x.t.community_id,
  });
  const [view] = await views(ctx, [x.task]).then((vs) => vs.filter((v) => v.key === x.c.key));
  return view!;
}

export async function confirm(ctx: Ctx, taskId: string, key: string, b: api.formFollowup.ConfirmBodyT) {
  const x = await correctionFor(ctx, taskId, key, b.taskVersion);
  const canApply = await applicable(ctx, x.binding, x.community.path);
  const mode = b.mode ?? (canApply ? 'apply' : 'verify');
  if (mode === 'apply' && !canApply) throw badRequest('form_correction_not_applicable', '/mode');
  const title = x.task.title;
  let outcome: Outcome = {};
  if (mode === 'apply')
    outcome = await applyTagList(
      ctx,
      { path: x.t.target_path },
      x.binding.tag!,
      x.c.registry,
      x.c.answer,
      `数据采集更正(${title})`,
    );
  else if (mode === 'verify') outcome = await verifyTarget(ctx, x.t.target_node_id, `数据采集核实(${title})`);
  const decision = mode === 'apply' ? 'applied' : mode === 'verify' ? 'verify' : 'acknowledged';
  return decide(ctx, x, decision, b.note, outcome);
}

export async function dismiss(ctx: Ctx, taskId: string, key: string, b: { taskVersion: number; note?: string }) {
  const x = await correctionFor(ctx, taskId, key, b.taskVersion);
  return decide(ctx, x, 'dismissed', b.note, {});
}
