import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import * as repo from './repository.ts';

type Limits = Static<typeof api.categories.StageLimits>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

const invalid = (path: string, code: string) => new AppError(422, 'validation_failed', {}, [{ path, code }]);

export const toView = (r: Row) => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind as 'self_governance' | 'event' | 'part',
  defaultLevel: r.default_level as 'courtyard' | 'community' | 'street' | 'department',
  defaultDepartmentCode: r.default_department_code,
  limits: (r.limits ?? {}) as Limits,
  yellowAt: Number(r.yellow_at),
  urgent: r.urgent,
  autoEscalate: r.auto_escalate,
  active: r.active,
  version: r.version,
});

/** A limit must be positive, and 「N个工作日」 counts whole working days (see the working calendar). */
function checkLimits(limits: Limits | undefined): void {
  for (const [stage, l] of Object.entries(limits ?? {})) {
    if (!l) continue;
    const whole = l.unit === 'working_days' || l.unit === 'natural_days';
    if (l.value <= 0 || (whole && !Number.isInteger(l.value))) throw invalid(`/limits/${stage}/value`, 'limit_invalid');
  }
}

async function checkDepartment(ctx: Ctx, code: string | null | undefined): Promise<void> {
  if (code && !(await repo.departmentExists(ctx.tx, code))) throw invalid('/defaultDepartmentCode', 'not_found');
}

export async function list(ctx: Ctx, includeInactive = false) {
  return { items: (await repo.all(ctx.tx, includeInactive)).map(toView) };
}

type CreateBody = Static<typeof api.categories.createCategory.body>;

export async function create(ctx: Ctx, b: CreateBody) {
  const parent = await repo.byId(ctx.tx, b.parentId);
  if (!parent) throw invalid('/parentId', 'not_found');
  // Codes grow by two digits per level under their parent: SJ → SJ01 → SJ0101.
  if (!b.code.startsWith(parent.code) || b.code.length !== parent.code.length + 2)
    throw invalid('/code', 'code_invalid');
  if (await repo.codeTaken(ctx.tx, b.code)) throw invalid('/code', 'code_taken');
  checkLimits(b.limits);
  await checkDepartment(ctx, b.defaultDepartmentCode);
  const id = await repo.insert(ctx.tx, {
    parent_id: parent.id,
    code: b.code,
    name: b.name.trim(),
    name_en: b.nameEn.trim(),
    kind: parent.kind,
    default_level: b.defaultLevel ?? parent.default_level,
    default_department_code: b.defaultDepartmentCode ?? parent.default_department_code,
    limits: JSON.stringify(b.limits ?? parent.limits ?? {}),
    yellow_at: b.yellowAt ?? Number(parent.yellow_at),
    urgent: b.urgent ?? parent.urgent,
    auto_escalate: b.autoEscalate ?? parent.auto_escalate,
    sort_key: 1000,
  });
  await ctx.audit({
    action: 'category.create',
    resourceType: 'case_category',
    resourceId: id,
    detail: { code: b.code, name: b.name },
  });
  await ctx.emit({ topic: 'category.changed', payload: { id } });
  return toView((await repo.byId(ctx.tx, id))!);
}

type UpdateBody = Static<typeof api.categories.updateCategory.body>;

export async function update(ctx: Ctx, id: string, b: UpdateBody) {
  const before = await repo.byId(ctx.tx, id);
  if (!before) throw notFound();
  checkLimits(b.limits);
  await checkDepartment(ctx, b.defaultDepartmentCode);
  const patch = {
    ...(b.name !== undefined ? { name: b.name.trim() } : {}),
    ...(b.nameEn !== undefined ? { name_en: b.nameEn.trim() } : {}),
    ...(b.defaultLevel !== undefined ? { default_level: b.defaultLevel } : {}),
    ...(b.defaultDepartmentCode !== undefined ? { default_department_code: b.defaultDepartmentCode } : {}),
    ...(b.limits !== undefined ? { limits: JSON.stringify(b.limits) } : {}),
    ...(b.yellowAt !== undefined ? { yellow_at: b.yellowAt } : {}),
    ...(b.urgent !== undefined ? { urgent: b.urgent } : {}),
    ...(b.autoEscalate !== undefined ? { auto_escalate: b.autoEscalate } : {}),
    ...(b.active !== undefined ? { active: b.active } : {}),
  };
  if (!(await repo.update(ctx.tx, id, b.version, patch))) throw conflict('version_conflict');
  await ctx.audit({
    action: 'category.update',
    resourceType: 'case_category',
    resourceId: id,
    detail: { code: before.code, changed: Object.keys(patch) },
  });
  await ctx.emit({ topic: 'category.changed', payload: { id } });
  return toView((await repo.byId(ctx.tx, id))!);
}

/** A category for the cases module (null when unknown). */
export async function getCategory(tx: Db, id: string) {
  const r = await repo.byId(tx, id);
  return r ? toView(r) : null;
}

/** The categories with these ids, retired ones too (a page of cases names only its own). */
export async function categoriesByIds(tx: Db, ids: readonly string[]) {
  return (await repo.byIds(tx, ids)).map(toView);
}

/** Every category, retired ones too (old cases keep theirs). */
export async function allCategories(tx: Db) {
  return (await repo.all(tx, true)).map(toView);
}
