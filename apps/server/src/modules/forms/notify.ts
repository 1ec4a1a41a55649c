/**
 * Who fills a task and who hears about it (docs/adr/0015-data-collection-forms.md, "Follow-up"): a send
 * notifies each target's fillers once per user (a worker of two grids gets one notice with the count), a
 * submission with corrections notifies the community's cadres who confirm them.
 */
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import { notify, usersWithRoleOver } from '../notifications/service.ts';
import * as org from '../org/service.ts';
import * as followup from './followup-repository.ts';
import * as repo from './repository.ts';

const COMMITTEE = ['community_secretary', 'committee_member'] as const;

/**
 * The fillers of a task's target: its grid's workers for a grid; the committee (and any worker granted at the
 * community) for a community. Not everyone holding `form.fill` above: the district admin has the committee's
 * powers everywhere, and a committee of ten should not hear about every grid's task.
 */
export function fillersOf(tx: Db, t: { community_id: string; target_node_id: string; target_path: string }) {
  const community = t.target_node_id === t.community_id;
  return usersWithRoleOver(tx, community ? [...COMMITTEE, 'grid_worker'] : ['grid_worker'], t.target_path);
}

/** The cadres who confirm a community's corrections: its committee (registry write at the community). */
export const cadresOf = (tx: Db, communityPath: string) => usersWithRoleOver(tx, COMMITTEE, communityPath);

export interface Grouped {
  userId: string;
  communityId: string;
  formId: string;
  title: string;
  taskIds: string[];
  due: Date;
}

/** One entry per user and form: the tasks of theirs among `tasks`, the earliest deadline. */
export async function byFiller(
  tx: Db,
  tasks: readonly followup.DueTask[],
): Promise<{ groups: Grouped[]; recipients: Map<string, number> }> {
  const groups = new Map<string, Grouped>();
  const recipients = new Map<string, number>();
  // Many tasks share a target (several forms sent to the same grids): look each target up once.
  const known = new Map<string, string[]>();
  for (const t of tasks) {
    const k = `${t.target_node_id}|${t.community_id}`;
    const users = known.get(k) ?? (await fillersOf(tx, t));
    known.set(k, users);
    recipients.set(t.id, users.length);
    for (const u of users) {
      const k = `${u}|${t.form_id}`;
      const g = groups.get(k);
      const due = new Date(t.deadline);
      if (!g)
        groups.set(k, {
          userId: u,
          communityId: t.community_id,
          formId: t.form_id,
          title: t.title,
          taskIds: [t.id],
          due,
        });
      else {
        g.taskIds.push(t.id);
        if (due < g.due) g.due = due;
      }
    }
  }
  return { groups: [...groups.values()], recipients };
}

/** Where a filler opens their task(s) on the phone. */
export const taskLink = (taskIds: readonly string[]) =>
  taskIds.length === 1 ? `/form-tasks/${taskIds[0]}` : '/form-tasks';

export const formSentSubscriber: EventSubscriber = {
  topic: 'form.sent',
  name: 'forms.notify-assigned',
  async handle(tx, payload, p) {
    const tasks = await followup.openTasksOfSend(tx, String(payload.sendId));
    const { groups } = await byFiller(tx, tasks);
    for (const g of groups)
      await notify(tx, p.clock.now(), {
        userIds: [g.userId],
        kind: 'form.assigned',
        params: { title: g.title, count: g.taskIds.length, due: g.due.toISOString() },
        link: taskLink(g.taskIds),
        communityId: g.communityId,
      });
  },
};

/** A task the requester reopened (退回) goes back to its fillers. */
export const reopenedSubscriber: EventSubscriber = {
  topic: 'form.task_reopened',
  name: 'forms.notify-reopened',
  async handle(tx, payload, p) {
    const t = await repo.taskById(tx, String(payload.taskId));
    if (t?.status !== 'reopened') return;
    const [target, form] = await Promise.all([org.getNode(tx, t.target_node_id), repo.formById(tx, t.form_id)]);
    await notify(tx, p.clock.now(), {
      userIds: await fillersOf(tx, t),
      kind: 'form.reopened',
      params: { title: form?.title ?? '', target: target?.name ?? '' },
      link: `/form-tasks/${t.id}`,
      communityId: t.community_id,
    });
  },
};

export const correctionsSubscriber: EventSubscriber = {
  topic: 'form.task_submitted',
  name: 'forms.notify-corrections',
  async handle(tx, payload, p) {
    if (!Number(payload.corrections)) return;
    const t = await repo.taskById(tx, String(payload.taskId));
    if (t?.status !== 'submitted') return;
    const [community, target, form] = await Promise.all([
      org.getNode(tx, t.community_id),
      org.getNode(tx, t.target_node_id),
      repo.formById(tx, t.form_id),
    ]);
    if (!community || !form) return;
    await notify(tx, p.clock.now(), {
      userIds: await cadresOf(tx, community.path),
      kind: 'form.corrections',
      params: { title: form.title, target: target?.name ?? '', count: t.corrections.length },
      link: '/console/form-corrections',
      communityId: t.community_id,
    });
  },
};
