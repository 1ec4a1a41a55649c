import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../apps/server/src/modules/webhooks/deliver.ts';
import {
  DESKTOP,
  type Harness,
  PHONE,
  shot,
  consoleAs as signInConsole,
  startHarness,
  type Viewport,
} from '../support/linli.ts';

// The open platform end to end: the district admin creates an API key and a webhook subscription on the
// developer page; a city system POSTs an Open311 request with that key; the case appears in community A's
// inbox; the receiver gets a correctly signed webhook; the delivery log shows it delivered.

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

let h: Harness;
let server: Server;
let receiver: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  h = await startHarness();
  h.app.platform.config.webhookPrivateTargets = 'allow'; // the receiver is on this machine
  await h.app.dispatch(); // the demo seed's own events
});
afterAll(async () => {
  await h?.close();
  await new Promise((r) => server.close(r));
});

const consoleAs = (phone: string, viewport: Viewport = DESKTOP) => signInConsole(h, phone, viewport);

describe('open platform', () => {
  it('key and subscription in the console → Open311 case in the inbox → signed webhook in the delivery log', async () => {
    const admin = await consoleAs('13800000001');
    const p = admin.page;
    await p.getByTestId('menu-developer').click();
    await p.getByTestId('developer-page').waitFor();

    await p.getByTestId('token-new').click();
    await p.getByTestId('token-name').fill('区城运中心');
    await p.getByTestId('token-create').click();
    const key = (await p.getByTestId('token-secret').textContent())!.trim();
    expect(key).toMatch(/^llk_/);
    await p.getByTestId('token-secret-close').click();
    await p.getByTestId('token-row-区城运中心').waitFor();

    await p.getByTestId('webhook-new').click();
    await p.getByTestId('webhook-name').fill('城运中心推送');
    await p.getByTestId('webhook-url').fill(receiver);
    await p.getByTestId('webhook-create').click();
    const secret = (await p.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await p.getByTestId('webhook-secret-close').click();
    await p.getByTestId('webhook-row-城运中心推送').waitFor();
    await shot(p, 'developer-desktop');

    // A city system submits a case through Open311 with the key.
    const code = await sql<{ code: string }>`SELECT code FROM org_node WHERE name = '银杏社区'`.execute(
      h.app.database.db,
    );
    const res = await fetch(`${h.base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        service_code: 'SQ06',
        jurisdiction_id: code.rows[0]!.code,
        address_string: '银杏社区 3号楼',
        description: '3号楼地下车库顶棚漏水,已经积水',
      }),
    });
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as { service_request_id: string }[];
    const no = created!.service_request_id;

    // The outbox and the delivery job (the background loop is not running in tests).
    await h.app.dispatch();
    await deliverDue(h.app.database.db, h.app.platform);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got.headers['linli-signature']))!;
    const mac = createHmac('sha256', secret).update(`${m[1]}.${got.body}`).digest();
    expect(timingSafeEqual(mac, Buffer.from(m[2]!, 'hex'))).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({ type: 'case.created', data: { no, source: 'open311' } });
    expect(got.headers['idempotency-key']).toBe(JSON.parse(got.body).id);

    // The delivery log shows it delivered.
    await p.getByTestId('webhook-log-城运中心推送').click();
    await p.getByTestId('deliveries-drawer').waitFor();
    await poll(() => p.getByTestId(`delivery-status-${no}-case.created`).getAttribute('data-status')).toBe('delivered');
    await shot(p, 'developer-deliveries-desktop');
    await admin.context.close();

    // 孙丽 finds it in her inbox.
    const sec = await consoleAs('13800000003');
    await sec.page.getByTestId('menu-cases').click();
    await sec.page.getByTestId(`case-row-${no}`).waitFor();
    await sec.context.close();

    // The developer page on a 390 px phone does not overflow sideways.
    const phone = await consoleAs('13800000001', PHONE);
    await phone.page.goto(`${h.base}/console/developer`);
    await phone.page.getByTestId('tokens-card').waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(phone.page, 'developer-phone');
    await phone.context.close();
  });
});
