import { sql } from 'kysely';
import type { Platform } from '../context.ts';
import type { Db } from '../db/engine.ts';
import type { EventSubscriber } from '../modules.ts';

const MAX_ATTEMPTS = 10;

/**
 * Delivers committed domain events to in-process subscribers, one event per transaction, so a
 * subscriber's writes commit together with the event being marked published (at-least-once).
 */
export async function dispatchPending(db: Db, p: Platform, subscribers: readonly EventSubscriber[]): Promise<number> {
  let delivered = 0;
  let after = '0';
  const now = p.clock.now();
  for (let i = 0; i < 500; i++) {
    const done = await db.transaction().execute(async (tx) => {
      const row = await sql<{ id: string; topic: string; payload: Record<string, unknown>; attempts: number }>`
        SELECT id, topic, payload, attempts FROM outbox
        WHERE published_at IS NULL AND attempts < ${MAX_ATTEMPTS} AND available_at <= ${now} AND id > ${after}
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`
        .execute(tx)
        .then((r) => r.rows[0]);
      if (!row) return false;
      after = row.id;
      try {
        for (const s of subscribers) if (s.topic === row.topic) await s.handle(tx, row.payload, p);
        await tx.updateTable('outbox').set({ published_at: p.clock.now() }).where('id', '=', row.id).execute();
      } catch (e) {
        // Leave the event for a later attempt; record why so operators can see it.
        await tx
          .updateTable('outbox')
          .set({
            attempts: row.attempts + 1,
            available_at: new Date(now.getTime() + 2 ** row.attempts * 5_000),
            last_error: String(e).slice(0, 500),
          })
          .where('id', '=', row.id)
          .execute();
      }
      return true;
    });
    if (!done) break;
    delivered++;
  }
  return delivered;
}
