import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { HOSTILE, type PostView, post, refusedCleanly } from './board-helpers.ts';
import { uploadPhoto } from './case-helpers.ts';
import { auditSearch, type Demo, expectProblem, loadDemo, PHONES, signIn } from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretaryA: TestClient;
let residentA: TestClient;
let neighbourA: TestClient; // 李强, grid worker living and working in 银杏社区 (a member, not a moderator)
let residentD: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  demo = await loadDemo(t, admin);
  secretaryA = await signIn(t, PHONES.secretaryA);
  residentA = await signIn(t, PHONES.residentA);
  neighbourA = await signIn(t, PHONES.gridWorkerA1);
  residentD = await signIn(t, PHONES.residentD);
});
afterAll(() => t.close());

const get = async (c: TestClient, id: string) => {
  const res = await c.get<PostView>(`/api/board-posts/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const listIds = async (c: TestClient, communityId: string, q = '') =>
  (await c.get<{ items: { id: string }[] }>(`/api/communities/${communityId}/posts${q}`)).body.items.map((p) => p.id);

describe('posting on the neighbour boards', () => {
  it('a resident posts 身边事 under a real-name label; neighbours read it; other communities do not', async () => {
    const p = await post(residentA, demo.A.id, { title: '3号楼门口路灯坏了', body: '晚上很黑，老人出门不方便。' });
    expect(p).toMatchObject({ board: 'local', status: 'visible', stage: 'open' });
    expect(p.authorLabel).toMatch(/^周(女士|先生)·1号楼$/);
    expect(await listIds(neighbourA, demo.A.id)).toContain(p.id);
    expectProblem(await residentD.get(`/api/board-posts/${p.id}`), 404, 'not_found');
    expectProblem(await residentD.get(`/api/communities/${demo.A.id}/posts`), 404, 'not_found');
  });

  it("refuses another community's board, non-members, bad content and too many photos, writing nothing", async () => {
    const streetStaff = await signIn(t, PHONES.streetStaff);
    const photo = await uploadPhoto(residentA, 41);
    const othersPhoto = await uploadPhoto(secretaryA, 42);
    await refusedCleanly(t, async () => {
      const url = `/api/communities/${demo.A.id}/posts`;
      const ok = { board: 'local', kind: 'matter', title: '标题', body: '正文' };
      expectProblem(await residentD.post(url, ok), 404, 'not_found');
      // The street reads the community but does not live there.
      expectProblem(await streetStaff.post(url, ok), 403, 'not_a_member');
      const bad: [Record<string, unknown>, string][] = [
        [{ title: '  ' }, '/title'],
        [{ body: '' }, '/body'],
        [{ body: '长'.repeat(2001) }, '/body'],
        [{ title: '长'.repeat(61) }, '/title'],
        [{ kind: 'give' }, '/kind'],
        [{ body: 'a\u0007b' }, '/body'],
        [{ attachments: Array(10).fill(photo) }, '/attachments'],
        [{ attachments: [othersPhoto] }, '/attachments/0'],
      ];
      for (const [over, path] of bad)
        expectProblem(await residentA.post(url, { ...ok, ...over }), 422, 'validation_failed', path);
    });
  });

  it('renders hostile content inertly: stored and returned verbatim as JSON text', async () => {
    for (const text of HOSTILE) {
      const p = await post(residentA, demo.A.id, { title: text.slice(0, 60), body: text });
      const res = await neighbourA.get<PostView>(`/api/board-posts/${p.id}`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.body).toBe(text);
    }
  });

  it('only the author edits, with a version; edits of others are 403 and write nothing', async () => {
    const p = await post(residentA, demo.A.id, { title: '旧标题' });
    await refusedCleanly(t, async () => {
      expectProblem(
        await neighbourA.patch(`/api/board-posts/${p.id}`, { version: 1, title: '别人改' }),
        403,
        'not_author',
      );
      expectProblem(
        await residentD.patch(`/api/board-posts/${p.id}`, { version: 1, title: '越界改' }),
        404,
        'not_found',
      );
    });
    const edited = await residentA.patch<PostView>(`/api/board-posts/${p.id}`, { version: 1, title: '新标题' });
    expect(edited.body).toMatchObject({ title: '新标题', version: 2 });
    expectProblem(
      await residentA.patch(`/api/board-posts/${p.id}`, { version: 1, title: '旧' }),
      409,
      'version_conflict',
    );
  });
});

describe('the committee answers and turns 身边事 into cases', () => {
  it('a secretary reply is official and marks the post replied; a neighbour comment is not', async () => {
    const p = await post(residentA, demo.A.id, { title: '楼道堆物', body: '2单元楼道堆了很多纸箱。' });
    await neighbourA.post(`/api/board-posts/${p.id}/comments`, { body: '我也看到了' });
    t.clock.advance(1000);
    const r = await secretaryA.post<PostView>(`/api/board-posts/${p.id}/comments`, { body: '已联系物业今天清理。' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.stage).toBe('replied');
    expect(r.body.comments.map((c) => [c.official, c.body])).toEqual([
      [false, '我也看到了'],
      [true, '已联系物业今天清理。'],
    ]);
    expect(r.body.commentCount).toBe(2);
    expect(r.body.comments[1]!.authorLabel).toBe('孙丽·银杏社区');
    await t.dispatch();
    const note = await residentA.get<{ items: { kind: string; link: string }[] }>('/api/notifications');
    expect(note.body.items.find((x) => x.link === `/posts/${p.id}`)?.kind).toBe('board.replied');
  });

  it('converts a post into a case with the author as reporter; post and case link each other', async () => {
    const photo = await uploadPhoto(residentA, 55);
    const p = await post(residentA, demo.A.id, {
      title: '小区草坪被挖了种菜',
      body: '中心广场的草坪被人挖了种菜。',
      attachments: [photo],
    });
    const cats = await secretaryA.get<{ items: { id: string; code: string }[] }>('/api/case-categories');
    const categoryId = cats.body.items.find((c) => c.code === 'SQ06')!.id;
    await refusedCleanly(t, async () => {
      // Residents may report cases themselves, but only the committee converts posts.
      expectProblem(
        await residentA.post(`/api/board-posts/${p.id}/convert`, { version: 1, categoryId }),
        403,
        'forbidden',
      );
      expectProblem(
        await neighbourA.post(`/api/board-posts/${p.id}/convert`, { version: 1, categoryId }),
        403,
        'forbidden',
      );
      expectProblem(
        await secretaryA.post(`/api/board-posts/${p.id}/convert`, { version: 1, categoryId, placeId: demo.D.id }),
        422,
        'validation_failed',
        '/placeId',
      );
    });
    const res = await secretaryA.post<PostView>(`/api/board-posts/${p.id}/convert`, { version: 1, categoryId });
    expect(res.status, res.text).toBe(200);
    expect(res.body.caseNo).toMatch(/^\d+$/);
    const caseId = res.body.caseId!;
    // The resident is the case's reporter and sees it in full, photo included.
    const c = await residentA.get<{ id: string; description: string; attachments: string[] }>(`/api/cases/${caseId}`);
    expect(c.status, c.text).toBe(200);
    expect(c.body.description).toContain('小区草坪被挖了种菜');
    const mine = await residentA.get<{ items: { id: string }[] }>('/api/cases/mine');
    expect(mine.body.items.map((x) => x.id)).toContain(caseId);
    const back = await secretaryA.get<{ id: string }>(`/api/board-posts/by-case/${caseId}`);
    expect(back.body.id).toBe(p.id);
    expectProblem(
      await secretaryA.post(`/api/board-posts/${p.id}/convert`, { version: res.body.version, categoryId }),
      409,
      'already_converted',
    );
    const help = await post(residentA, demo.A.id, { board: 'help', kind: 'request', title: '求助搬家' });
    expectProblem(
      await secretaryA.post(`/api/board-posts/${help.id}/convert`, { version: 1, categoryId }),
      409,
      'not_convertible',
    );
    expect((await auditSearch(admin, { action: 'board.convert' })).map((e) => e.resourceId)).toContain(p.id);
  });
});

describe('mutual help and give-aways', () => {
  it('互助: a neighbour takes the request, it is done, the author thanks', async () => {
    const p = await post(residentA, demo.A.id, { board: 'help', kind: 'request', title: '谁能帮忙修下水管' });
    expectProblem(
      await residentA.post(`/api/board-posts/${p.id}/step`, { version: 1, step: 'take' }),
      403,
      'step_not_allowed',
    );
    const taken = await neighbourA.post<PostView>(`/api/board-posts/${p.id}/step`, { version: 1, step: 'take' });
    expect(taken.body).toMatchObject({ stage: 'taken', takerLabel: '李强·第一网格' });
    const done = await neighbourA.post<PostView>(`/api/board-posts/${p.id}/step`, { version: 2, step: 'done' });
    expect(done.body.stage).toBe('done');
    const thanked = await residentA.post<PostView>(`/api/board-posts/${p.id}/step`, {
      version: 3,
      step: 'thank',
      note: '太感谢李师傅了！',
    });
    expect(thanked.body).toMatchObject({ stage: 'thanked', thanks: '太感谢李师傅了！' });
    expectProblem(
      await neighbourA.post(`/api/board-posts/${p.id}/step`, { version: 4, step: 'take' }),
      409,
      'illegal_step',
    );
  });

  it('闲置: a stroller with photos is reserved, handed over and closed; photos only for the community', async () => {
    const photo = await uploadPhoto(residentA, 66);
    const p = await post(residentA, demo.A.id, {
      board: 'giveaway',
      kind: 'give',
      title: '送婴儿推车',
      body: '九成新，自提。',
      attachments: [photo],
    });
    expect((await neighbourA.get(`/api/board-posts/${p.id}/attachments/${photo}`)).status).toBe(200);
    expectProblem(await residentD.get(`/api/board-posts/${p.id}/attachments/${photo}`), 404, 'not_found');
    const reserved = await neighbourA.post<PostView>(`/api/board-posts/${p.id}/step`, { version: 1, step: 'reserve' });
    expect(reserved.body.stage).toBe('reserved');
    expectProblem(
      await neighbourA.post(`/api/board-posts/${p.id}/step`, { version: 2, step: 'hand_over' }),
      403,
      'step_not_allowed',
    );
    const handed = await residentA.post<PostView>(`/api/board-posts/${p.id}/step`, { version: 2, step: 'hand_over' });
    expect(handed.body.stage).toBe('handed_over');
    const closed = await residentA.post<PostView>(`/api/board-posts/${p.id}/step`, { version: 3, step: 'close' });
    expect(closed.body.stage).toBe('closed');
  });

  it('followers hear about new comments; authors follow their own posts', async () => {
    const p = await post(residentA, demo.A.id, { title: '关注测试:电动车充电桩' });
    expect(p.following).toBe(true);
    const res = await neighbourA.post<{ following: boolean }>(`/api/board-posts/${p.id}/follow`, { following: true });
    expect(res.body.following).toBe(true);
    expect((await get(neighbourA, p.id)).following).toBe(true);
    const secretaryD = await signIn(t, PHONES.secretaryD);
    expectProblem(await secretaryD.post(`/api/board-posts/${p.id}/follow`, { following: true }), 404, 'not_found');
    const linkOf = async (c: TestClient) =>
      (await c.get<{ items: { kind: string; link: string }[] }>('/api/notifications')).body.items.filter(
        (x) => x.link === `/posts/${p.id}` && x.kind === 'board.commented',
      ).length;
    await neighbourA.post(`/api/board-posts/${p.id}/comments`, { body: '小区东门可以装' });
    await t.dispatch();
    expect(await linkOf(residentA)).toBe(1); // the author follows
    expect(await linkOf(neighbourA)).toBe(0); // not about one's own comment
    await neighbourA.post(`/api/board-posts/${p.id}/follow`, { following: false });
    await residentA.post(`/api/board-posts/${p.id}/comments`, { body: '好主意' });
    await t.dispatch();
    expect(await linkOf(neighbourA)).toBe(0);
  });

  it('likes count once per person and can be taken back', async () => {
    const p = await post(residentA, demo.A.id, { title: '点赞测试' });
    for (let i = 0; i < 2; i++) {
      const r = await neighbourA.post<{ likeCount: number }>(`/api/board-posts/${p.id}/like`, { liked: true });
      expect(r.body.likeCount).toBe(1);
    }
    expect((await get(neighbourA, p.id)).liked).toBe(true);
    const off = await neighbourA.post<{ likeCount: number }>(`/api/board-posts/${p.id}/like`, { liked: false });
    expect(off.body.likeCount).toBe(0);
  });
});

describe('moderation', () => {
  it('holds posts with listed words (Aho-Corasick, spacing tricks too) until a moderator restores them', async () => {
    const add = await admin.post<{ items: { id: string; word: string }[] }>('/api/board-words', {
      nodeId: demo.district.id,
      words: ['赌博', '六合彩'],
    });
    expect(add.status, add.text).toBe(201);
    const p = await post(residentA, demo.A.id, { title: '周末活动', body: '有人一起 赌·博 吗' });
    expect(p).toMatchObject({ status: 'held', heldWords: ['赌博'] });
    expect(await listIds(neighbourA, demo.A.id)).not.toContain(p.id);
    expect(await listIds(residentA, demo.A.id)).toContain(p.id);
    expectProblem(await neighbourA.get(`/api/board-posts/${p.id}`), 404, 'not_found');
    const q = await secretaryA.get<{ posts: { id: string }[] }>('/api/board-moderation');
    expect(q.body.posts.map((x) => x.id)).toContain(p.id);
    const secretaryD = await signIn(t, PHONES.secretaryD);
    const qd = await secretaryD.get<{ posts: { id: string }[] }>('/api/board-moderation');
    expect(qd.body.posts.map((x) => x.id)).not.toContain(p.id);
    const restored = await secretaryA.post<PostView>(`/api/board-posts/${p.id}/moderate`, {
      action: 'restore',
      reason: '说的是棋牌活动，不是赌博',
    });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.status).toBe('visible');
    expect(await listIds(neighbourA, demo.A.id)).toContain(p.id);
    const audit = await auditSearch(admin, { action: 'board.restore' });
    expect(audit.find((e) => e.resourceId === p.id)?.detail).toMatchObject({ reason: '说的是棋牌活动，不是赌博' });
  });

  it('residents report; cadres hide with a reason the author sees; nobody else sees a hidden post', async () => {
    const p = await post(residentA, demo.A.id, { title: '卖保健品', body: '包治百病' });
    for (let i = 0; i < 2; i++)
      expect((await neighbourA.post(`/api/board-posts/${p.id}/report`, { reason: '虚假广告' })).status).toBe(200);
    expect((await get(secretaryA, p.id)).reportCount).toBe(1);
    expectProblem(
      await residentA.post(`/api/board-posts/${p.id}/report`, { reason: '自己' }),
      422,
      'validation_failed',
    );
    const q = await secretaryA.get<{ posts: { id: string; reportCount: number }[] }>('/api/board-moderation');
    expect(q.body.posts.find((x) => x.id === p.id)?.reportCount).toBe(1);
    await refusedCleanly(t, async () => {
      expectProblem(
        await neighbourA.post(`/api/board-posts/${p.id}/moderate`, { action: 'hide', reason: '越权' }),
        403,
        'forbidden',
      );
      expectProblem(
        await secretaryA.post(`/api/board-posts/${p.id}/moderate`, { action: 'hide', reason: ' ' }),
        422,
        'validation_failed',
      );
    });
    const hidden = await secretaryA.post<PostView>(`/api/board-posts/${p.id}/moderate`, {
      action: 'hide',
      reason: '涉嫌虚假医疗广告',
    });
    expect(hidden.body.status).toBe('hidden');
    expectProblem(await neighbourA.get(`/api/board-posts/${p.id}`), 404, 'not_found');
    const own = await get(residentA, p.id);
    expect(own).toMatchObject({ status: 'hidden', moderationReason: '涉嫌虚假医疗广告', abilities: { edit: false } });
    expect((await auditSearch(admin, { action: 'board.hide' })).map((e) => e.resourceId)).toContain(p.id);
  });

  it('word lists: only moderators above a node change them', async () => {
    const secretaryD = await signIn(t, PHONES.secretaryD);
    const words = await admin.get<{ items: { id: string; word: string }[] }>(`/api/board-words?nodeId=${demo.A.id}`);
    const id = words.body.items.find((w) => w.word === '六合彩')!.id;
    await refusedCleanly(t, async () => {
      expectProblem(await secretaryD.delete(`/api/board-words/${id}`), 404, 'not_found');
      expectProblem(
        await secretaryA.post('/api/board-words', { nodeId: demo.district.id, words: ['越权'] }),
        422,
        'validation_failed',
        '/nodeId',
      );
      expectProblem(await residentA.get('/api/board-words'), 403, 'forbidden');
    });
    const local = await secretaryA.post<{ items: { word: string; nodeName: string }[] }>('/api/board-words', {
      nodeId: demo.A.id,
      words: ['传销'],
    });
    expect(local.body.items.map((w) => [w.word, w.nodeName])).toEqual(
      expect.arrayContaining([
        ['赌博', '临江区'],
        ['传销', '银杏社区'],
      ]),
    );
    const inD = await secretaryD.get<{ items: { word: string }[] }>('/api/board-words');
    expect(inD.body.items.map((w) => w.word)).not.toContain('传销');
  });
});
