import { api } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { logAdapter, type MessageAdapter, type OutboundMessage } from '../src/modules/notifications/adapter.ts';
import { backoffMs, drainOutbound, runOutboundJob } from '../src/modules/notifications/drain.ts';
import { type NotifyInput, notify, usersWithRoleOver } from '../src/modules/notifications/service.ts';
import { renderText } from '../src/modules/notifications/templates.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

interface Item {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  communityId: string | null;
  at: string;
  readAt: string | null;
  text: string;
}
type ListPage = { items: Item[]; nextCursor: string | null };

let t: TestApp;
let resident: TestClient;
let secretary: TestClient;
const uid: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  const r = await sql<{ id: string; phone: string }>`SELECT id, phone FROM app_user`.execute(t.database.db);
  for (const u of r.rows) uid[u.phone] = u.id;
  resident = await signIn(t, PHONES.residentA);
  secretary = await signIn(t, PHONES.secretaryA);
});
afterAll(() => t.close());

const CASE = { no: '2026112400012', category: '漏水渗水', categoryEn: 'Leaks', place: '银杏社区 3号楼' };
const send = (n: Partial<NotifyInput> & Pick<NotifyInput, 'userIds'>) =>
  t.database.db
    .transaction()
    .execute((tx) => notify(tx, t.clock.now(), { kind: 'case.accepted', params: CASE, link: '/cases/x', ...n }));
const list = async (c: TestClient, q = '') => {
  const res = await c.get<ListPage>(`/api/notifications${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const unread = async (c: TestClient) => (await c.get<{ count: number }>('/api/notifications/unread-count')).body.count;
const outbound = async () =>
  (
    await sql<{
      id: string;
      phone: string;
      template: string;
      attempts: number;
      sent_at: Date | null;
      last_error: string;
    }>`
      SELECT id, phone, template, attempts, sent_at, last_error FROM outbound_message ORDER BY id`.execute(
      t.database.db,
    )
  ).rows;

describe('notifications', () => {
  it('shows each user only their own notifications, newest first, with a sentence in their language', async () => {
    await send({ userIds: [uid[PHONES.residentA]!, uid[PHONES.secretaryA]!], communityId: null });
    t.clock.advanceMinutes(1);
    await send({
      userIds: [uid[PHONES.secretaryA]!],
      kind: 'case.sla_yellow',
      params: { ...CASE, due: '2026-11-26T09:30:00Z' },
    });

    const mine = await list(resident);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'case.accepted',
      params: CASE,
      link: '/cases/x',
      readAt: null,
      text: '您的诉求 2026112400012（漏水渗水）已被签收',
    });
    const theirs = await list(secretary);
    expect(theirs.items.map((i) => i.kind)).toEqual(['case.sla_yellow', 'case.accepted']);
    // Due times read as Beijing time.
    expect(theirs.items[0]!.text).toBe('诉求 2026112400012（漏水渗水）即将超时（截止 2026-11-26 17:30）');

    resident.lang = 'en';
    try {
      expect((await list(resident)).items[0]!.text).toBe('Your case 2026112400012 (Leaks) was accepted');
    } finally {
      resident.lang = 'zh-CN';
    }
    expect(await unread(resident)).toBe(1);
    expect(await unread(secretary)).toBe(2);
  });

  it('writes one notification per distinct existing user and ignores unknown ones', async () => {
    const grid = uid[PHONES.gridWorkerA1]!;
    await send({ userIds: [grid, grid, '00000000-0000-4000-8000-000000000000'], kind: 'case.escalated' });
    const c = await signIn(t, PHONES.gridWorkerA1);
    expect((await list(c)).items).toHaveLength(1);
    await send({ userIds: [] });
  });

  it('pages with a cursor and filters unread', async () => {
    const c = await signIn(t, PHONES.committeeA);
    for (let i = 0; i < 5; i++) {
      await send({ userIds: [uid[PHONES.committeeA]!], params: { ...CASE, no: `N${i}` } });
      t.clock.advanceMinutes(1);
    }
    const first = await list(c, '?limit=2');
    expect(first.items.map((i) => i.params.no)).toEqual(['N4', 'N3']);
    const second = await list(c, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.params.no)).toEqual(['N2', 'N1']);
    const third = await list(c, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i) => i.params.no)).toEqual(['N0']);
    expect(third.nextCursor).toBeNull();
    expectProblem(await c.get('/api/notifications?cursor=abc'), 422, 'validation_failed');

    const r = await c.post<{ updated: number; unread: number }>('/api/notifications/read', {
      ids: [first.items[0]!.id],
    });
    expect(r.body).toEqual({ updated: 1, unread: 4 });
    const unreadOnly = await list(c, '?unread=true');
    expect(unreadOnly.items.map((i) => i.params.no)).toEqual(['N3', 'N2', 'N1', 'N0']);
    const all = await list(c);
    expect(all.items[0]!.readAt).toBe(t.clock.now().toISOString());
  });

  it('marks read by ids and all, and never another user’s notifications', async () => {
    const theirs = (await list(secretary)).items;
    const mine = (await list(resident)).items;
    // The resident names the secretary's ids: nothing changes for anyone.
    const cross = await resident.post<{ updated: number }>('/api/notifications/read', { ids: theirs.map((i) => i.id) });
    expect(cross.status, cross.text).toBe(200);
    expect(cross.body.updated).toBe(0);
    expect(await unread(secretary)).toBe(2);

    const own = await resident.post('/api/notifications/read', { ids: [mine[0]!.id, mine[0]!.id] });
    expect(own.body).toEqual({ updated: 1, unread: 0 });
    // Already read: nothing more to mark.
    expect((await resident.post('/api/notifications/read', { ids: [mine[0]!.id] })).body).toEqual({
      updated: 0,
      unread: 0,
    });
    expect((await secretary.post('/api/notifications/read', { all: true })).body).toEqual({ updated: 2, unread: 0 });
    expect((await list(secretary, '?unread=true')).items).toEqual([]);
    expectProblem(await secretary.post('/api/notifications/read', {}), 422, 'validation_failed', '/ids');
    expectProblem(await secretary.post('/api/notifications/read', { ids: ['x'] }), 422, 'validation_failed');
    // Signed out: nothing.
    expectProblem(await t.client().get('/api/notifications'), 401, 'unauthenticated');
  });

  it('finds role holders at a path or above it; department staff only for their department', async () => {
    const demo = await loadDemo(t);
    const grid1 = demo.child(demo.A, '第一网格');
    const building = demo.under(grid1, 'building')[0]!;
    const db = t.database.db;
    expect(await usersWithRoleOver(db, ['community_secretary'], building.path)).toEqual([uid[PHONES.secretaryA]]);
    expect(await usersWithRoleOver(db, ['grid_worker'], building.path)).toEqual([uid[PHONES.gridWorkerA1]]);
    // Nearest grant first: the secretary of A, then the district admin above.
    expect(await usersWithRoleOver(db, ['district_admin', 'community_secretary'], building.path)).toEqual([
      uid[PHONES.secretaryA],
      uid[PHONES.admin],
    ]);
    // Grants below the path do not count.
    expect(await usersWithRoleOver(db, ['grid_worker'], demo.A.path)).toEqual([]);
    const cgj = (await sql<{ id: string }>`SELECT id FROM department WHERE code = 'cgj'`.execute(db)).rows[0]!.id;
    expect(await usersWithRoleOver(db, ['department_staff'], demo.street1.path, cgj)).toEqual([uid[PHONES.department]]);
    expect(await usersWithRoleOver(db, ['department_staff'], demo.street1.path)).toEqual([]);
    expect(await usersWithRoleOver(db, ['department_staff'], demo.street1.path, '999999')).toEqual([]);
  });
});

describe('outbound messages', () => {
  const fake = (fail: () => boolean) => {
    const sent: OutboundMessage[] = [];
    const adapter: MessageAdapter = {
      name: 'fake',
      async send(m) {
        if (fail()) throw new Error('gateway down');
        sent.push(m);
      },
    };
    return { sent, adapter };
  };

  it('queues one SMS per user only when asked, and the drain job sends them', async () => {
    await sql`DELETE FROM outbound_message`.execute(t.database.db);
    await send({ userIds: [uid[PHONES.residentA]!], kind: 'case.closed' });
    expect(await outbound()).toEqual([]);
    await send({ userIds: [uid[PHONES.residentA]!, uid[PHONES.residentD]!], kind: 'case.resolved', sms: true });
    expect((await outbound()).map((m) => [m.phone, m.template])).toEqual([
      [PHONES.residentA, 'case.resolved'],
      [PHONES.residentD, 'case.resolved'],
    ]);

    const { sent, adapter } = fake(() => false);
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 2, failed: 0 });
    expect(sent.map((m) => m.phone)).toEqual([PHONES.residentA, PHONES.residentD]);
    expect(sent[0]).toMatchObject({ channel: 'sms', template: 'case.resolved', params: CASE });
    expect(sent[0]!.text).toBe('您的诉求 2026112400012（漏水渗水）已办理完毕，请查看结果并评价');
    expect((await outbound()).every((m) => m.sent_at !== null)).toBe(true);
    // Sent once only.
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 0, failed: 0 });
  });

  it('retries a failed send with exponential backoff, moving the clock instead of sleeping', async () => {
    await sql`DELETE FROM outbound_message`.execute(t.database.db);
    await send({ userIds: [uid[PHONES.residentA]!], kind: 'case.sla_red', sms: true });
    let down = true;
    const { sent, adapter } = fake(() => down);

    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 0, failed: 1 });
    expect((await outbound())[0]).toMatchObject({ attempts: 1, sent_at: null, last_error: 'gateway down' });
    // Not again before the backoff has passed …
    t.clock.advance(backoffMs(1) - 1000);
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(1000);
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 0, failed: 1 });
    // … and the wait doubles.
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    t.clock.advance(backoffMs(2) - 1000);
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 0, failed: 0 });
    down = false;
    t.clock.advance(1000);
    expect(await drainOutbound(t.database.db, t.platform, adapter)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect((await outbound())[0]).toMatchObject({ attempts: 2, last_error: null });
    expect((await outbound())[0]!.sent_at).not.toBeNull();
  });

  it('LINLI_SMS_ADAPTER=none leaves messages queued; log (the default) logs them with a masked phone', async () => {
    await sql`DELETE FROM outbound_message`.execute(t.database.db);
    await send({ userIds: [uid[PHONES.residentA]!], kind: 'case.dispatched', sms: true });
    expect(t.platform.config.smsAdapter).toBe('log');
    const none = { ...t.platform, config: { ...t.platform.config, smsAdapter: 'none' as const } };
    await runOutboundJob(t.database.db, none);
    expect((await outbound())[0]).toMatchObject({ attempts: 0, sent_at: null });

    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const log = logAdapter({ info: (obj, msg) => lines.push({ obj: obj as Record<string, unknown>, msg }) });
    await drainOutbound(t.database.db, t.platform, log);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.obj).toMatchObject({ channel: 'sms', to: '138****0005', template: 'case.dispatched' });
    expect(JSON.stringify(lines)).not.toContain(PHONES.residentA);
    expect((await outbound())[0]!.sent_at).not.toBeNull();
  });
});

describe('notification sentences and settings', () => {
  it('has a sentence for every kind in both languages, naming the case', () => {
    // Case kinds name the case; board kinds (notice.*, board.*) name their notice or post (see notices/boards tests).
    for (const kind of api.notifications.NOTIFICATION_KINDS.filter((k) => k.startsWith('case.'))) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = renderText(kind, { ...CASE, due: '2026-11-26T09:30:00Z' }, lang);
        expect(text, `${kind} ${lang}`).toContain('2026112400012');
        expect(text, `${kind} ${lang}`).not.toMatch(/undefined|null|\{/);
      }
    }
    // Optional params simply drop out; an unknown kind still says which case it is about.
    expect(renderText('case.dispatched', { no: 'N1' }, 'en')).toBe('Case N1 was dispatched to you');
    expect(renderText('case.future_kind', { no: 'N1', category: '噪声扰民' }, 'zh-CN')).toBe(
      '诉求 N1（噪声扰民）：case.future_kind',
    );
  });

  it('reads LINLI_SMS_ADAPTER (default log) and refuses unknown adapters', () => {
    expect(loadConfig({}).smsAdapter).toBe('log');
    expect(loadConfig({ LINLI_SMS_ADAPTER: 'none' }).smsAdapter).toBe('none');
    expect(() => loadConfig({ LINLI_SMS_ADAPTER: 'aliyun' })).toThrow(/LINLI_SMS_ADAPTER/);
  });
});
