import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { HOSTILE, type NoticeView, noticeIds, publish, refusedCleanly } from './board-helpers.ts';
import { uploadPhoto } from './case-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient;
let residentD: TestClient;
let streetStaff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  residentA = await signIn(t, PHONES.residentA);
  residentD = await signIn(t, PHONES.residentD);
  streetStaff = await signIn(t, PHONES.streetStaff);
});
afterAll(() => t.close());

describe('publishing at every level, read by the whole subtree', () => {
  it('district, street, community and grid notices reach exactly the homes below them', async () => {
    const district = await publish(admin, { nodeId: demo.district.id, title: '区级防汛通知' });
    const street = await publish(streetStaff, { nodeId: demo.street1.id, title: '青松街道停水通知' });
    const community = await publish(secretaryA, { nodeId: demo.A.id, title: '社区议事会召开' });
    const grid2 = await publish(secretaryA, { nodeId: demo.child(demo.A, '第二网格').id, title: '二网格楼道清理' });
    expect([district.level, street.level, community.level, grid2.level]).toEqual([
      'district',
      'street',
      'community',
      'grid',
    ]);
    const a = await noticeIds(residentA);
    expect(a).toEqual(expect.arrayContaining([district.id, street.id, community.id]));
    // 周敏 lives in 第一网格: the second grid's notice is for other courtyards.
    expect(a).not.toContain(grid2.id);
    const d = await noticeIds(residentD);
    expect(d).toContain(district.id);
    for (const id of [street.id, community.id, grid2.id]) expect(d).not.toContain(id);
    // The secretary covers the whole community, so she sees the grid notice too; the grid-2 worker as well.
    expect(await noticeIds(secretaryA)).toEqual(expect.arrayContaining([district.id, community.id, grid2.id]));
    expect(await noticeIds(await signIn(t, PHONES.gridWorkerA2))).toContain(grid2.id);
    expectProblem(await residentD.get(`/api/notices/${community.id}`), 404, 'not_found');
    expectProblem(await residentA.get(`/api/notices/${grid2.id}`), 404, 'not_found');
  });

  it('only the district office publishes district-wide; nobody publishes outside their area', async () => {
    const others = [residentA, await signIn(t, PHONES.dispatcher)];
    await refusedCleanly(t, async () => {
      for (const c of [streetStaff, secretaryA]) {
        const res = await c.post('/api/notices', {
          nodeId: demo.district.id,
          category: 'policy',
          title: 'x',
          body: 'y',
        });
        expectProblem(res, 403, 'notice_level_forbidden');
      }
      expectProblem(
        await secretaryA.post('/api/notices', { nodeId: demo.street1.id, category: 'notice', title: 'x', body: 'y' }),
        403,
        'notice_level_forbidden',
      );
      const en = await streetStaff.post(
        '/api/notices',
        { nodeId: demo.district.id, category: 'policy', title: 'x', body: 'y' },
        { 'accept-language': 'en' },
      );
      expect((en.body as { title: string }).title).toMatch(/district office/);
      // Another community: no such node as far as the caller knows.
      expectProblem(
        await secretaryA.post('/api/notices', { nodeId: demo.D.id, category: 'notice', title: 'x', body: 'y' }),
        422,
        'validation_failed',
        '/nodeId',
      );
      // Residents and dispatchers do not publish at all.
      for (const c of others) {
        const res = await c.post('/api/notices', { nodeId: demo.A.id, category: 'notice', title: 'x', body: 'y' });
        expectProblem(res, 403, 'forbidden');
      }
      // A building is not a notice level.
      const building = demo.under(demo.A, 'building')[0]!;
      expectProblem(
        await secretaryA.post('/api/notices', { nodeId: building.id, category: 'notice', title: 'x', body: 'y' }),
        422,
        'validation_failed',
        '/nodeId',
      );
    });
  });

  it('refuses empty, over-long, control-character and too-many-photo notices, writing nothing', async () => {
    const photo = await uploadPhoto(secretaryA, 31);
    const othersPhoto = await uploadPhoto(residentA, 32);
    const base = { nodeId: demo.A.id, category: 'notice', title: '标题', body: '正文' };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, '/title'],
      [{ body: '\n\t ' }, '/body'],
      [{ title: '' }, '/title'],
      [{ title: '长'.repeat(61) }, '/title'],
      [{ body: '长'.repeat(5001) }, '/body'],
      [{ body: 'hidden\u0000text' }, '/body'],
      [{ title: 'right\u202eto-left' }, '/title'],
      [{ attachments: Array(10).fill(photo) }, '/attachments'],
      [{ attachments: [othersPhoto] }, '/attachments/0'],
      [{ category: 'gossip' }, '/category'],
      [{ expiresAt: '2020-01-01T00:00:00Z' }, '/expiresAt'],
      [{ extra: 1 }, ''],
    ];
    await refusedCleanly(t, async () => {
      for (const [over, path] of cases) {
        const res = await secretaryA.post('/api/notices', { ...base, ...over });
        const p = expectProblem(res, 422, 'validation_failed');
        if (path) expect((p.errors ?? []).map((e) => e.path).join(' '), JSON.stringify(over)).toContain(path);
      }
    });
  });

  it('keeps hostile content as inert text: stored and returned verbatim as JSON, never as HTML', async () => {
    for (const text of HOSTILE) {
      const n = await publish(secretaryA, { nodeId: demo.A.id, title: text.slice(0, 60), body: `${text}\n第二行` });
      const res = await residentA.get<NoticeView>(`/api/notices/${n.id}`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.title).toBe(text.slice(0, 60));
      expect(res.body.body).toBe(`${text}\n第二行`);
    }
  });
});

describe('must-read notices and read rates', () => {
  it('residents confirm; the publisher sees the rate by building and the households not reached', async () => {
    const photo = await uploadPhoto(admin, 90);
    const n = await publish(admin, {
      nodeId: demo.district.id,
      category: 'policy',
      title: '关于冬季燃气安全的告知书',
      body: '请每户确认已阅。',
      mustRead: true,
      attachments: [photo],
    });
    // Every resident it reaches is notified (周敏 in 银杏社区 and 吴刚 in 海棠社区 alike).
    await t.dispatch();
    for (const c of [residentA, residentD]) {
      const list = await c.get<{ items: { kind: string; link: string; text: string }[] }>('/api/notifications');
      expect(list.body.items.find((x) => x.link === `/notices/${n.id}`)).toMatchObject({
        kind: 'notice.must_read',
        text: expect.stringContaining('关于冬季燃气安全的告知书'),
      });
    }
    const before = await admin.get<{ households: number; reached: number }>(`/api/notices/${n.id}/read-rate`);
    expect(before.status, before.text).toBe(200);
    expect(before.body.households).toBe(200);
    expect(before.body.reached).toBe(0);

    const seen = await residentA.get<{ items: NoticeView[] }>('/api/notices');
    expect(seen.body.items.find((x) => x.id === n.id)).toMatchObject({
      unread: true,
      mustRead: true,
      confirmed: false,
    });
    const photoRes = await residentA.get(`/api/notices/${n.id}/attachments/${photo}`);
    expect(photoRes.status).toBe(200);
    expect(photoRes.headers['content-type']).toBe('image/png');
    const opened = await residentA.post<{ confirmedAt: string | null }>(`/api/notices/${n.id}/read`, {});
    expect(opened.body.confirmedAt).toBeNull();
    const ok = await residentA.post<{ confirmedAt: string }>(`/api/notices/${n.id}/read`, { confirm: true });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.confirmedAt).toBeTruthy();
    const again = await residentA.post<{ confirmedAt: string }>(`/api/notices/${n.id}/read`, { confirm: true });
    expect(again.body.confirmedAt).toBe(ok.body.confirmedAt);
    const detail = await residentA.get<NoticeView>(`/api/notices/${n.id}`);
    expect(detail.body).toMatchObject({ unread: false, confirmed: true, abilities: { confirm: false } });
    expect((await auditSearch(admin, { action: 'notice.confirm' })).filter((e) => e.resourceId === n.id)).toHaveLength(
      1,
    );

    type Rate = {
      households: number;
      reached: number;
      rate: number;
      buildings: { name: string; households: number; reached: number }[];
      notReached: { address: string; building: string; grid: string }[];
      scope: { name: string };
    };
    const rate = await admin.get<Rate>(`/api/notices/${n.id}/read-rate`);
    expect(rate.body).toMatchObject({ households: 200, reached: 1, rate: 0.005 });
    expect(rate.body.notReached).toHaveLength(199);
    const b1 = rate.body.buildings.filter((b) => b.reached === 1);
    expect(b1).toHaveLength(1);
    expect(b1[0]!.name).toBe('银杏社区 1号楼');
    expect(rate.body.notReached.some((h) => h.address.includes('1号楼 1单元 302'))).toBe(false);

    // The grid worker of 第一网格 gets only their own grid's doors to knock on.
    const liqiang = await signIn(t, PHONES.gridWorkerA1);
    const mine = await liqiang.get<Rate>(`/api/notices/${n.id}/read-rate`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.scope.name).toBe('第一网格');
    expect(mine.body.reached).toBe(1);
    expect(mine.body.households).toBeLessThan(60);
    expect(new Set(mine.body.notReached.map((h) => h.grid))).toEqual(new Set(['第一网格']));

    expectProblem(await residentA.get(`/api/notices/${n.id}/read-rate`), 403, 'forbidden');
    const community = await publish(secretaryA, { nodeId: demo.A.id, title: '社区必读', mustRead: true });
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await secretaryD.get(`/api/notices/${community.id}/read-rate`), 404, 'not_found');
  });

  it('confirming a notice that is not must-read, or is expired, is refused', async () => {
    const plain = await publish(secretaryA, { nodeId: demo.A.id, title: '普通通知' });
    await refusedCleanly(t, async () => {
      expectProblem(
        await residentA.post(`/api/notices/${plain.id}/read`, { confirm: true }),
        422,
        'validation_failed',
        '/confirm',
      );
    });
    const soon = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const expiring = await publish(secretaryA, {
      nodeId: demo.A.id,
      title: '限时必读',
      mustRead: true,
      expiresAt: soon,
    });
    expect(await noticeIds(residentA)).toContain(expiring.id);
    t.clock.advance(2 * 3_600_000);
    // Staff sessions idle out after 30 minutes: sign in again after moving the clock.
    secretaryA = await signIn(t, PHONES.secretaryA);
    residentA = await signIn(t, PHONES.residentA);
    admin = await signIn(t, PHONES.admin);
    streetStaff = await signIn(t, PHONES.streetStaff);
    expect(await noticeIds(residentA)).not.toContain(expiring.id);
    expectProblem(await residentA.post(`/api/notices/${expiring.id}/read`, { confirm: true }), 409, 'notice_closed');
    const managed = await secretaryA.get<{ items: NoticeView[] }>('/api/notices/managed?limit=50');
    expect(managed.body.items.find((x) => x.id === expiring.id)).toMatchObject({ expired: true });
  });
});

describe('editing, pinning, withdrawing', () => {
  it('pins and edits with a version; a stale version is 409; withdrawn notices leave residents', async () => {
    const n = await publish(secretaryA, { nodeId: demo.A.id, title: '停车管理办法征求意见' });
    const pinned = await secretaryA.patch<NoticeView>(`/api/notices/${n.id}`, { version: 1, pinned: true });
    expect(pinned.status, pinned.text).toBe(200);
    expect(pinned.body).toMatchObject({ pinned: true, version: 2 });
    expectProblem(
      await secretaryA.patch(`/api/notices/${n.id}`, { version: 1, title: '旧版本' }),
      409,
      'version_conflict',
    );
    expectProblem(await residentA.patch(`/api/notices/${n.id}`, { version: 2, title: '居民改' }), 403, 'forbidden');
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await secretaryD.patch(`/api/notices/${n.id}`, { version: 2, title: '越界' }), 404, 'not_found');
    const gone = await secretaryA.patch<NoticeView>(`/api/notices/${n.id}`, { version: 2, withdrawn: true });
    expect(gone.body).toMatchObject({ withdrawn: true, pinned: false });
    expect(await noticeIds(residentA)).not.toContain(n.id);
    expectProblem(await residentA.get(`/api/notices/${n.id}`), 404, 'not_found');
    expectProblem(
      await secretaryA.patch(`/api/notices/${n.id}`, { version: 3, title: '再改' }),
      409,
      'notice_withdrawn',
    );
    const actions = (await auditSearch(admin, { resourceId: n.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['notice.publish', 'notice.update', 'notice.withdraw']));
  });
});

describe('finding notices', () => {
  it('searches in Chinese and pages with a cursor', async () => {
    const n = await publish(secretaryA, {
      nodeId: demo.A.id,
      title: '怎么办居住证',
      body: '携带身份证到社区事务受理中心。',
    });
    expect(await noticeIds(residentA, `?q=${encodeURIComponent('居住证')}`)).toEqual([n.id]);
    expect(await noticeIds(residentA, `?q=${encodeURIComponent('事务受理')}`)).toEqual([n.id]);
    expect(await noticeIds(residentA, `?q=${encodeURIComponent('护照')}`)).toEqual([]);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const res = await residentA.get<{ items: NoticeView[]; nextCursor: string | null }>(`/api/notices${q}`);
      expect(res.status, res.text).toBe(200);
      all.push(...res.body.items.map((x) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(await noticeIds(residentA, '?limit=50'));
  });
});
