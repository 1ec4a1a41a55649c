import type { api } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { checkAnswers, correctionsOf, shownAnswers, visible } from './answers.ts';
import { addDuplicate, addTask, zero } from './burden.ts';
import { checkFields, fingerprint } from './fields.ts';

type Field = api.forms.FormFieldT;
const F: Field[] = [
  { key: 'n', label: '人数', type: 'number', binding: { kind: 'people' } },
  { key: 'heat', label: '取暖', type: 'choice', options: ['有', '无'], required: true },
  { key: 'why', label: '说明', type: 'text', required: true, showIf: { field: 'heat', equals: '无' } },
  { key: 'days', label: '日期', type: 'date' },
  { key: 'where', label: '位置', type: 'location' },
  {
    key: 'rows',
    label: '名单',
    type: 'table',
    columns: [
      { key: 'name', label: '姓名', type: 'text', required: true },
      { key: 'age', label: '年龄', type: 'number' },
    ],
  },
];

describe('field definitions', () => {
  it('accepts a sound form and fingerprints it without labels', () => {
    expect(checkFields(F)).toEqual([]);
    const relabelled = F.map((f) => ({ ...f, label: `${f.label}(新)` }));
    expect(fingerprint(relabelled)).toBe(fingerprint(F));
    expect(fingerprint([...F].reverse())).not.toBe(fingerprint(F));
  });

  it('refuses a bound field hidden by a condition and a tag list that is not a name/address table', () => {
    const bad: Field[] = [
      { key: 'a', label: 'A', type: 'choice', options: ['x'] },
      { key: 'b', label: 'B', type: 'number', binding: { kind: 'people' }, showIf: { field: 'a' } },
      {
        key: 'c',
        label: 'C',
        type: 'table',
        columns: [{ key: 'id', label: 'ID', type: 'text' }],
        binding: { kind: 'tag_list', tag: 'x' },
      },
      { key: 'd', label: 'D', type: 'number', binding: { kind: 'age_count' } },
    ];
    expect(checkFields(bad).map((e) => `${e.path} ${e.code}`)).toEqual([
      '/fields/1/showIf form_bound_conditional',
      '/fields/2/binding form_binding_columns',
      '/fields/3/binding form_binding_age',
    ]);
  });
});

describe('answers', () => {
  it('checks types in drafts and required, shown fields on submit', () => {
    expect(checkAnswers(F, { n: 3, heat: '有' }, true)).toEqual([]);
    expect(checkAnswers(F, { heat: '无' }, false)).toEqual([]);
    expect(checkAnswers(F, { heat: '无' }, true)).toEqual([{ path: '/answers/why', code: 'form_answer_required' }]);
    const wrong = checkAnswers(
      F,
      {
        n: '3',
        heat: '也许',
        days: '2026-02-30',
        where: { lat: 95, lng: 0 },
        rows: [{ age: 'x' }, { name: 'a', x: 1 }],
      },
      true,
    );
    expect(wrong.map((e) => `${e.path} ${e.code}`)).toEqual([
      '/answers/n form_answer_type',
      '/answers/heat form_answer_option',
      '/answers/days form_answer_type',
      '/answers/where form_answer_type',
      '/answers/rows/0/name form_answer_required',
      '/answers/rows/0/age form_answer_type',
      '/answers/rows/1/x form_answer_unknown',
    ]);
  });

  it('drops hidden answers and records a changed bound value as a correction', () => {
    expect(visible(F[2]!, { heat: '有' })).toBe(false);
    expect(shownAnswers(F, { n: 1, heat: '有', why: '旧值' })).toEqual({ n: 1, heat: '有' });
    expect(correctionsOf(F, { n: 5 }, { n: 6, heat: '有' })).toEqual([{ key: 'n', registry: 5, answer: 6 }]);
    expect(correctionsOf(F, { n: 5 }, { heat: '有' })).toEqual([]);
  });
});

describe('burden meter', () => {
  it('counts pre-filled and typed fields and the minutes of each', () => {
    const c = zero();
    addTask(c, { status: 'submitted', fields: F, prefill: { n: 5 }, answers: { n: 5, heat: '有' }, corrections: [] });
    expect(c).toMatchObject({ answeredTasks: 1, prefilled: 1, typed: 1, minutesSaved: 0.5, minutesSpent: 0.25 });
    // A pending task counts every unbound field it asks for; a correction is typed, not pre-filled.
    const p = zero();
    addTask(p, { status: 'open', fields: F, prefill: {}, answers: {}, corrections: [{ key: 'n' }] });
    expect(p).toMatchObject({ answeredTasks: 0, prefilled: 0, typed: 6, corrected: 1 });
    addDuplicate(p, F);
    expect(p.duplicatesAvoided).toBe(1);
    expect(p.minutesSaved).toBe(0.5 + 0.25 + 1 + 0.5 + 1 + 1);
  });
});
