import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/testing/index.ts';
import { auditSearch, expectProblem, nothingWritten, PHONES, signIn } from './helpers.ts';

interface Category {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  defaultLevel: string;
  defaultDepartmentCode: string | null;
  limits: Record<string, { value: number; unit: string }>;
  yellowAt: number;
  urgent: boolean;
  active: boolean;
  version: number;
}

let t: TestApp;
let admin: TestClient;
let secretary: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, PHONES.admin);
  secretary = await signIn(t, PHONES.secretaryA);
});
afterAll(() => t.close());

const list = async (c: TestClient, q = '') =>
  (await c.get<{ items: Category[] }>(`/api/case-categories${q}`)).body.items;
const byCode = async (code: string) => (await list(admin, '?includeInactive=true')).find((c) => c.code === code)!;

describe('case categories', () => {
  it('ships the self-governance and city-management trees with limits, levels and departments', async () => {
    const items = await list(secretary);
    const codes = items.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['SQ', 'SQ06', 'SJ', 'SJ0101', 'SJ0302', 'BJ', 'BJ0101']));
    const rubbish = items.find((c) => c.code === 'SJ0101')!;
    // 暴露垃圾: 4 working hours, handled by the city-management department.
    expect(rubbish).toMatchObject({ name: '暴露垃圾', kind: 'event', defaultLevel: 'department' });
    expect(rubbish.limits.handle).toEqual({ value: 4, unit: 'working_hours' });
    expect(rubbish.defaultDepartmentCode).toBe('cgj');
    expect(items.find((c) => c.code === 'BJ0101')).toMatchObject({ urgent: true });
    expect(items.find((c) => c.code === 'SQ06')).toMatchObject({ kind: 'self_governance', defaultLevel: 'courtyard' });
    // Parents come before their children, so the tree can be built in one pass.
    const seen = new Set<string>();
    for (const c of items) {
      if (c.parentId) expect(seen.has(c.parentId)).toBe(true);
      seen.add(c.id);
    }
  });

  it('lets the district admin add a child that inherits kind, level and limits, and audits it', async () => {
    const parent = await byCode('SQ');
    const res = await admin.post<Category>('/api/case-categories', {
      parentId: parent.id,
      code: 'SQ09',
      name: '高空抛物',
      nameEn: 'Throwing objects from height',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ code: 'SQ09', kind: 'self_governance', defaultLevel: 'community', version: 1 });
    expect(res.body.limits).toEqual(parent.limits);
    expect((await list(secretary)).some((c) => c.code === 'SQ09')).toBe(true);
    const entry = (await auditSearch(admin, { action: 'category.create' }))[0];
    expect(entry).toMatchObject({ actorName: '赵明', resourceId: res.body.id });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const sq = await byCode('SQ');
    const base = { parentId: sq.id, code: 'SQ10', name: '测试', nameEn: 'Test' };
    await nothingWritten(t, async () => {
      expectProblem(
        await admin.post('/api/case-categories', { ...base, code: 'SJ10' }),
        422,
        'validation_failed',
        '/code',
      );
      expectProblem(
        await admin.post('/api/case-categories', { ...base, code: 'SQ1001' }),
        422,
        'validation_failed',
        '/code',
      );
      expectProblem(
        await admin.post('/api/case-categories', { ...base, code: 'SQ01' }),
        422,
        'validation_failed',
        '/code',
      );
      expectProblem(
        await admin.post('/api/case-categories', { ...base, parentId: '987654' }),
        422,
        'validation_failed',
        '/parentId',
      );
      expectProblem(
        await admin.post('/api/case-categories', { ...base, limits: { handle: { value: 1.5, unit: 'working_days' } } }),
        422,
        'validation_failed',
        '/limits/handle/value',
      );
      expectProblem(
        await admin.post('/api/case-categories', { ...base, defaultDepartmentCode: 'nope' }),
        422,
        'validation_failed',
        '/defaultDepartmentCode',
      );
      expectProblem(await admin.post('/api/case-categories', { ...base, yellowAt: 1.2 }), 422, 'validation_failed');
    });
  });

  it('updates with optimistic concurrency and retires without deleting', async () => {
    const noise = await byCode('SQ05');
    const limits = { accept: { value: 2, unit: 'working_hours' }, handle: { value: 1, unit: 'working_days' } };
    const ok = await admin.patch<Category>(`/api/case-categories/${noise.id}`, { version: noise.version, limits });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ limits, version: noise.version + 1 });
    const stale = await admin.patch(`/api/case-categories/${noise.id}`, { version: noise.version, name: '旧版本' });
    expectProblem(stale, 409, 'version_conflict');
    const retired = await admin.patch<Category>(`/api/case-categories/${noise.id}`, {
      version: noise.version + 1,
      active: false,
    });
    expect(retired.body.active).toBe(false);
    expect((await list(secretary)).some((c) => c.code === 'SQ05')).toBe(false);
    expect((await list(admin, '?includeInactive=true')).some((c) => c.code === 'SQ05')).toBe(true);
  });

  it('is read by any signed-in user but managed only by the district admin', async () => {
    expectProblem(await t.client().get('/api/case-categories'), 401, 'unauthenticated');
    const sq = await byCode('SQ');
    await nothingWritten(t, async () => {
      expectProblem(
        await secretary.post('/api/case-categories', { parentId: sq.id, code: 'SQ11', name: '越权', nameEn: 'x' }),
        403,
        'forbidden',
      );
      expectProblem(
        await secretary.patch(`/api/case-categories/${sq.id}`, { version: 1, name: '越权' }),
        403,
        'forbidden',
      );
    });
  });
});
