import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue, isPrivateAddress } from '../src/modules/webhooks/deliver.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { categoryByCode, ok, placesOfA, report } from './case-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, nothingWritten, PHONES, signIn } from './helpers.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
interface Subscription {
  id: string;
  active: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  version: number;
}
interface Delivery {
  id: string;
  eventId: string;
  event: string;
  caseNo: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

/** An independent receiver: a plain HTTP server answering with whatever status the test sets. */
let server: Server;
let url: string;
let answer = 200;
const received: Received[] = [];

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
let resident: TestClient;
let leaks: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (answer === 0) return req.socket.destroy();
      if (answer === -1) return; // never answers
      res.statusCode = answer;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/linli`;
  t = await createTestApp();
  // The receiver runs on this machine; production refuses such addresses by default (see the last test).
  t.platform.config.webhookPrivateTargets = 'allow';
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretary = await signIn(t, PHONES.secretaryA);
  resident = await signIn(t, PHONES.residentA);
  leaks = (await categoryByCode(resident, 'SQ06')).id;
  // Events of the demo seed are not what these tests are about.
  await t.dispatch();
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
});

/** What a receiver does: recompute HMAC-SHA256 over "<t>.<body>" and compare in constant time. */
function verified(secret: string, r: Received): { t: number; body: Record<string, unknown> } {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['linli-signature']));
  expect(m, String(r.headers['linli-signature'])).not.toBeNull();
  const expected = createHmac('sha256', secret).update(`${m![1]}.${r.body}`).digest();
  expect(timingSafeEqual(expected, Buffer.from(m![2]!, 'hex'))).toBe(true);
  return { t: Number(m![1]), body: JSON.parse(r.body) };
}

const pump = async () => {
  await t.dispatch();
  return deliverDue(t.database.db, t.platform);
};
const fresh = async () => {
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
  resident = await signIn(t, PHONES.residentA);
};
const log = async (id: string) => {
  const res = await admin.get<{ items: Delivery[] }>(`/api/webhooks/${id}/deliveries`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
};
const subscribe = async (events: string[]) => {
  const res = await admin.post<{ subscription: Subscription; secret: string }>('/api/webhooks', {
    name: '区城运中心',
    url,
    nodeId: demo.street1.id,
    events,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const subOf = async (id: string) =>
  (await admin.get<{ items: Subscription[] }>('/api/webhooks')).body.items.find((s) => s.id === id)!;

const { WEBHOOK_EVENTS } = api.webhooks;

describe('signed webhooks', () => {
  it('delivers subscribed case events, signed, with an idempotency key, after the request that caused them', async () => {
    const { subscription, secret } = await subscribe(['case.created', 'case.accepted']);
    expect(secret).toMatch(/^whsec_/);
    const stored = await sql<{
      secret_box: string;
    }>`SELECT secret_box FROM webhook_subscription WHERE id = ${subscription.id}`.execute(t.database.db);
    expect(stored.rows[0]!.secret_box).not.toContain(secret);
    expect((await admin.get('/api/webhooks')).text).not.toContain(secret);

    received.length = 0;
    let c = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    expect(received).toHaveLength(0); // the report never waits for a receiver
    expect(await pump()).toBe(1);
    expect(received).toHaveLength(1);
    const first = verified(secret, received[0]!);
    expect(first.t).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect(first.body).toMatchObject({
      type: 'case.created',
      data: { caseId: c.id, no: c.no, status: 'submitted', source: 'app', categoryCode: 'SQ06' },
    });
    expect(received[0]!.headers['idempotency-key']).toBe(first.body.id);
    expect(received[0]!.headers['linli-event']).toBe('case.created');
    expect(received[0]!.headers['content-type']).toMatch(/^application\/json/);

    c = await ok(secretary, c, { type: 'accept' });
    c = await ok(secretary, c, { type: 'escalate', note: '需街道协调' }); // not subscribed
    expect(await pump()).toBe(1);
    expect(received).toHaveLength(2);
    expect(verified(secret, received[1]!).body).toMatchObject({ type: 'case.accepted', data: { status: 'accepted' } });
    // The outbox may hand an event over twice: still one delivery.
    await sql`UPDATE outbox SET published_at = NULL WHERE payload->>'caseId' = ${c.id}`.execute(t.database.db);
    await pump();
    expect(received).toHaveLength(2);
    const entries = await log(subscription.id);
    const mine = entries.filter((d) => d.caseNo === c.no).map((d) => [d.event, d.status, d.attempts]);
    expect(mine.sort()).toEqual([
      ['case.accepted', 'delivered', 1],
      ['case.created', 'delivered', 1],
    ]);
    await admin.post(`/api/webhooks/${subscription.id}/active`, { version: subscription.version, active: false });
  });

  it('each workflow step is its own event type, in order', async () => {
    await fresh();
    const { subscription, secret } = await subscribe([...WEBHOOK_EVENTS]);
    received.length = 0;
    let c = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    c = await ok(secretary, c, { type: 'accept' });
    c = await ok(secretary, c, { type: 'resolve', note: '已处理' });
    c = await ok(resident, (await resident.get<typeof c>(`/api/cases/${c.id}`)).body, { type: 'rate', score: 2 });
    await ok(resident, c, { type: 'reopen', note: '没修好' });
    await pump();
    const mine = received.map(
      (r) => verified(secret, r).body as { type: string; data: { no: string; status: string; version: number } },
    );
    // Deliveries of one batch go out concurrently: receivers order by the case version, not by arrival.
    const byVersion = mine.filter((b) => b.data.no === c.no).sort((x, y) => x.data.version - y.data.version);
    expect(byVersion.map((b) => [b.type, b.data.status])).toEqual([
      ['case.created', 'submitted'],
      ['case.accepted', 'accepted'],
      ['case.resolved', 'resolved'],
      ['case.rated', expect.any(String)],
      ['case.reopened', expect.any(String)],
    ]);
    const sub = await subOf(subscription.id);
    await admin.post(`/api/webhooks/${subscription.id}/active`, { version: sub.version, active: false });
  });

  it('retries a failing receiver with exponential backoff by the clock, same key; manual redelivery sends again', async () => {
    const { subscription, secret } = await subscribe(['case.created']);
    received.length = 0;
    answer = 500;
    const c = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await pump();
    let [d] = await log(subscription.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, caseNo: c.no });
    expect(d!.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 30_000).toISOString());
    expect(await deliverDue(t.database.db, t.platform)).toBe(0); // not due yet
    t.clock.advance(30_000);
    answer = 0; // the connection drops
    expect(await deliverDue(t.database.db, t.platform)).toBe(1);
    [d] = await log(subscription.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatus: null });
    expect(d!.lastError).toBeTruthy();
    expect(d!.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
    t.clock.advance(59_000);
    expect(await deliverDue(t.database.db, t.platform)).toBe(0);
    t.clock.advance(1_000);
    answer = 200;
    expect(await deliverDue(t.database.db, t.platform)).toBe(1);
    [d] = await log(subscription.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set([d!.eventId]));
    for (const r of received) verified(secret, r);

    await fresh();
    const again = await admin.post<Delivery>(`/api/webhooks/${subscription.id}/deliveries/${d!.id}/redeliver`, {});
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    await deliverDue(t.database.db, t.platform);
    expect(received).toHaveLength(4);
    expect(received[3]!.headers['idempotency-key']).toBe(d!.eventId);
    expect((await log(subscription.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await auditSearch(admin, { action: 'webhook.redeliver' }))[0]).toMatchObject({
      resourceId: subscription.id,
    });
    const sub = await subOf(subscription.id);
    await admin.post(`/api/webhooks/${subscription.id}/active`, { version: sub.version, active: false });
  });

  it('a receiver that never answers times out and is retried later; the report did not wait for it', async () => {
    await fresh();
    const { subscription } = await subscribe(['case.created']);
    answer = -1;
    const started = Date.now();
    const c = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await t.dispatch();
    expect(Date.now() - started).toBeLessThan(5_000);
    await deliverDue(t.database.db, t.platform, 300);
    const [d] = await log(subscription.id);
    expect(d).toMatchObject({ caseNo: c.no, status: 'pending', attempts: 1, lastError: 'timeout', lastStatus: null });
    answer = 200;
    t.clock.advance(30_000);
    await deliverDue(t.database.db, t.platform);
    expect((await log(subscription.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    const sub = await subOf(subscription.id);
    await admin.post(`/api/webhooks/${subscription.id}/active`, { version: sub.version, active: false });
  });

  it('gives up on a delivery after 8 attempts and switches the subscription off after 10 failures in a row', async () => {
    const { subscription } = await subscribe(['case.created']);
    answer = 500;
    const c1 = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await pump();
    for (let i = 0; i < 10; i++) {
      t.clock.advance(7 * 3600_000);
      await deliverDue(t.database.db, t.platform);
    }
    await fresh();
    const [d1] = await log(subscription.id);
    expect(d1).toMatchObject({ caseNo: c1.no, status: 'failed', attempts: 8, nextAttemptAt: null });
    expect(await subOf(subscription.id)).toMatchObject({ active: true, consecutiveFailures: 8 });
    await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await pump();
    t.clock.advance(30_000);
    await deliverDue(t.database.db, t.platform);
    const off = await subOf(subscription.id);
    expect(off).toMatchObject({ active: false, disabledReason: 'failures', consecutiveFailures: 10 });
    // Switched off: nothing more is recorded or sent until an admin switches it on again.
    const before = received.length;
    const c3 = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await pump();
    t.clock.advance(3600_000);
    await deliverDue(t.database.db, t.platform);
    await fresh();
    expect(received.length).toBe(before);
    expect((await log(subscription.id)).map((d) => d.caseNo)).not.toContain(c3.no);
    const on = await admin.post<Subscription>(`/api/webhooks/${subscription.id}/active`, {
      version: off.version,
      active: true,
    });
    expect(on.body).toMatchObject({ active: true, disabledReason: null, consecutiveFailures: 0 });
    expectProblem(
      await admin.post(`/api/webhooks/${subscription.id}/active`, { version: off.version, active: false }),
      409,
      'version_conflict',
    );
    answer = 200;
  });

  it('notices published in or above the subscribed subtree are delivered; those elsewhere are not', async () => {
    await fresh();
    const { subscription, secret } = await subscribe(['notice.published']);
    received.length = 0;
    const publish = async (nodeId: string, title: string) => {
      const res = await admin.post<{ id: string }>('/api/notices', {
        nodeId,
        category: 'affairs_public',
        title,
        body: `${title}的正文`,
      });
      expect(res.status, res.text).toBe(201);
      return res.body.id;
    };
    const inA = await publish(demo.A.id, '银杏社区停水通知');
    await publish(demo.D.id, '海棠社区停电通知');
    const district = await publish(demo.district.id, '全区防汛提示');
    await pump();
    // (Earlier subscriptions' retries reach the same receiver: keep this subscription's deliveries.)
    const mine = received.filter((r) => r.headers['linli-event'] === 'notice.published');
    const bodies = mine.map((r) => verified(secret, r).body as { type: string; data: { noticeId: string } });
    expect(bodies.map((b) => b.type)).toEqual(['notice.published', 'notice.published']);
    expect(bodies.map((b) => b.data.noticeId).sort()).toEqual([inA, district].sort());
    expect((await log(subscription.id)).map((d) => d.caseNo).sort()).toEqual(
      ['全区防汛提示', '银杏社区停水通知'].sort(),
    );
  });

  it('by default a receiver on a loopback or private address is refused (no request is sent)', async () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '114.114.114.114', '172.32.0.1', '2001:db8::1'])
      expect(isPrivateAddress(ip), ip).toBe(false);
    await fresh();
    t.platform.config.webhookPrivateTargets = 'deny';
    try {
      const { subscription } = await subscribe(['case.created']);
      const before = received.length;
      const c = await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
      await pump();
      expect(received.length).toBe(before);
      expect((await log(subscription.id))[0]).toMatchObject({
        caseNo: c.no,
        status: 'pending',
        lastError: 'private_address',
      });
      const sub = await subOf(subscription.id);
      await admin.post(`/api/webhooks/${subscription.id}/active`, { version: sub.version, active: false });
    } finally {
      t.platform.config.webhookPrivateTargets = 'allow';
    }
  });

  it('connects to the address it checked: a name that rebinds to loopback after the check reaches nothing', async () => {
    await fresh();
    const port = (server.address() as AddressInfo).port;
    const hooked = async (host: string) => {
      const res = await admin.post<{ subscription: Subscription }>('/api/webhooks', {
        name: '重绑定测试',
        url: `http://${host}:${port}/linli`,
        nodeId: demo.street1.id,
        events: ['case.created'],
      });
      expect(res.status, res.text).toBe(201);
      return res.body.subscription;
    };
    // A name the system resolver cannot know: only the vetted address can have been used to connect.
    const pinned = await hooked('receiver.linli.test');
    const asked: string[] = [];
    const toLoopback = async (host: string) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    let before = received.length;
    await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
    await t.dispatch();
    await deliverDue(t.database.db, t.platform, 2000, toLoopback);
    expect((await log(pinned.id))[0]).toMatchObject({ status: 'delivered', lastStatus: 200 });
    expect(received.slice(before).map((r) => r.headers.host)).toContain(`receiver.linli.test:${port}`);
    expect(asked.every((h) => h === 'receiver.linli.test')).toBe(true);
    await admin.post(`/api/webhooks/${pinned.id}/active`, { version: (await subOf(pinned.id)).version, active: false });

    // Rebinding: the first answer is public (TEST-NET-3), every later one loopback. The check sees the public
    // address and the connection goes there — the loopback receiver is never reached.
    const rebinding = await hooked('rebind.linli.test');
    let lookups = 0;
    const rebind = async () =>
      lookups++ === 0 ? [{ address: '203.0.113.10', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    t.platform.config.webhookPrivateTargets = 'deny';
    try {
      await report(resident, { categoryId: leaks, placeId: placesOfA(demo).building.id });
      await t.dispatch();
      before = received.length;
      await deliverDue(t.database.db, t.platform, 300, rebind);
      expect(received.length).toBe(before);
      expect(lookups).toBe(1);
      const d = (await log(rebinding.id))[0]!;
      expect(d.status).toBe('pending');
      expect(d.lastError).not.toBeNull();
      expect(d.lastError).not.toBe('private_address');
      // The retry's check now sees loopback: refused before any connection.
      t.clock.advance(30_000);
      await deliverDue(t.database.db, t.platform, 300, rebind);
      expect(received.length).toBe(before);
      expect((await log(rebinding.id))[0]).toMatchObject({ attempts: 2, lastError: 'private_address' });
    } finally {
      t.platform.config.webhookPrivateTargets = 'allow';
      await admin.post(`/api/webhooks/${rebinding.id}/active`, {
        version: (await subOf(rebinding.id)).version,
        active: false,
      });
    }
  });

  it('only a district admin manages subscriptions; a bad URL or node is refused and nothing is written', async () => {
    await fresh();
    const c = await signIn(t, PHONES.secretaryA);
    await nothingWritten(t, async () => {
      expectProblem(await c.get('/api/webhooks'), 403, 'forbidden');
      const body = { name: 'x', url: 'https://example.cn/h', nodeId: demo.A.id, events: ['case.created'] };
      expectProblem(await c.post('/api/webhooks', body), 403, 'forbidden');
      expectProblem(await admin.post('/api/webhooks', { ...body, url: 'ftp://example.cn' }), 422, 'validation_failed');
      expectProblem(
        await admin.post('/api/webhooks', { ...body, url: 'https://u:p@example.cn/' }),
        422,
        'validation_failed',
        '/url',
      );
      expectProblem(await admin.post('/api/webhooks', { ...body, events: ['case.deleted'] }), 422, 'validation_failed');
      expectProblem(
        await admin.post('/api/webhooks', { ...body, nodeId: '999999' }),
        422,
        'validation_failed',
        '/nodeId',
      );
      expectProblem(await admin.get('/api/webhooks/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/deliveries'), 404, 'not_found');
    });
  });
});
