/**
 * The registry answering data collection forms (docs/adr/0015-data-collection-forms.md): which bindings a
 * requester may ask for, and every bound value of a form for one target (community or grid).
 */
import { type api, isWithin, type Role } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';
import * as records from '../residents/records.ts';
import { isDerived, mayView } from './access.ts';
import * as repo from './form-bindings-repository.ts';

type Binding = api.forms.BindingT;
type Field = api.forms.FormFieldT;
export type BindingError = { path: string; code: string };

/** A tag list is a list of people: at most this many rows per target. */
const LIST_MAX = 2000;

/**
 * Bindings the caller may not ask for at `ownerPath`: counts need registry statistics there, a list of people
 * needs full records there, a tag must exist and be active, and a sensitive tag must be visible to a role the
 * caller holds over that node.
 */
export async function bindingErrors(ctx: Ctx, ownerPath: string, fields: readonly Field[]): Promise<BindingError[]> {
  const bound = fields.map((f, i) => ({ f, i })).filter((x) => x.f.binding);
  if (bound.length === 0) return [];
  const tags = new Map((await records.allTags(ctx.tx)).map((t) => [t.code, t]));
  // Roles held over the owner node (a department's grant reaches the streets it serves, not its own node).
  const reaches = (g: (typeof ctx.grants)[number]) => (g.scopePaths?.length ? g.scopePaths : [g.path]);
  const roles = new Set<Role>(
    ctx.grants.filter((g) => reaches(g).some((p) => isWithin(ownerPath, p))).map((g) => g.role),
  );
  const out: BindingError[] = [];
  for (const { f, i } of bound) {
    const b = f.binding!;
    const path = `/fields/${i}/binding`;
    const reach = b.kind === 'tag_list' ? ctx.can('person.read', ownerPath) : ctx.can('registry.stats', ownerPath);
    if (!reach) {
      out.push({ path, code: 'form_binding_not_visible' });
      continue;
    }
    if (b.tag !== undefined) {
      const t = tags.get(b.tag);
      if (!t?.active) out.push({ path: `${path}/tag`, code: 'form_binding_tag_unknown' });
      else if (!mayView(t, roles)) out.push({ path: `${path}/tag`, code: 'form_binding_not_visible' });
    }
  }
  return out;
}

/** Every bound field's value for the target at `path` in `communityId`, as the registry stands today. */
export async function boundValues(
  tx: Db,
  now: Date,
  target: { communityId: string; path: string },
  fields: readonly Field[],
): Promise<Record<string, unknown>> {
  const bound = fields.filter((f) => f.binding);
  if (bound.length === 0) return {};
  const today = records.chinaToday(now);
  const taxonomy = await records.allTags(tx);
  const ages: records.AgeTags = new Map(
    taxonomy.filter(isDerived).map((t) => [t.code, { min: t.min_age, max: t.max_age }]),
  );
  const where = (b: Binding) =>
    b.kind === 'age_count'
      ? records.ruleWhere({ all: [{ age: { min: b.minAge! } }] }, today, ages)
      : ages.has(b.tag!)
        ? records.ruleWhere({ all: [{ tag: b.tag!, has: true }] }, today, ages)
        : repo.taggedIn(target.communityId, b.tag!, today);
  const specs: repo.ValueSpec[] = [];
  for (const f of bound) {
    const b = f.binding!;
    if (b.kind === 'people') specs.push({ key: f.key, where: null, kind: 'count' });
    else if (b.kind === 'households') specs.push({ key: f.key, where: null, kind: 'households' });
    else if (b.kind === 'tag_count' || b.kind === 'age_count')
      specs.push({ key: f.key, where: where(b), kind: 'count' });
    else if (b.kind === 'tag_list') specs.push({ key: f.key, where: where(b), kind: 'list' });
  }
  const needsArea = bound.some((f) => f.binding!.kind === 'floor_area');
  const [values, area] = await Promise.all([
    repo.valuesUnder(tx, target, specs, LIST_MAX),
    needsArea ? repo.floorAreaUnder(tx, target.communityId, target.path) : null,
  ]);
  const out: Record<string, unknown> = {};
  for (const f of bound) {
    const v = values.get(f.key);
    if (f.binding!.kind === 'floor_area') out[f.key] = area;
    else if (f.binding!.kind !== 'tag_list') out[f.key] = v;
    else {
      const cols = new Set((f.columns ?? []).map((c) => c.key));
      out[f.key] = (v as repo.ListRow[]).map((r) => ({
        ...(cols.has('name') ? { name: r.name } : {}),
        ...(cols.has('address') ? { address: r.address_text } : {}),
      }));
    }
  }
  return out;
}
