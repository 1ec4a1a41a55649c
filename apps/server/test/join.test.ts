import { makeIdNumber, maskIdNumber } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import {
  type Application,
  applicant,
  auditSearch,
  type Demo,
  emptyRooms,
  expectProblem,
  joinToken,
  loadDemo,
  type Me,
  nothingWritten,
  PHONES,
  signIn,
} from './helpers.ts';

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
let rooms: string[];
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
  demo = await loadDemo(t, admin);
  rooms = await emptyRooms(t, demo.A.id);
});
afterAll(() => t.close());

const queueTotal = async () =>
  (await secretary.get<{ total: number }>(`/api/join-applications?nodeId=${demo.A.id}&limit=1`)).body.total;
const tokenA = () => joinToken(secretary, demo.A.id);
const apply = async (token: string, body: unknown, c: TestClient = t.client()) =>
  c.post<{ application: Application; csrfToken: string | null }>(`/api/join/${token}/applications`, body);

describe('join page', () => {
  it("shows the community's name, place and address tree to anyone holding the link", async () => {
    const res = await t.client().get<{
      community: Record<string, string>;
      addressTree: { id: string; type: string; parentId: string }[];
      freeTextAddress: boolean;
    }>(`/api/join/${await tokenA()}`);
    expect(res.status).toBe(200);
    expect(res.body.community).toEqual({
      id: demo.A.id,
      name: '银杏社区',
      kind: 'residential',
      street: '青松街道',
      district: '临江区',
    });
    expect(res.body.freeTextAddress).toBe(false);
    const expected = demo.under(demo.A).map((n) => n.id);
    expect(res.body.addressTree.map((n) => n.id).sort()).toEqual(expected.sort());
    expect(new Set(res.body.addressTree.map((n) => n.type))).toEqual(new Set(['grid', 'building', 'unit', 'room']));
  });

  it('lets villagers type their address (free text) in a village', async () => {
    const res = await t
      .client()
      .get<{ community: { kind: string; street: string }; freeTextAddress: boolean }>(
        `/api/join/${await joinToken(admin, demo.F.id)}`,
      );
    expect(res.status).toBe(200);
    expect(res.body.community).toMatchObject({ kind: 'village', street: '白鹭镇' });
    expect(res.body.freeTextAddress).toBe(true);
  });
});

describe('applying', () => {
  it('creates the account, signs the applicant in, and shows the pending application', async () => {
    const before = await queueTotal();
    const body = applicant({ addressNodeId: rooms[0] });
    const c = t.client();
    const res = await apply(await tokenA(), body, c);
    expect(res.status, res.text).toBe(201);
    expect(String(res.headers['set-cookie'])).toMatch(/linli_sid=.+HttpOnly/i);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const a = res.body.application;
    expect(a).toMatchObject({ communityId: demo.A.id, communityName: '银杏社区', status: 'pending', name: body.name });
    expect(a.idNumberMasked).toBe(maskIdNumber(body.idNumber));
    expect(res.text).not.toContain(body.idNumber);
    expect(a).toMatchObject({ birthDate: '1988-01-01', addressNodeId: rooms[0] });
    expect(a.address).toMatch(/号楼 \d单元 \d0\d室$/);

    const mine = await c.get<{ items: Application[] }>('/api/me/applications');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x) => [x.id, x.status])).toEqual([[a.id, 'pending']]);
    const me = await c.get<{ me: Me }>('/api/auth/me');
    expect(me.body.me).toMatchObject({ homeCommunityId: null, grants: [] });
    expect(me.body.me.user.name).toBe(body.name);
    expect(await queueTotal()).toBe(before + 1);
    // The new account signs in with the password chosen on the form.
    expect((await t.client().post('/api/auth/login', { phone: body.phone, password: body.password })).status).toBe(200);
    const audit = await auditSearch(admin, { actor: body.phone });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.register', 'join.apply']));
    expect(audit.find((e) => e.action === 'join.apply')).toMatchObject({ resourceId: a.id, nodeId: demo.A.id });
  });

  it('takes a signed-in applicant without creating another account', async () => {
    const c = await signIn(t, PHONES.residentD);
    const users = (await t.database.db.selectFrom('app_user').select('id').execute()).length;
    const res = await apply(await tokenA(), applicant({ phone: PHONES.residentD, addressNodeId: rooms[1] }), c);
    expect(res.status, res.text).toBe(201);
    expect(res.body.csrfToken).toBeNull();
    expect((await t.database.db.selectFrom('app_user').select('id').execute()).length).toBe(users);
    expect((await c.get<{ items: Application[] }>('/api/me/applications')).body.items).toHaveLength(1);
  });

  it('accepts a free-text address in a village', async () => {
    const res = await apply(await joinToken(admin, demo.F.id), applicant({ addressText: '三组 12号' }));
    expect(res.status, res.text).toBe(201);
    expect(res.body.application).toMatchObject({ address: '三组 12号', addressNodeId: null, communityName: '桃源村' });
  });
});

describe('bad input is refused with a problem naming the field, and nothing is written', () => {
  const valid = makeIdNumber('110101', '19900101', 1);
  const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const cases: [string, (d: Demo) => Record<string, unknown>, string, string][] = [
    ['ID number with a wrong check character', () => ({ idNumber: badCheck }), '/idNumber', 'invalid_id_number'],
    [
      'ID number with an impossible birth date',
      () => ({ idNumber: makeIdNumber('110101', '19900230', 7) }),
      '/idNumber',
      'invalid_id_number',
    ],
    [
      'ID number born in the future',
      () => ({ idNumber: makeIdNumber('110101', '20991231', 7) }),
      '/idNumber',
      'invalid_id_number',
    ],
    ['ID number too short', () => ({ idNumber: '11010119900101' }), '/idNumber', 'invalid_id_number'],
    ['malformed phone', () => ({ phone: '1234567890' }), '/phone', 'invalid_phone'],
    ['missing name', () => ({ name: undefined }), '/name', 'required'],
    ['one-character name', () => ({ name: '王' }), '/name', 'minLength'],
    ['weak password', () => ({ password: 'password1' }), '/password', 'password_too_simple'],
    ['short password', () => ({ password: 'Ab#1' }), '/password', 'password_too_short'],
    ['no password for a new account', () => ({ password: undefined }), '/password', 'password_required'],
    [
      'no address in a residential community',
      () => ({ addressNodeId: undefined }),
      '/addressNodeId',
      'address_required',
    ],
    [
      'typed address in a residential community',
      () => ({ addressNodeId: undefined, addressText: '3号楼' }),
      '/addressNodeId',
      'address_required',
    ],
    [
      'address in another community',
      (d) => ({ addressNodeId: d.under(d.B, 'room')[0]!.id }),
      '/addressNodeId',
      'address_outside_community',
    ],
    [
      'address that does not exist',
      () => ({ addressNodeId: '987654321' }),
      '/addressNodeId',
      'address_outside_community',
    ],
    [
      'address that is a grid, not a home',
      (d) => ({ addressNodeId: d.under(d.A, 'grid')[0]!.id }),
      '/addressNodeId',
      'address_not_pickable',
    ],
    ['unknown extra field', () => ({ isAdmin: true }), '/isAdmin', 'additionalProperties'],
  ];
  it.each(cases)('%s', async (_label, over, path, fieldCode) => {
    const token = await tokenA();
    const before = await queueTotal();
    const body = { ...applicant({ addressNodeId: rooms[5] }), ...over(demo) };
    const res = await nothingWritten(t, () => apply(token, body));
    const p = expectProblem(res, 422, 'validation_failed', path);
    expect(p.errors?.find((e) => e.path === path)?.code).toBe(fieldCode);
    expect(await queueTotal()).toBe(before);
  });

  it('refuses unknown and forged tokens with 404 join_link_invalid', async () => {
    const valid = await tokenA();
    const [id, version] = valid.split('-');
    for (const token of [
      'not-a-real-join-token',
      `${id}-${version}-${'A'.repeat(24)}`,
      `${demo.B.id}-1-${valid.slice(-24)}`,
    ]) {
      expectProblem(await t.client().get(`/api/join/${token}`), 404, 'join_link_invalid');
      expectProblem(
        await nothingWritten(t, () => apply(token, applicant({ addressNodeId: rooms[5] }))),
        404,
        'join_link_invalid',
      );
    }
    expectProblem(await t.client().get('/api/join/short'), 422, 'validation_failed', '/params/token');
  });

  it('refuses an oversized body (413), a wrong content type (415) and malformed JSON (400)', async () => {
    const url = `/api/join/${await tokenA()}/applications`;
    const c = t.client();
    await nothingWritten(t, async () => {
      const big = { ...applicant({ addressNodeId: rooms[5] }), addressText: 'x'.repeat(300 * 1024) };
      expectProblem(await c.post(url, big), 413, 'payload_too_large');
      expectProblem(await c.post(url, 'name=王五', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
      expectProblem(
        await c.post(url, 'name=王五', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
      );
      expectProblem(
        await c.post(url, '{"name": "王五",', { 'content-type': 'application/json' }),
        400,
        'malformed_json',
      );
    });
  });

  it('refuses the same ID number twice in one community (409) but not in another community', async () => {
    const first = applicant({ addressNodeId: rooms[6] });
    expect((await apply(await tokenA(), first)).status).toBe(201);
    const again = applicant({ idNumber: first.idNumber, addressNodeId: rooms[7] });
    const token = await tokenA();
    expectProblem(await nothingWritten(t, () => apply(token, again)), 409, 'already_applied');
    const elsewhere = await joinToken(admin, demo.D.id);
    const inD = applicant({ idNumber: first.idNumber, addressNodeId: demo.under(demo.D, 'room')[0]!.id });
    expect((await apply(elsewhere, inD)).status).toBe(201);
  });

  it('refuses a phone number that already has an account (409 phone_registered)', async () => {
    const body = applicant({ phone: PHONES.residentA, addressNodeId: rooms[8] });
    const token = await tokenA();
    expectProblem(await nothingWritten(t, () => apply(token, body)), 409, 'phone_registered');
  });
});

describe('rotating the join link', () => {
  it('stops the old token at once; the new one works', async () => {
    const old = await tokenA();
    const rotated = await secretary.post<{ token: string; version: number; url: string }>(
      `/api/communities/${demo.A.id}/join-link/rotate`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(old);
    expect(rotated.body.url).toMatch(new RegExp(`/join/${rotated.body.token}$`));
    expectProblem(await t.client().get(`/api/join/${old}`), 404, 'join_link_invalid');
    expectProblem(
      await nothingWritten(t, () => apply(old, applicant({ addressNodeId: rooms[9] }))),
      404,
      'join_link_invalid',
    );
    expect((await t.client().get(`/api/join/${rotated.body.token}`)).status).toBe(200);
    expect((await apply(rotated.body.token, applicant({ addressNodeId: rooms[9] }))).status).toBe(201);
    expect(await tokenA()).toBe(rotated.body.token);
    const audit = await auditSearch(admin, { action: 'join.link.rotate' });
    expect(audit[0]).toMatchObject({ actorName: '孙丽', actorRole: 'community_secretary', nodeId: demo.A.id });
  });
});
