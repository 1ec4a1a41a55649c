/**
 * The delivery job: sends due deliveries, signed, outside any transaction (a receiver that hangs holds no
 * database connection), then records the outcome. A failure is retried with exponential backoff by the
 * injectable clock — 30 s, 1 min, 2 min … capped at 6 h — up to MAX_ATTEMPTS; a subscription whose attempts
 * fail DISABLE_AFTER times in a row is switched off until an admin switches it on again.
 */
import type { Platform } from '../../platform/context.ts';
import { decrypt } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { Job } from '../../platform/modules.ts';
import { postPinned, type Resolver, systemResolver, vetTarget } from './pinned.ts';
import * as repo from './repository.ts';
import { signatureHeader } from './signing.ts';

export const MAX_ATTEMPTS = 8;
export const DISABLE_AFTER = 10;
export const TIMEOUT_MS = 10_000;
const BATCH = 20;

export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 6 * 3600_000);

type Due = Awaited<ReturnType<typeof repo.due>>[number];

export { isPrivateAddress } from './pinned.ts';

async function send(
  p: Platform,
  d: Due,
  timeoutMs: number,
  resolve: Resolver,
): Promise<{ status: number | null; error: string | null }> {
  const t = Math.floor(p.clock.now().getTime() / 1000);
  // Resolved once and checked; the connection goes to this address (no second lookup to rebind).
  const target = await vetTarget(d.url, p.config.webhookPrivateTargets === 'allow', resolve);
  if ('error' in target) return { status: null, error: target.error };
  try {
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Linli-Webhooks/1',
      'linli-event': d.event,
      'linli-delivery': d.id,
      'idempotency-key': d.event_id,
      'linli-signature': signatureHeader(decrypt(p.keys, d.secret_box), t, d.body),
    };
    const res = await postPinned(d.url, target.address, headers, d.body, timeoutMs);
    const ok = res.status >= 200 && res.status < 300;
    return ok ? { status: res.status, error: null } : { status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { status: null, error: (err.code ?? err.message).slice(0, 200) };
  }
}

async function settle(db: Db, p: Platform, d: Due, out: { status: number | null; error: string | null }) {
  const now = p.clock.now();
  await db.transaction().execute(async (tx) => {
    const attempts = d.attempts + 1;
    if (!out.error) {
      await repo.updateDelivery(tx, d.id, {
        status: 'delivered',
        attempts,
        delivered_at: now,
        last_status: out.status,
        last_error: null,
        next_attempt_at: null,
      });
      await repo.updateSubscription(tx, d.subscription_id, null, { consecutive_failures: 0 }, false);
      return;
    }
    const last = attempts >= MAX_ATTEMPTS;
    await repo.updateDelivery(tx, d.id, {
      status: last ? 'failed' : 'pending',
      attempts,
      last_status: out.status,
      last_error: out.error,
      next_attempt_at: last ? null : new Date(now.getTime() + backoffMs(attempts)),
    });
    const sub = await repo.subscription(tx, d.subscription_id);
    if (!sub) return;
    const failures = sub.consecutive_failures + 1;
    const off = failures >= DISABLE_AFTER && sub.active;
    await repo.updateSubscription(
      tx,
      sub.id,
      null,
      {
        consecutive_failures: failures,
        ...(off ? { active: false, disabled_reason: 'failures' } : {}),
      },
      off,
    );
  });
}

/** One round: every due delivery (a batch at a time), sent concurrently within the batch. */
export async function deliverDue(
  db: Db,
  p: Platform,
  timeoutMs = TIMEOUT_MS,
  resolve: Resolver = systemResolver,
): Promise<number> {
  let sent = 0;
  for (let round = 0; round < 50; round++) {
    const batch = await db.transaction().execute((tx) => repo.due(tx, p.clock.now(), BATCH));
    if (batch.length === 0) break;
    const outcomes = await Promise.all(batch.map((d) => send(p, d, timeoutMs, resolve)));
    for (const [i, d] of batch.entries()) await settle(db, p, d, outcomes[i]!);
    sent += batch.length;
  }
  return sent;
}

export const deliveryJob: Job = {
  name: 'webhooks.deliver',
  everyMs: 5_000,
  run: (db, p) => deliverDue(db, p).then(() => {}),
};
