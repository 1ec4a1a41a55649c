/** The tag taxonomy (district-managed), pinyin initials for people registered by join, localized errors. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillInitials } from '../src/modules/registry/initials-job.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { type Demo, expectProblem, loadDemo, type Page, PHONES, signIn } from './helpers.ts';
import { freeRoomsUnder, type PersonRow, register, unchanged } from './registry-helpers.ts';

interface Tag {
  code: string;
  setterRoles: string[];
  viewerRoles: string[];
  active: boolean;
  derived: boolean;
  version: number;
}

let t: TestApp;
let demo: Demo;
let admin: TestClient;
let secretary: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
});
afterAll(() => t.close());

const tags = async (c: TestClient) => (await c.get<{ items: Tag[] }>('/api/registry/tags')).body.items;

describe('the taxonomy', () => {
  it('is seeded with the tags used in practice, age tags derived', async () => {
    const all = await tags(secretary);
    expect(all.map((x) => x.code)).toEqual(
      expect.arrayContaining([
        'party_member',
        'low_income',
        'extreme_poverty',
        'disabled',
        'elderly_alone',
        'advanced_age',
        'school_age',
        'veteran',
        'volunteer',
        'resident_rep',
        'key_care',
      ]),
    );
    expect(
      all
        .filter((x) => x.derived)
        .map((x) => x.code)
        .sort(),
    ).toEqual(['advanced_age', 'elderly', 'school_age']);
  });

  it('only the district changes who may set a tag; unknown roles and stale versions are refused', async () => {
    const volunteer = (await tags(admin)).find((x) => x.code === 'volunteer')!;
    await unchanged(t, async () => {
      expectProblem(
        await secretary.patch('/api/registry/tags/volunteer', { version: volunteer.version, active: false }),
        403,
        'forbidden',
      );
      expectProblem(
        await admin.patch('/api/registry/tags/volunteer', {
          version: volunteer.version,
          setterRoles: ['grid_worker', 'wizard'],
        }),
        422,
        'kind_invalid',
        '/setterRoles/1',
      );
      expectProblem(
        await admin.patch('/api/registry/tags/advanced_age', { version: 1, setterRoles: ['grid_worker'] }),
        422,
        'tag_derived',
      );
    });
    const res = await admin.patch<Tag>('/api/registry/tags/volunteer', {
      version: volunteer.version,
      setterRoles: ['community_secretary'],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.setterRoles).toEqual(['community_secretary']);
    await unchanged(t, async () =>
      expectProblem(
        await admin.patch('/api/registry/tags/volunteer', { version: volunteer.version, active: false }),
        409,
        'version_conflict',
      ),
    );
    // The grid worker may no longer set it.
    const person = await register(
      secretary,
      (await freeRoomsUnder(t, demo, demo.A.id, demo.child(demo.A, '第一网格')))[0]!,
    );
    const worker = await signIn(t, PHONES.gridWorkerA1);
    const put = await worker.request('PUT', `/api/registry/people/${person.id}/tags/volunteer`, {
      validFrom: '2025-01-01',
      evidence: '报名',
    });
    expectProblem(put, 403, 'tag_not_settable');
  });

  it('a retired tag cannot be set', async () => {
    const party = (await tags(admin)).find((x) => x.code === 'party_member')!;
    expect(
      (await admin.patch('/api/registry/tags/party_member', { version: party.version, active: false })).status,
    ).toBe(200);
    const person = await register(secretary, (await freeRoomsUnder(t, demo, demo.A.id, demo.A))[0]!);
    const put = await secretary.request('PUT', `/api/registry/people/${person.id}/tags/party_member`, {
      validFrom: '2025-01-01',
      evidence: '组织关系',
    });
    expectProblem(put, 422, 'not_found', '/code');
  });
});

describe('pinyin initials', () => {
  it('people written elsewhere (join approvals) become findable by initials once the job has run', async () => {
    await sql`UPDATE person SET name_initials = NULL WHERE name = '周敏'`.execute(t.database.db);
    const find = async () =>
      (await secretary.get<Page<PersonRow>>('/api/registry/people?q=zm')).body.items.map((p) => p.name);
    expect(await find()).not.toContain('周敏');
    expect(await backfillInitials(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await find()).toContain('周敏');
    expect(await backfillInitials(t.database.db)).toBe(0);
  });
});

describe('errors speak the caller’s language', () => {
  it('a bad ID checksum in Chinese and English', async () => {
    const room = (await freeRoomsUnder(t, demo, demo.A.id, demo.A))[0]!;
    const body = {
      roomId: room,
      name: '错号',
      idNumber: '110105197001015000',
      relation: 'head',
      residenceStatus: 'permanent',
    };
    const zh = await secretary.post('/api/registry/people', body);
    expectProblem(zh, 422, 'id_checksum', '/idNumber');
    expect((zh.body as { title: string }).title).toContain('校验位');
    const en = await secretary.post('/api/registry/people', body, { 'accept-language': 'en' });
    expect((en.body as { title: string }).title).toContain('check character');
  });
});
