/**
 * The duplicate guard: before sending, which fields the registry already answers (bound, or a binding is
 * suggested for a field that asks for a registry figure in other words) and which earlier forms around the
 * owner node asked the same thing within the last N days. Reads only.
 */
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { bindingErrors } from '../registry/form-bindings.ts';
import * as records from '../residents/records.ts';
import { invalid } from './designs.ts';
import { checkFields, questionKey } from './fields.ts';
import * as repo from './repository.ts';

type Field = api.forms.FormFieldT;
type Binding = api.forms.BindingT;
const DAY = 86_400_000;

/** Registry figures asked in words: "户数", "人口", "60岁以上", "建筑面积" … (numbers only). */
function suggestByWords(f: Field, tags: { code: string; name: string }[]): Binding | null {
  const l = f.label;
  if (f.type === 'table') {
    const t = tags.find((x) => l.includes(x.name));
    const cols = f.columns ?? [];
    return t && cols.every((c) => c.type === 'text' && (c.key === 'name' || c.key === 'address'))
      ? { kind: 'tag_list', tag: t.code }
      : null;
  }
  if (f.type !== 'number') return null;
  const age = /(\d{1,3})\s*(周岁|岁)以上/.exec(l);
  if (age) return { kind: 'age_count', minAge: Number(age[1]) };
  const t = tags.find((x) => l.includes(x.name));
  if (t) return { kind: 'tag_count', tag: t.code };
  if (/户数/.test(l)) return { kind: 'households' };
  if (/面积/.test(l)) return { kind: 'floor_area' };
  if (/人口|人数/.test(l)) return { kind: 'people' };
  return null;
}

export async function overlap(ctx: Ctx, b: api.forms.OverlapBodyT) {
  const owner = await org.getNode(ctx.tx, b.ownerNodeId);
  if (!owner || !ctx.can('form.design', owner.path))
    throw new AppError(422, 'node_not_found', {}, [{ path: '/ownerNodeId', code: 'node_not_found' }]);
  const errors = checkFields(b.fields);
  if (errors.length) throw invalid(errors);
  const tags = (await records.allTags(ctx.tx)).filter((t) => t.active && t.min_age === null && t.max_age === null);

  // Registry: bound fields, and suggestions the caller may actually bind at the owner node.
  const suggestions = b.fields.map((f) => f.binding ?? suggestByWords(f, tags));
  const probe = b.fields.map((f, i) => ({ ...f, binding: suggestions[i] ?? undefined }));
  const denied = new Set((await bindingErrors(ctx, owner.path, probe)).map((e) => Number(e.path.split('/')[2])));

  // Earlier forms owned above or below the owner node, sent within the window.
  const since = new Date(ctx.now.getTime() - (b.days ?? 90) * DAY);
  const around = await repo.formsUnder(ctx.tx, [owner.path]);
  const sends = await repo.sendsSince(
    ctx.tx,
    around.map((f) => f.id),
    since,
  );
  const versions = await repo.versionsOf(ctx.tx, [...new Set(sends.map((s) => s.form_id))]);
  const answeredTasks = await repo.answeredOf(ctx.tx, [...new Set(sends.map((s) => s.form_id))]);
  const asked = new Map<string, { formId: string; fieldKey: string; sentAt: Date; versionNo: number }[]>();
  for (const s of sends) {
    const v = versions.find((x) => x.form_id === s.form_id && x.version_no === s.version_no);
    for (const f of (v?.fields ?? []) as Field[]) {
      const list = asked.get(questionKey(f)) ?? [];
      if (!list.some((x) => x.formId === s.form_id))
        list.push({ formId: s.form_id, fieldKey: f.key, sentAt: new Date(s.sent_at), versionNo: s.version_no });
      asked.set(questionKey(f), list);
    }
  }
  const byId = new Map(around.map((f) => [f.id, f]));
  return {
    fields: b.fields.map((f, i) => {
      const registry = denied.has(i) ? null : (suggestions[i] ?? null);
      const keys = new Set([questionKey(f), ...(registry ? [questionKey({ ...f, binding: registry })] : [])]);
      const earlier = [...keys].flatMap((k) => asked.get(k) ?? []);
      return {
        key: f.key,
        label: f.label,
        registry,
        alreadyBound: !!f.binding,
        earlier: earlier.map((e) => ({
          formId: e.formId,
          title: byId.get(e.formId)!.title,
          fieldKey: e.fieldKey,
          sentAt: e.sentAt.toISOString(),
          answeredTargets: answeredTasks.filter((t) => t.form_id === e.formId).length,
          mine: byId.get(e.formId)!.created_by === ctx.user!.id,
        })),
      };
    }),
  };
}
