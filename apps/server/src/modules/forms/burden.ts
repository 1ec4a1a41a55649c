/**
 * The burden meter (减负): for each answered or pending task, fields the registry pre-filled vs fields a
 * worker typed, and the minutes that saved. Pure: the services feed it rows.
 *
 * Minutes per field are an assumption, from timing a grid worker filling a paper/Excel return by hand
 * (look the value up in the ledger, type it, check it): a choice is a tap, a number or date half a minute,
 * free text a minute, looking up a person or household a minute and a half, a photo two minutes, a table
 * half a minute per row (at least one minute).
 */
import type { api } from '@linli/contracts';

type Field = api.forms.FormFieldT;

export const MINUTES_PER_FIELD: Readonly<Record<api.forms.FormFieldT['type'], number>> = {
  text: 1,
  number: 0.5,
  date: 0.5,
  choice: 0.25,
  multi_choice: 0.5,
  person: 1.5,
  household: 1.5,
  building: 0.5,
  photo: 2,
  location: 1,
  table: 1,
};
const TABLE_ROW_MINUTES = 0.5;

export function minutesOf(f: Field, value: unknown): number {
  if (f.type === 'table')
    return Math.max(MINUTES_PER_FIELD.table, TABLE_ROW_MINUTES * (Array.isArray(value) ? value.length : 0));
  return MINUTES_PER_FIELD[f.type];
}

export interface Counts {
  answeredTasks: number;
  registryAnswered: number;
  prefilled: number;
  corrected: number;
  typed: number;
  duplicatesAvoided: number;
  minutesSaved: number;
  minutesSpent: number;
}
export const zero = (): Counts => ({
  answeredTasks: 0,
  registryAnswered: 0,
  prefilled: 0,
  corrected: 0,
  typed: 0,
  duplicatesAvoided: 0,
  minutesSaved: 0,
  minutesSpent: 0,
});

export interface TaskFacts {
  status: string;
  fields: readonly Field[];
  prefill: Record<string, unknown>;
  answers: Record<string, unknown>;
  corrections: readonly { key: string }[];
}

/**
 * One task's share. A pending task counts the work it asks for (every unbound field to type); an answered one
 * what was actually typed. A corrected bound field was typed, not pre-filled.
 */
export function addTask(c: Counts, t: TaskFacts): void {
  const corrected = new Set(t.corrections.map((x) => x.key));
  const answered = t.status === 'submitted' || t.status === 'registry';
  if (answered) c.answeredTasks++;
  if (t.status === 'registry') c.registryAnswered++;
  for (const f of t.fields) {
    if (f.binding && !corrected.has(f.key)) {
      c.prefilled++;
      c.minutesSaved += minutesOf(f, t.prefill[f.key]);
    } else if (!answered || f.key in t.answers) {
      c.typed++;
      if (f.binding) c.corrected++;
      c.minutesSpent += minutesOf(f, t.answers[f.key]);
    }
  }
}

/** A refused identical request: the whole form a community would have filled again. */
export function addDuplicate(c: Counts, fields: readonly Field[]): void {
  c.duplicatesAvoided++;
  for (const f of fields) c.minutesSaved += minutesOf(f, undefined);
}

export const round = (c: Counts): Counts => ({
  ...c,
  minutesSaved: Math.round(c.minutesSaved * 100) / 100,
  minutesSpent: Math.round(c.minutesSpent * 100) / 100,
});
