/**
 * What the requester gets back: the roll-up up the tree (numbers summed, choices counted, lists
 * concatenated), the XLSX export in the form's column order, and the burden meter. Only the form's
 * requester (or the district overseeing it) reads these.
 */
import { PassThrough } from 'node:stream';
import type { api } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import * as org from '../org/service.ts';
import { cell, exactIn } from '../registry/cells.ts';
import { addDuplicate, addTask, type Counts, MINUTES_PER_FIELD, round, zero } from './burden.ts';
import { formFor } from './designs.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;
type Values = Record<string, unknown>;

/** The latest answered task of each target, with the fields of the form's current version. */
async function answered(ctx: Ctx, formId: string) {
  const form = await formFor(ctx, formId);
  const [tasks, v] = await Promise.all([
    repo.latestAnswers(ctx.tx, formId),
    repo.versionOf(ctx.tx, formId, form.current_version),
  ]);
  // Down the tree (path order): lists concatenate in the order of the places they come from.
  tasks.sort((a, b) => a.target_path.localeCompare(b.target_path));
  return { form, current: v.fields as Field[], tasks };
}

const PEOPLE_COUNTS = new Set(['people', 'tag_count', 'age_count']);

/**
 * The registry's minimum cell size (ADR 0009) for requesters who may see only aggregates at `path`: a bound
 * count of 1–4 people comes back as null, as in the registry's own statistics.
 */
function masked(ctx: Ctx, path: string, fields: readonly Field[], values: Values): Values {
  if (exactIn(ctx, path)) return values;
  const out = { ...values };
  for (const f of fields)
    if (f.binding && PEOPLE_COUNTS.has(f.binding.kind) && typeof out[f.key] === 'number')
      out[f.key] = cell(out[f.key] as number, false);
  return out;
}

/** Adds one answer to a node's accumulated value; lists and counts are the accumulator's own, grown in place. */
function merge(f: Field, acc: unknown, v: unknown): unknown {
  if (v === undefined || v === null) return acc;
  if (f.type === 'number') return ((acc as number | undefined) ?? 0) + (v as number);
  if (f.type === 'choice' || f.type === 'multi_choice') {
    const counts = (acc as Record<string, number> | undefined) ?? {};
    for (const o of Array.isArray(v) ? v : [v]) counts[o as string] = (counts[o as string] ?? 0) + 1;
    return counts;
  }
  // Lists (table rows) and every other value concatenate (pushed: copying would be quadratic in the answers).
  const list = (acc as unknown[] | undefined) ?? [];
  if (f.type === 'table') for (const row of v as unknown[]) list.push(row);
  else list.push(v);
  return list;
}

export async function rollup(ctx: Ctx, formId: string) {
  const { form, current, tasks } = await answered(ctx, formId);
  const ownerDepth = form.owner_path.split('/').filter(Boolean).length;
  const acc = new Map<string, { answered: number; values: Values }>();
  const taskOf = new Map(tasks.map((t) => [t.target_node_id, t.id]));
  for (const t of tasks) {
    // The target and its ancestors down from the requester's node.
    const chain = t.target_path
      .split('/')
      .filter(Boolean)
      .slice(ownerDepth - 1);
    for (const id of chain) {
      const a = acc.get(id) ?? { answered: 0, values: {} };
      a.answered++;
      for (const f of current) a.values[f.key] = merge(f, a.values[f.key], t.answers[f.key]);
      acc.set(id, a);
    }
  }
  const nodes = (await org.getNodes(ctx.tx, [...acc.keys()])).sort((a, b) => a.path.localeCompare(b.path));
  return {
    formId,
    columns: current.map((f) => ({ key: f.key, label: f.label, type: f.type })),
    nodes: nodes.map((n) => ({
      nodeId: n.id,
      name: n.name,
      type: n.type,
      depth: n.path.split('/').filter(Boolean).length - 1,
      answered: acc.get(n.id)!.answered,
      values: masked(ctx, n.path, current, acc.get(n.id)!.values),
      ...(taskOf.has(n.id) ? { taskId: taskOf.get(n.id)! } : {}),
    })),
  };
}

function cellOf(f: Field, v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (f.type === 'number') return v as number;
  if (f.type === 'multi_choice') return (v as string[]).join('、');
  if (f.type === 'location') return `${(v as { lat: number }).lat},${(v as { lng: number }).lng}`;
  if (f.type === 'table')
    return (v as Values[]).map((row) => (f.columns ?? []).map((c) => row[c.key] ?? '').join(' ')).join(';');
  return String(v);
}

/** One row per answered target, columns in the requester's order; written with the streaming writer. */
export async function exportXlsx(ctx: Ctx, formId: string): Promise<Buffer> {
  const { form, current, tasks } = await answered(ctx, formId);
  const names = new Map(
    (await org.getNodes(ctx.tx, [...new Set(tasks.flatMap((t) => [t.target_node_id, t.community_id]))])).map((n) => [
      n.id,
      n.name,
    ]),
  );
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(form.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow(['社区', '填报对象', '提交时间', ...current.map((f) => f.label)]).commit();
  for (const t of tasks) {
    const values = masked(ctx, t.target_path, current, t.answers);
    ws.addRow([
      names.get(t.community_id) ?? '',
      names.get(t.target_node_id) ?? '',
      new Date(t.submitted_at!).toISOString(),
      ...current.map((f) => cellOf(f, values[f.key])),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  await ctx.audit({
    action: 'form.export',
    resourceType: 'form',
    resourceId: formId,
    nodeId: form.owner_node_id,
    nodePath: form.owner_path,
    detail: { rows: tasks.length },
  });
  return Buffer.concat(chunks);
}

async function fieldsByVersion(ctx: Ctx, formIds: string[]) {
  const versions = await repo.versionsOf(ctx.tx, formIds);
  return (formId: string, no: number) =>
    (versions.find((v) => v.form_id === formId && v.version_no === no)?.fields ?? []) as Field[];
}

export async function formBurden(ctx: Ctx, formId: string) {
  const form = await formFor(ctx, formId);
  const [tasks, refusals, fieldsOf] = await Promise.all([
    repo.tasksOfForm(ctx.tx, formId),
    repo.refusalsOf(ctx.tx, [formId]),
    fieldsByVersion(ctx, [formId]),
  ]);
  const total = zero();
  const byCommunity = new Map<string, Counts>();
  for (const t of tasks) {
    const facts = { ...t, fields: fieldsOf(formId, t.version_no) };
    addTask(total, facts);
    const c = byCommunity.get(t.community_id) ?? zero();
    addTask(c, facts);
    byCommunity.set(t.community_id, c);
  }
  const current = fieldsOf(formId, form.current_version);
  for (const _ of refusals) addDuplicate(total, current);
  const names = new Map((await org.getNodes(ctx.tx, [...byCommunity.keys()])).map((n) => [n.id, n.name]));
  return {
    formId,
    total: round(total),
    communities: [...byCommunity].map(([id, c]) => ({ communityId: id, name: names.get(id) ?? '', ...round(c) })),
    minutesPerField: { ...MINUTES_PER_FIELD },
  };
}

/** The district's view: requesters of forms owned in its reach, the most typing they caused first. */
export async function ranking(ctx: Ctx) {
  const scopes = listingScope(ctx.actor, 'form.oversee');
  const forms = await repo.formsUnder(ctx.tx, scopes);
  const ids = forms.map((f) => f.id);
  const [tasks, refusals, fieldsOf] = await Promise.all([
    repo.tasksOfForms(ctx.tx, ids),
    repo.refusalsOf(ctx.tx, ids),
    fieldsByVersion(ctx, ids),
  ]);
  const byUser = new Map<string, { name: string; forms: number; c: Counts }>();
  for (const f of forms) {
    const u = byUser.get(f.created_by) ?? { name: f.created_by_name, forms: 0, c: zero() };
    u.forms++;
    byUser.set(f.created_by, u);
  }
  for (const t of tasks) addTask(byUser.get(t.requester_id)!.c, { ...t, fields: fieldsOf(t.form_id, t.version_no) });
  for (const r of refusals) {
    const f = forms.find((x) => x.id === r.form_id)!;
    addDuplicate(byUser.get(f.created_by)!.c, fieldsOf(f.id, f.current_version));
  }
  const items = [...byUser].map(([id, u]) => ({
    requesterId: id,
    requesterName: u.name,
    forms: u.forms,
    ...round(u.c),
  }));
  items.sort((a, b) => b.minutesSpent - a.minutesSpent || b.typed - a.typed);
  return { items, minutesPerField: { ...MINUTES_PER_FIELD } };
}
