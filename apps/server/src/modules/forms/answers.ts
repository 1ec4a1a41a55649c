/**
 * Pure checks of a task's answers against its form version: types always (a draft keeps only well-typed
 * values), required and conditional fields on submit.
 */
import type { api } from '@linli/contracts';
import type { FieldError } from './fields.ts';

type Field = api.forms.FormFieldT;
type SubField = NonNullable<Field['columns']>[number];
export type Answers = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NODE = /^[0-9]{1,18}$/;
/** A photo is an upload of the attachments module, named by the sha256 of its bytes. */
const ATTACHMENT = /^[0-9a-f]{64}$/;
const TABLE_ROWS_MAX = 2000;

export const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Whether a value has the field's type (null/empty is handled by the caller). */
function typed(f: Pick<Field, 'type' | 'options'>, v: unknown): string | null {
  const opts = f.options ?? [];
  switch (f.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 2000 ? null : 'form_answer_type';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'form_answer_type';
    case 'date':
      return isDate(v) ? null : 'form_answer_type';
    case 'choice':
      if (typeof v !== 'string') return 'form_answer_type';
      return opts.includes(v) ? null : 'form_answer_option';
    case 'multi_choice':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return 'form_answer_type';
      if (new Set(v).size !== v.length) return 'form_answer_type';
      return v.every((x) => opts.includes(x)) ? null : 'form_answer_option';
    case 'person':
    case 'household':
      return typeof v === 'string' && UUID.test(v) ? null : 'form_answer_type';
    case 'photo':
      return typeof v === 'string' && ATTACHMENT.test(v) ? null : 'form_answer_type';
    case 'building':
      return typeof v === 'string' && NODE.test(v) ? null : 'form_answer_type';
    case 'location': {
      const o = v as { lat?: unknown; lng?: unknown };
      const ok =
        !!o &&
        typeof o === 'object' &&
        Object.keys(o).length === 2 &&
        typeof o.lat === 'number' &&
        typeof o.lng === 'number' &&
        Math.abs(o.lat) <= 90 &&
        Math.abs(o.lng) <= 180;
      return ok ? null : 'form_answer_type';
    }
    default:
      return null;
  }
}

/** Shown: no condition, or the condition's field has a value (equal to `equals` when given). */
export function visible(f: Field, answers: Answers): boolean {
  if (!f.showIf) return true;
  const other = answers[f.showIf.field];
  if (isEmpty(other)) return false;
  const want = f.showIf.equals;
  if (want === undefined) return true;
  return Array.isArray(other) ? other.includes(want) : other === want;
}

function checkTable(columns: readonly SubField[], v: unknown, path: string, final: boolean, out: FieldError[]) {
  if (!Array.isArray(v) || v.length > TABLE_ROWS_MAX) {
    out.push({ path, code: 'form_answer_type' });
    return;
  }
  v.forEach((row, r) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      out.push({ path: `${path}/${r}`, code: 'form_answer_type' });
      return;
    }
    for (const k of Object.keys(row))
      if (!columns.some((c) => c.key === k)) out.push({ path: `${path}/${r}/${k}`, code: 'form_answer_unknown' });
    for (const c of columns) {
      const cell = (row as Answers)[c.key];
      if (isEmpty(cell)) {
        if (final && c.required) out.push({ path: `${path}/${r}/${c.key}`, code: 'form_answer_required' });
        continue;
      }
      const code = typed(c, cell);
      if (code) out.push({ path: `${path}/${r}/${c.key}`, code });
    }
  });
}

/**
 * Errors of the answers (paths `/answers/<key>[/row/column]`). `final` (submit) also requires every required
 * field that is shown.
 */
export function checkAnswers(fields: readonly Field[], answers: Answers, final: boolean): FieldError[] {
  const out: FieldError[] = [];
  for (const k of Object.keys(answers))
    if (!fields.some((f) => f.key === k)) out.push({ path: `/answers/${k}`, code: 'form_answer_unknown' });
  for (const f of fields) {
    const v = answers[f.key];
    const path = `/answers/${f.key}`;
    if (isEmpty(v)) {
      if (final && f.required && visible(f, answers)) out.push({ path, code: 'form_answer_required' });
      continue;
    }
    if (f.type === 'table') checkTable(f.columns ?? [], v, path, final, out);
    else {
      const code = typed(f, v);
      if (code) out.push({ path, code });
    }
  }
  return out;
}

/** The answers kept on submit: shown fields only (a hidden field's stale value is dropped). */
export function shownAnswers(fields: readonly Field[], answers: Answers): Answers {
  const out: Answers = {};
  for (const f of fields) if (!isEmpty(answers[f.key]) && visible(f, answers)) out[f.key] = answers[f.key];
  return out;
}

/** Bound fields whose answer differs from the registry's value (a correction, recorded as such). */
export function correctionsOf(fields: readonly Field[], prefill: Answers, answers: Answers) {
  return fields
    .filter((f) => f.binding && f.key in answers && JSON.stringify(answers[f.key]) !== JSON.stringify(prefill[f.key]))
    .map((f) => ({ key: f.key, registry: prefill[f.key] ?? null, answer: answers[f.key] }));
}
