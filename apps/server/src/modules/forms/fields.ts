/**
 * Pure checks of a form's field definitions (beyond the TypeBox shape) and its fingerprint: what makes two
 * forms "the same form" for the duplicate refusal.
 */
import { createHash } from 'node:crypto';
import { api } from '@linli/contracts';

type Field = api.forms.FormFieldT;
type Binding = api.forms.BindingT;
export type FieldError = { path: string; code: string };

const NUMBER_BINDINGS = new Set(['people', 'households', 'tag_count', 'age_count', 'floor_area']);
const CHOICE = new Set(['choice', 'multi_choice']);

/** Structural rules: unique keys, options only on choices, columns only on tables, bindings typed right. */
export function checkFields(fields: readonly Field[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  fields.forEach((f, i) => {
    const at = (p: string) => `/fields/${i}${p}`;
    if (seen.has(f.key)) errors.push({ path: at('/key'), code: 'form_key_duplicate' });
    if (CHOICE.has(f.type) !== (f.options !== undefined))
      errors.push({ path: at('/options'), code: CHOICE.has(f.type) ? 'form_options_missing' : 'form_options_unused' });
    if (f.options && new Set(f.options).size !== f.options.length)
      errors.push({ path: at('/options'), code: 'form_options_duplicate' });
    if ((f.type === 'table') !== (f.columns !== undefined))
      errors.push({ path: at('/columns'), code: f.type === 'table' ? 'form_columns_missing' : 'form_columns_unused' });
    f.columns?.forEach((c, j) => {
      if ((c.type === 'choice') !== (c.options !== undefined))
        errors.push({ path: at(`/columns/${j}/options`), code: 'form_options_missing' });
      if (f.columns!.findIndex((x) => x.key === c.key) !== j)
        errors.push({ path: at(`/columns/${j}/key`), code: 'form_key_duplicate' });
    });
    if (f.showIf) {
      // Only an earlier field: no cycles, and the worker sees the condition before the field.
      const ref = seen.get(f.showIf.field);
      if (ref === undefined) errors.push({ path: at('/showIf/field'), code: 'form_condition_unknown' });
    }
    if (f.binding) {
      const code = bindingError(f, f.binding);
      if (code) errors.push({ path: at('/binding'), code });
      // A bound field is answered by the registry: it is never hidden by a condition.
      if (f.showIf) errors.push({ path: at('/showIf'), code: 'form_bound_conditional' });
    }
    seen.set(f.key, i);
  });
  return errors;
}

function bindingError(f: Field, b: Binding): string | null {
  if (b.kind === 'tag_list') {
    if (f.type !== 'table') return 'form_binding_type';
    const allowed: readonly string[] = api.forms.TAG_LIST_COLUMNS;
    if (!f.columns?.every((c) => allowed.includes(c.key) && c.type === 'text')) return 'form_binding_columns';
  } else if (!NUMBER_BINDINGS.has(b.kind) || f.type !== 'number') return 'form_binding_type';
  const needsTag = b.kind === 'tag_count' || b.kind === 'tag_list';
  if (needsTag !== (b.tag !== undefined)) return 'form_binding_tag';
  if ((b.kind === 'age_count') !== (b.minAge !== undefined)) return 'form_binding_age';
  return null;
}

export const isBound = (f: Field) => f.binding !== undefined;

/** Canonical JSON (sorted keys) of what is asked — keys, types, options, columns, bindings; labels excluded. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => k !== 'label' && (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export const fingerprint = (fields: readonly Field[]) => createHash('sha256').update(canonical(fields)).digest('hex');

/** A key naming what a field asks, to find the same question in other forms (binding, else type + label). */
export function questionKey(f: Field): string {
  if (f.binding) return `b:${canonical(f.binding)}`;
  return `l:${f.type}:${f.label.replace(/\s+/g, '').toLowerCase()}`;
}
