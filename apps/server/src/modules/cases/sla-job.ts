/**
 * The SLA engine. Every save schedules two outbox events for the current stage — yellow at the share of the
 * limit the category sets, red just after the due time — and the dispatcher delivers them when the clock
 * reaches them, so a restart loses none. A delivery whose stage has moved on does nothing; otherwise the
 * holder and their supervisor are notified once per colour, and a missed acceptance moves the case one tier
 * up when the category says so.
 */
import { cases } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import type { EventSubscriber } from '../../platform/modules.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { notify } from '../notifications/service.ts';
import { holdersOf, supervisorsOf } from './holders.ts';
import { paramsOf } from './notify-rules.ts';
import * as repo from './repository.ts';
import { categoryInfo, SLA_TOPIC, saveState } from './store.ts';

interface SlaPayload {
  caseId: string;
  communityId: string;
  dueAt: string;
  colour: 'yellow' | 'red';
}

const AUTO_ESCALATE_NOTE = '超过签收时限未签收，系统自动上报';

export async function handleSla(tx: Db, payload: SlaPayload, now: Date): Promise<void> {
  const row = await repo.rowById(tx, payload.caseId);
  if (!row || row.due_at?.toISOString() !== payload.dueAt) return; // the stage moved on
  if (row.sla_notified === 'red' || (row.sla_notified === 'yellow' && payload.colour === 'yellow')) return;
  const state = await repo.stateOf(tx, row);
  const env = { tx, now, emit: (e: Parameters<typeof emitEvent>[2]) => emitEvent(tx, now, e) };
  const params = await paramsOf(tx, row);
  if (payload.colour === 'red' && row.sla_stage === 'accept') {
    const cat = await categoryInfo(tx, row.category_id);
    const after = cat?.autoEscalate ? cases.autoEscalate(state, now, AUTO_ESCALATE_NOTE) : null;
    if (after) {
      await repo.markSlaNotified(tx, row, 'red'); // counts the miss; the new stage starts unnotified
      await saveState(env, row, state, after, { topic: 'case.autoEscalate' });
      const userIds = [...(await holdersOf(tx, after)), ...(await supervisorsOf(tx, state))];
      await notify(tx, now, {
        userIds,
        kind: 'case.auto_escalated',
        params,
        link: `/console/cases/${row.id}`,
        communityId: row.community_id,
        sms: true,
      });
      return;
    }
  }
  await repo.markSlaNotified(tx, row, payload.colour);
  const holders = await holdersOf(tx, state);
  const userIds = payload.colour === 'red' ? [...holders, ...(await supervisorsOf(tx, state))] : holders;
  await notify(tx, now, {
    userIds,
    kind: payload.colour === 'red' ? 'case.sla_red' : 'case.sla_yellow',
    params: { ...params, due: payload.dueAt },
    link: `/console/cases/${row.id}`,
    communityId: row.community_id,
    sms: payload.colour === 'red',
  });
}

export const slaSubscriber: EventSubscriber = {
  topic: SLA_TOPIC,
  name: 'cases.sla',
  handle: (tx, payload, p) => handleSla(tx, payload as unknown as SlaPayload, p.clock.now()),
};
