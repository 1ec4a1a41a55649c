/** Filling tasks: open (pre-filled from the registry), save drafts, submit; the requester reopens. */
import type { api } from '@linli/contracts';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { boundValues } from '../registry/form-bindings.ts';
import { type Answers, checkAnswers, correctionsOf, shownAnswers } from './answers.ts';
import { formFor, invalid } from './designs.ts';
import { foreignPhotoErrors } from './photos.ts';
import { referenceErrors } from './references.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;
type Status = api.forms.TaskStatus;
const PENDING = new Set(['open', 'reopened']);
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function taskFor(ctx: Ctx, id: string) {
  const t = await repo.taskById(ctx.tx, id);
  if (!t || !ctx.can('form.fill', t.target_path)) throw notFound();
  return t;
}

function summary(t: repo.TaskRow, title: string, targetName: string) {
  return {
    id: t.id,
    formId: t.form_id,
    title,
    versionNo: t.version_no,
    targetNodeId: t.target_node_id,
    targetName,
    deadline: iso(t.deadline)!,
    status: t.status as Status,
    submittedAt: iso(t.submitted_at),
    version: t.version,
  };
}

export async function list(ctx: Ctx, status?: Status) {
  const scopes = listingScope(ctx.actor, 'form.fill');
  const rows = await repo.tasksIn(ctx.tx, scopes, status);
  const names = new Map(
    (await org.getNodes(ctx.tx, [...new Set(rows.map((r) => r.target_node_id))])).map((n) => [n.id, n.name]),
  );
  return { items: rows.map((r) => summary(r, r.title, names.get(r.target_node_id) ?? '')) };
}

/** The registry's values now for a pending task; the values stored at submission otherwise. */
async function prefillOf(ctx: Ctx, t: repo.TaskRow, fields: Field[]) {
  if (!PENDING.has(t.status)) return t.prefill;
  return boundValues(ctx.tx, ctx.now, { communityId: t.community_id, path: t.target_path }, fields);
}

async function view(ctx: Ctx, t: repo.TaskRow, fields?: Field[], prefill?: Answers) {
  const [form, v, target] = await Promise.all([
    repo.formById(ctx.tx, t.form_id),
    fields ? null : repo.versionOf(ctx.tx, t.form_id, t.version_no),
    org.getNode(ctx.tx, t.target_node_id),
  ]);
  const fs = fields ?? (v!.fields as Field[]);
  const pre = prefill ?? (await prefillOf(ctx, t, fs));
  const pending = PENDING.has(t.status);
  const edit = pending && ctx.can('form.fill', t.target_path);
  return {
    ...summary(t, form!.title, target?.name ?? ''),
    fields: fs,
    prefill: pre,
    answers: t.answers,
    corrections: pending ? correctionsOf(fs, pre, t.answers) : t.corrections,
    abilities: { edit, submit: edit && (t.status === 'reopened' || ctx.now <= new Date(t.deadline)) },
  };
}

/** A list of people bound into the form is a read of those people: audited like the registry's listings. */
async function auditPeopleShown(ctx: Ctx, t: repo.TaskRow, fields: Field[]) {
  const lists = fields.filter((f) => f.binding?.kind === 'tag_list').map((f) => f.key);
  if (lists.length === 0) return;
  await ctx.audit({
    action: 'person.read',
    resourceType: 'form_task',
    resourceId: t.id,
    nodeId: t.target_node_id,
    nodePath: t.target_path,
    detail: { formId: t.form_id, fields: lists },
  });
}

export async function detail(ctx: Ctx, id: string) {
  const t = await taskFor(ctx, id);
  const v = await repo.versionOf(ctx.tx, t.form_id, t.version_no);
  await auditPeopleShown(ctx, t, v.fields as Field[]);
  return view(ctx, t, v.fields as Field[]);
}

function assertEditable(t: repo.TaskRow, version: number) {
  if (t.status === 'registry') throw conflict('form_task_registry');
  if (!PENDING.has(t.status)) throw conflict('form_task_submitted');
  if (t.version !== version) throw conflict('version_conflict');
}

export async function saveDraft(ctx: Ctx, id: string, b: { version: number; answers: Answers }) {
  const t = await taskFor(ctx, id);
  assertEditable(t, b.version);
  const v = await repo.versionOf(ctx.tx, t.form_id, t.version_no);
  const fields = v.fields as Field[];
  const errors = checkAnswers(fields, b.answers, false);
  if (errors.length) throw invalid(errors);
  const foreign = await foreignPhotoErrors(ctx, t, fields, b.answers);
  if (foreign.length) throw invalid(foreign);
  const ok = await repo.updateTask(ctx.tx, t, b.version, { answers: JSON.stringify(b.answers), updated_at: ctx.now });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'form.draft',
    resourceType: 'form_task',
    resourceId: t.id,
    nodeId: t.target_node_id,
    nodePath: t.target_path,
    detail: { keys: Object.keys(b.answers) },
  });
  return view(ctx, (await repo.taskById(ctx.tx, id))!, fields);
}

export async function submit(ctx: Ctx, id: string, b: { version: number; answers: Answers }) {
  const t = await taskFor(ctx, id);
  assertEditable(t, b.version);
  if (t.status !== 'reopened' && ctx.now > new Date(t.deadline)) throw conflict('form_deadline_passed');
  const fields = (await repo.versionOf(ctx.tx, t.form_id, t.version_no)).fields as Field[];
  const prefill = await prefillOf(ctx, t, fields);
  const typedErrors = checkAnswers(fields, b.answers, false);
  if (typedErrors.length) throw invalid(typedErrors);
  // A bound field left alone takes the registry's value; one answered differently is a correction.
  const effective: Answers = { ...prefill, ...b.answers };
  const errors = checkAnswers(fields, effective, true);
  if (errors.length) throw invalid(errors);
  const answers = shownAnswers(fields, effective);
  const outside = [
    ...(await referenceErrors(ctx, t, fields, answers)),
    ...(await foreignPhotoErrors(ctx, t, fields, answers)),
  ];
  if (outside.length) throw invalid(outside);
  const corrections = correctionsOf(fields, prefill, b.answers);
  const ok = await repo.updateTask(ctx.tx, t, b.version, {
    status: 'submitted',
    answers: JSON.stringify(answers),
    prefill: JSON.stringify(prefill),
    corrections: JSON.stringify(corrections),
    submitted_at: ctx.now,
    submitted_by: ctx.user!.id,
    updated_at: ctx.now,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'form.submit',
    resourceType: 'form_task',
    resourceId: t.id,
    nodeId: t.target_node_id,
    nodePath: t.target_path,
    detail: { formId: t.form_id, corrections: corrections.map((c) => c.key) },
  });
  await ctx.emit({
    topic: 'form.task_submitted',
    payload: { formId: t.form_id, taskId: t.id, corrections: corrections.length },
    communityId: t.community_id,
  });
  return view(ctx, (await repo.taskById(ctx.tx, id))!, fields, prefill);
}

export async function reopen(ctx: Ctx, id: string, version: number) {
  const t = await repo.taskById(ctx.tx, id);
  if (!t) throw notFound();
  const form = await formFor(ctx, t.form_id, 'own');
  if (t.status === 'registry') throw conflict('form_task_registry');
  if (t.status === 'reopened') throw conflict('form_task_reopened');
  if (t.version !== version) throw conflict('version_conflict');
  if (!(await repo.updateTask(ctx.tx, t, version, { status: 'reopened', updated_at: ctx.now })))
    throw conflict('version_conflict');
  await ctx.audit({
    action: 'form.reopen',
    resourceType: 'form_task',
    resourceId: t.id,
    nodeId: t.target_node_id,
    nodePath: t.target_path,
    detail: { formId: form.id, from: t.status },
  });
  await ctx.emit({
    topic: 'form.task_reopened',
    payload: { formId: form.id, taskId: t.id },
    communityId: t.community_id,
  });
  const target = await org.getNode(ctx.tx, t.target_node_id);
  return summary((await repo.taskById(ctx.tx, id))!, form.title, target?.name ?? '');
}
