/** Sending a form version to communities and grids, and the completion board of its targets. */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { boundValues } from '../registry/form-bindings.ts';
import { formFor, invalid } from './designs.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;
const TARGET_TYPES = new Set(['community', 'grid']);

export async function send(ctx: Ctx, id: string, b: api.forms.SendBodyT) {
  const form = await formFor(ctx, id, 'own');
  if (form.version !== b.version) throw conflict('version_conflict');
  const deadline = new Date(b.deadline);
  if (deadline.getTime() <= ctx.now.getTime()) throw badRequest('form_deadline_past', '/deadline');
  const ids = [...new Set(b.targetNodeIds)];
  const nodes = new Map((await org.getNodes(ctx.tx, ids)).map((n) => [n.id, n]));
  const errors: { path: string; code: string }[] = [];
  b.targetNodeIds.forEach((t, i) => {
    const n = nodes.get(t);
    // Outside the sender's reach is "no such node" (no existence oracle).
    if (!n || !ctx.can('form.design', n.path)) errors.push({ path: `/targetNodeIds/${i}`, code: 'node_not_found' });
    else if (!TARGET_TYPES.has(n.type)) errors.push({ path: `/targetNodeIds/${i}`, code: 'form_target_type' });
    // A grid and its community in one send would be counted twice in the roll-up.
    else if ([...nodes.values()].some((o) => o.id !== n.id && ids.includes(o.id) && n.path.startsWith(o.path)))
      errors.push({ path: `/targetNodeIds/${i}`, code: 'form_target_overlap' });
  });
  if (errors.length) throw invalid(errors);
  // A target's community: the community node on its path.
  const onPaths = await org.getNodes(ctx.tx, [
    ...new Set([...nodes.values()].flatMap((n) => n.path.split('/').filter(Boolean))),
  ]);
  const communityOf = (path: string) => onPaths.find((c) => c.type === 'community' && path.startsWith(c.path))!.id;
  const v = await repo.versionOf(ctx.tx, id, form.current_version);
  const fields = v.fields as Field[];

  const open = await repo.openDuplicates(ctx.tx, v.fingerprint, ids);
  if (open.length) {
    // Kept with the refusal (the 409 commits): the burden meter counts the request that did not reach anyone.
    await repo.insertRefusals(
      ctx.tx,
      open.map((o) => ({
        id: randomUUID(),
        form_id: id,
        target_node_id: o.target_node_id,
        requester_id: ctx.user!.id,
        refused_at: ctx.now,
      })),
    );
    const dup = new Set(open.map((o) => o.target_node_id));
    throw new AppError(
      409,
      'form_duplicate_open',
      { count: dup.size },
      b.targetNodeIds.flatMap((t, i) =>
        dup.has(t) ? [{ path: `/targetNodeIds/${i}`, code: 'form_duplicate_open' }] : [],
      ),
      true,
    );
  }

  const allBound = fields.every((f) => f.binding);
  const sendId = randomUUID();
  await repo.insertSend(ctx.tx, {
    id: sendId,
    form_id: id,
    version_no: v.version_no,
    deadline,
    sent_by: ctx.user!.id,
    sent_at: ctx.now,
  });
  await repo.markSent(ctx.tx, id, v.version_no);
  const rows = [];
  for (const t of ids) {
    const n = nodes.get(t)!;
    const communityId = communityOf(n.path);
    // Reports from the registry: a form the registry answers completely needs no one to fill it.
    const values = allBound ? await boundValues(ctx.tx, ctx.now, { communityId, path: n.path }, fields) : {};
    rows.push({
      community_id: communityId,
      id: randomUUID(),
      send_id: sendId,
      form_id: id,
      version_no: v.version_no,
      fingerprint: v.fingerprint,
      requester_id: form.created_by,
      target_node_id: t,
      target_path: n.path,
      deadline,
      status: allBound ? 'registry' : 'open',
      prefill: JSON.stringify(values),
      answers: JSON.stringify(values),
      submitted_at: allBound ? ctx.now : null,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  await repo.insertTasks(ctx.tx, rows);
  await ctx.audit({
    action: 'form.send',
    resourceType: 'form',
    resourceId: id,
    nodeId: form.owner_node_id,
    nodePath: form.owner_path,
    detail: { sendId, versionNo: v.version_no, targets: ids.length, registryAnswered: allBound },
  });
  // One event per send as well: its fillers are notified once per person, not once per task (notify.ts).
  await ctx.emit({ topic: 'form.sent', payload: { formId: id, sendId, tasks: rows.length } });
  for (const r of rows)
    await ctx.emit({
      topic: 'form.task_created',
      payload: { formId: id, taskId: r.id, targetNodeId: r.target_node_id, status: r.status },
      communityId: r.community_id,
    });
  return {
    sendId,
    versionNo: v.version_no,
    tasks: rows.map((r) => ({
      taskId: r.id,
      targetNodeId: r.target_node_id,
      targetName: nodes.get(r.target_node_id)!.name,
      status: r.status as 'open' | 'registry',
    })),
  };
}

export async function board(ctx: Ctx, id: string) {
  await formFor(ctx, id);
  const tasks = await repo.tasksOfForm(ctx.tx, id);
  const names = new Map(
    (await org.getNodes(ctx.tx, [...new Set(tasks.flatMap((t) => [t.target_node_id, t.community_id]))])).map((n) => [
      n.id,
      n.name,
    ]),
  );
  const items = tasks.map((t) => {
    const pending = t.status === 'open' || t.status === 'reopened';
    return {
      taskId: t.id,
      targetNodeId: t.target_node_id,
      targetName: names.get(t.target_node_id) ?? '',
      communityName: names.get(t.community_id) ?? '',
      versionNo: t.version_no,
      status: t.status as api.forms.TaskStatus,
      deadline: new Date(t.deadline).toISOString(),
      overdue: pending && new Date(t.deadline).getTime() < ctx.now.getTime(),
      submittedAt: t.submitted_at ? new Date(t.submitted_at).toISOString() : null,
    };
  });
  const open = items.filter((x) => x.status === 'open' || x.status === 'reopened');
  return {
    items,
    totals: {
      targets: items.length,
      done: items.length - open.length,
      open: open.length,
      overdue: open.filter((x) => x.overdue).length,
    },
  };
}
