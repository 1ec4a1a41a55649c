/**
 * Deadline reminders on the injected clock, and the requester's manual reminder (催办): a day before the
 * deadline and on its morning the fillers of tasks still open hear once per stage (claimed in form_reminder
 * before the notice goes out, so two servers never both send it); after the deadline the requester hears
 * which targets are overdue, one notice per form.
 */
import { randomUUID } from 'node:crypto';
import { api } from '@linli/contracts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Ctx, Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Job } from '../../platform/modules.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { notify } from '../notifications/service.ts';
import * as org from '../org/service.ts';
import { formFor } from './designs.ts';
import * as followup from './followup-repository.ts';
import { byFiller, fillersOf, taskLink } from './notify.ts';
import * as repo from './repository.ts';

const CHINA = 8 * 3_600_000;
/** Midnight (China time) of the day `now` falls on, as an instant. */
const chinaDayStart = (now: Date) => new Date(Math.floor((now.getTime() + CHINA) / 86_400_000) * 86_400_000 - CHINA);
const SYSTEM = { actorId: null, actorName: '系统', actorRole: null, ip: null, requestId: null };
const NAMES_SHOWN = 5;

async function auditStage(tx: Db, now: Date, stage: followup.Stage, tasks: followup.DueTask[]) {
  const forms = new Map<string, followup.DueTask[]>();
  for (const t of tasks) forms.set(t.form_id, [...(forms.get(t.form_id) ?? []), t]);
  for (const [formId, ts] of forms) {
    await writeAudit(
      tx,
      { at: now, ...SYSTEM },
      {
        action: 'form.remind',
        resourceType: 'form',
        resourceId: formId,
        detail: { stage, tasks: ts.map((t) => t.id) },
      },
    );
    await emitEvent(tx, now, { topic: 'form.reminded', payload: { formId, stage, tasks: ts.length } });
  }
}

/** Fillers of tasks due at a before-deadline stage: one notice per user and form. */
async function remindFillers(db: Db, now: Date, stage: 'before_24h' | 'due_day'): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await followup.dueForStage(tx, stage, now, chinaDayStart(now));
    if (due.length === 0) return 0;
    const { groups, recipients } = await byFiller(tx, due);
    const claimed = await followup.claimStage(
      tx,
      due.map((t) => ({ community_id: t.community_id, task_id: t.id, recipients: recipients.get(t.id) ?? 0 })),
      stage,
      now,
    );
    const mine = due.filter((t) => claimed.has(t.id));
    for (const g of groups) {
      const ids = g.taskIds.filter((id) => claimed.has(id));
      if (ids.length === 0) continue;
      await notify(tx, now, {
        userIds: [g.userId],
        kind: 'form.reminder',
        params: { title: g.title, count: ids.length, due: g.due.toISOString() },
        link: taskLink(ids),
        communityId: g.communityId,
        sms: stage === 'due_day',
      });
    }
    await auditStage(tx, now, stage, mine);
    return mine.length;
  });
}

/** Requesters of tasks past their deadline: which targets are overdue, one notice per form. */
async function tellRequesters(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await followup.dueForStage(tx, 'overdue', now, chinaDayStart(now));
    const claimed = await followup.claimStage(
      tx,
      due.map((t) => ({ community_id: t.community_id, task_id: t.id, recipients: 1 })),
      'overdue',
      now,
    );
    const mine = due.filter((t) => claimed.has(t.id));
    if (mine.length === 0) return 0;
    const names = new Map(
      (await org.getNodes(tx, [...new Set(mine.map((t) => t.target_node_id))])).map((n) => [n.id, n.name]),
    );
    const forms = new Map<string, followup.DueTask[]>();
    for (const t of mine) forms.set(t.form_id, [...(forms.get(t.form_id) ?? []), t]);
    for (const [formId, ts] of forms) {
      const shown = ts.slice(0, NAMES_SHOWN).map((t) => names.get(t.target_node_id) ?? '');
      await notify(tx, now, {
        userIds: [ts[0]!.requester_id],
        kind: 'form.overdue',
        params: {
          title: ts[0]!.title,
          count: ts.length,
          targets: ts.length > NAMES_SHOWN ? `${shown.join('、')} …` : shown.join('、'),
        },
        link: `/console/collection?form=${formId}`,
      });
    }
    await auditStage(tx, now, 'overdue', mine);
    return mine.length;
  });
}

/** One pass: every stage due now (a long outage catches up; each stage is sent once per task). */
export async function remindDue(db: Db, p: Platform): Promise<number> {
  const now = p.clock.now();
  return (
    // The morning of the deadline first: when both are due at once (after an outage) only it is sent.
    (await remindFillers(db, now, 'due_day')) +
    (await remindFillers(db, now, 'before_24h')) +
    (await tellRequesters(db, now))
  );
}

export const reminderJob: Job = {
  name: 'forms.reminders',
  everyMs: 60_000,
  run: (db, p) => remindDue(db, p).then(() => undefined),
};

const PENDING = new Set(['open', 'reopened']);
const INTERVAL = api.formFollowup.URGE_INTERVAL_MINUTES * 60_000;

/** The requester reminds a target's fillers (催办), at most once an hour per task (429 otherwise). */
export async function urge(ctx: Ctx, taskId: string) {
  const t = await repo.taskById(ctx.tx, taskId);
  if (!t) throw notFound();
  const form = await formFor(ctx, t.form_id, 'own');
  if (!PENDING.has(t.status)) throw conflict('form_task_not_open');
  await followup.lockTask(ctx.tx, t);
  const last = await followup.lastUrge(ctx.tx, t);
  if (last && ctx.now.getTime() - last.getTime() < INTERVAL) {
    const next = new Date(last.getTime() + INTERVAL);
    throw new AppError(429, 'form_urge_too_soon', {
      minutes: Math.ceil((next.getTime() - ctx.now.getTime()) / 60_000),
    });
  }
  const users = await fillersOf(ctx.tx, t);
  await followup.insertUrge(ctx.tx, {
    community_id: t.community_id,
    id: randomUUID(),
    task_id: t.id,
    urged_by: ctx.user!.id,
    urged_at: ctx.now,
    recipients: users.length,
  });
  const target = await org.getNode(ctx.tx, t.target_node_id);
  await notify(ctx.tx, ctx.now, {
    userIds: users,
    kind: 'form.urged',
    params: {
      title: form.title,
      target: target?.name ?? '',
      by: ctx.user!.name,
      due: new Date(t.deadline).toISOString(),
    },
    link: `/form-tasks/${t.id}`,
    communityId: t.community_id,
    sms: true,
  });
  await ctx.audit({
    action: 'form.urge',
    resourceType: 'form_task',
    resourceId: t.id,
    nodeId: t.target_node_id,
    nodePath: t.target_path,
    detail: { formId: t.form_id, recipients: users.length },
  });
  await ctx.emit({
    topic: 'form.task_urged',
    payload: { formId: t.form_id, taskId: t.id, recipients: users.length },
    communityId: t.community_id,
  });
  return {
    taskId: t.id,
    recipients: users.length,
    urgedAt: ctx.now.toISOString(),
    nextAllowedAt: new Date(ctx.now.getTime() + INTERVAL).toISOString(),
  };
}
