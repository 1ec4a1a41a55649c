import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { adapterFor, type MessageAdapter } from './adapter.ts';
import * as repo from './repository.ts';
import { renderText } from './templates.ts';

/** After this many failed attempts a message stays unsent (with its last error) for an operator to look at. */
export const MAX_ATTEMPTS = 10;
/** How long a claimed message is kept from other drainers while it is being sent. */
export const LEASE_MS = 5 * 60_000;
const BATCH = 50;

/** Wait before the next attempt after the n-th failure: 30 s, 1 min, 2 min, … at most an hour. */
export const backoffMs = (failures: number): number => Math.min(30_000 * 2 ** (failures - 1), 3_600_000);

/**
 * Sends due outbound messages through `adapter`, one batch at a time: each is claimed (FOR UPDATE SKIP
 * LOCKED, leased), sent outside any transaction, then marked sent or given its error and a backoff.
 * At-least-once: a drainer that dies mid-send leaves its messages to be sent again after the lease.
 */
export async function drainOutbound(db: Db, p: Platform, adapter: MessageAdapter) {
  let sent = 0;
  let failed = 0;
  for (let round = 0; round < 20; round++) {
    const now = p.clock.now();
    const batch = await repo.claimDue(db, now, new Date(now.getTime() + LEASE_MS), BATCH, MAX_ATTEMPTS);
    for (const m of batch) {
      const params = (m.params ?? {}) as Record<string, string | number>;
      try {
        await adapter.send({
          id: m.id,
          channel: m.channel,
          userId: m.user_id,
          phone: m.phone,
          template: m.template,
          params,
          text: renderText(m.template, params, 'zh-CN'),
          attempts: m.attempts,
        });
        await repo.markSent(db, m.id, p.clock.now());
        sent++;
      } catch (e) {
        const failures = m.attempts + 1;
        const retryAt = new Date(p.clock.now().getTime() + backoffMs(failures));
        await repo.markFailed(db, m.id, failures, retryAt, e instanceof Error ? e.message : String(e));
        failed++;
      }
    }
    if (batch.length < BATCH) break;
  }
  return { sent, failed };
}

/** The background job: drains through the configured adapter; `LINLI_SMS_ADAPTER=none` leaves everything queued. */
export async function runOutboundJob(db: Db, p: Platform): Promise<void> {
  const adapter = adapterFor(p.config);
  if (adapter) await drainOutbound(db, p, adapter);
}
