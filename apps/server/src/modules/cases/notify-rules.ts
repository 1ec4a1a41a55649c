/**
 * Who hears about what (事事有回应): each workflow event notifies the people who must act next or who
 * are waiting for news. Reporters hear about their own case; staff about work arriving in their inbox.
 */
import type { cases } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import * as categories from '../categories/service.ts';
import type { NotificationKind } from '../notifications/service.ts';
import { notify } from '../notifications/service.ts';
import * as org from '../org/service.ts';
import { departmentStaffOf, holdersOf } from './holders.ts';
import * as repo from './repository.ts';

export async function paramsOf(tx: Db, row: repo.CaseRow): Promise<Record<string, string>> {
  const [cat, nodes] = await Promise.all([
    categories.getCategory(tx, row.category_id),
    org.getNodes(tx, [row.community_id, row.place_id]),
  ]);
  const name = new Map(nodes.map((n) => [n.id, n.name]));
  const place =
    row.place_id === row.community_id
      ? name.get(row.community_id)
      : `${name.get(row.community_id)} ${name.get(row.place_id)}`;
  return { no: row.no, category: cat?.name ?? '', categoryEn: cat?.nameEn ?? '', place: place ?? '' };
}

type Audience = 'reporters' | 'holders' | 'departments';
interface Rule {
  kind: NotificationKind;
  to: Audience[];
  sms?: boolean;
  /** Only when the command's details say so (e.g. a check that passed). */
  when?: (s: cases.CaseState) => boolean;
}

const lastEntry = (s: cases.CaseState) => s.timeline.at(-1)!;

const RULES: Record<string, Rule[]> = {
  'case.created': [{ kind: 'case.created', to: ['holders'] }],
  'case.accept': [{ kind: 'case.accepted', to: ['reporters'] }],
  'case.resolve': [{ kind: 'case.resolved', to: ['reporters'], sms: true }],
  'case.check': [
    { kind: 'case.resolved', to: ['reporters'], sms: true, when: (s) => lastEntry(s).data.passed === true },
    { kind: 'case.returned', to: ['holders'], when: (s) => lastEntry(s).data.passed === false },
  ],
  'case.escalate': [{ kind: 'case.escalated', to: ['holders'] }],
  'case.sendBack': [{ kind: 'case.sent_back', to: ['holders'] }],
  'case.dispatch': [{ kind: 'case.dispatched', to: ['departments'], sms: true }],
  'case.returnAssignment': [{ kind: 'case.returned', to: ['holders'] }],
  'case.handle': [{ kind: 'case.needs_check', to: ['holders'], when: (s) => s.status === 'checking' }],
  'case.urge': [{ kind: 'case.urged', to: ['holders'], sms: true }],
  'case.summon': [{ kind: 'case.summoned', to: ['departments'], sms: true }],
  'case.reopen': [{ kind: 'case.reopened', to: ['holders'] }],
  'case.rate': [{ kind: 'case.rated', to: ['holders'] }],
  'case.close': [{ kind: 'case.closed', to: ['reporters'] }],
  'case.merge': [{ kind: 'case.merged', to: ['reporters'] }],
};

async function audience(tx: Db, s: cases.CaseState, who: Audience, topic: string): Promise<string[]> {
  if (who === 'reporters') return s.reporterIds;
  if (who === 'holders') return holdersOf(tx, s);
  const entry = lastEntry(s);
  const ids =
    topic === 'case.summon'
      ? (entry.data.departmentIds as string[])
      : ((entry.data.assignments as { departmentId: string }[] | undefined) ?? []).map((a) => a.departmentId);
  return departmentStaffOf(tx, s, ids);
}

async function deliver(tx: Db, topic: string, payload: Record<string, unknown>, at: Date): Promise<void> {
  const row = await repo.rowById(tx, String(payload.caseId));
  if (!row) return;
  const state = await repo.stateOf(tx, row);
  // Events are delivered after later commands may have run: judge by the entry this event recorded.
  const version = Number(payload.version);
  const timeline = state.timeline.filter((e) => e.version <= version);
  const asOf = { ...state, timeline, status: timeline.at(-1)?.toStatus ?? state.status };
  const actor = String(payload.actorId ?? '');
  const params = await paramsOf(tx, row);
  for (const rule of RULES[topic] ?? []) {
    if (rule.when && !rule.when(asOf)) continue;
    const userIds = new Set<string>();
    for (const who of rule.to) for (const u of await audience(tx, asOf, who, topic)) if (u !== actor) userIds.add(u);
    const staff = !rule.to.includes('reporters');
    await notify(tx, at, {
      userIds: [...userIds],
      kind: rule.kind,
      params,
      link: staff ? `/console/cases/${row.id}` : `/cases/${row.id}`,
      communityId: row.community_id,
      sms: rule.sms ?? false,
    });
  }
}

export const notificationSubscribers: EventSubscriber[] = Object.keys(RULES).map((topic) => ({
  topic,
  name: `cases.notify.${topic}`,
  handle: (tx, payload, p) => deliver(tx, topic, payload, p.clock.now()),
}));
