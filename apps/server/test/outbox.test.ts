import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSubscriber } from '../src/platform/modules.ts';
import { dispatchPending } from '../src/platform/outbox/dispatcher.ts';
import { createTestApp, type TestApp } from '../src/testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = { items: { id: string; version: number; name: string }[] };

describe('domain events (outbox)', () => {
  it('records an event with each write, in the same transaction, and delivers it once', async () => {
    const sec = await t.as('13800000003');
    const queue = await sec.get<Page>('/api/join-applications?status=pending');
    const app = queue.body.items[0]!;
    await t.dispatch(); // clear anything pending from before

    const seen: Record<string, unknown>[] = [];
    const sub: EventSubscriber = {
      topic: 'join.application.approved',
      name: 'test',
      handle: async (_tx, payload) => {
        seen.push(payload);
      },
    };
    const res = await sec.post(`/api/join-applications/${app.id}/approve`, { version: app.version });
    expect(res.status).toBe(200);
    const pending = await sql<{ topic: string }>`SELECT topic FROM outbox WHERE published_at IS NULL`.execute(
      t.database.db,
    );
    expect(pending.rows.map((r) => r.topic)).toContain('join.application.approved');

    expect(await dispatchPending(t.database.db, t.platform, [sub])).toBeGreaterThan(0);
    expect(seen).toEqual([expect.objectContaining({ id: app.id })]);
    expect(await dispatchPending(t.database.db, t.platform, [sub])).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('writes no event (and no audit entry) when the request fails', async () => {
    const sec = await t.as('13800000003');
    const queue = await sec.get<Page>('/api/join-applications?status=pending');
    const app = queue.body.items[0]!;
    const count = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox`.execute(t.database.db)).rows[0]!.n);
    const before = await count();
    const stale = await sec.post(`/api/join-applications/${app.id}/approve`, { version: app.version + 5 });
    expect(stale.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('keeps a failing subscriber’s event for retry and records the error', async () => {
    const sec = await t.as('13800000003');
    const queue = await sec.get<Page>('/api/join-applications?status=pending');
    const app = queue.body.items[0]!;
    await sec.post(`/api/join-applications/${app.id}/reject`, { version: app.version, reason: '地址与房产登记不符' });
    const failing: EventSubscriber = {
      topic: 'join.application.rejected',
      name: 'failing',
      handle: async () => {
        throw new Error('mail server down');
      },
    };
    await dispatchPending(t.database.db, t.platform, [failing]);
    const row = await sql<{ attempts: number; last_error: string; published_at: Date | null }>`
      SELECT attempts, last_error, published_at FROM outbox WHERE topic = 'join.application.rejected'`.execute(
      t.database.db,
    );
    expect(row.rows[0]).toMatchObject({ attempts: 1, published_at: null });
    expect(row.rows[0]!.last_error).toContain('mail server down');

    // Not retried before its backoff has passed; retried (and delivered) after it.
    const ok: EventSubscriber = { ...failing, handle: async () => {} };
    await dispatchPending(t.database.db, t.platform, [ok]);
    const still = await sql<{ published_at: Date | null }>`
      SELECT published_at FROM outbox WHERE topic = 'join.application.rejected'`.execute(t.database.db);
    expect(still.rows[0]!.published_at).toBeNull();
    t.clock.advanceMinutes(1);
    await dispatchPending(t.database.db, t.platform, [ok]);
    const done = await sql<{ published_at: Date | null }>`
      SELECT published_at FROM outbox WHERE topic = 'join.application.rejected'`.execute(t.database.db);
    expect(done.rows[0]!.published_at).not.toBeNull();
  });
});
