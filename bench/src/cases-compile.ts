/**
 * Turns the rows the server wrote for a template case into SQL expressions over one generated case
 * (`p`, a row of the plan table): every column of case_record, case_event, case_reporter and case_assignment
 * is copied from the template, with the case's identity (ids, paths, people, department) substituted and
 * every time shifted by the same amount — also inside the state document and the events' data. Columns are
 * read from the catalogue, so a column added by a later migration is copied too.
 */
import { sql } from 'kysely';
import type { Template, Who } from './cases-templates.ts';
import type { Linli } from './linli.ts';

type Db = Linli['database']['db'];

export interface Column {
  name: string;
  type: string;
}

/** A row as text (timestamps as epoch milliseconds), keyed by column. */
type TextRow = Record<string, string | null>;

export const CASE_TABLES = ['case_record', 'case_event', 'case_reporter', 'case_assignment'] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

export async function columnsOf(db: Db, table: string): Promise<Column[]> {
  const { rows } = await sql<Column>`
    SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
    WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`.execute(db);
  return rows;
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const isTime = (t: string) => t.startsWith('timestamp');

async function textRows(db: Db, table: string, cols: Column[], caseId: string): Promise<TextRow[]> {
  const key = table === 'case_record' ? 'id' : 'case_id';
  const fields = cols.map((c) => {
    const v = isTime(c.type) ? `(extract(epoch FROM ${ident(c.name)}) * 1000)::bigint::text` : `${ident(c.name)}::text`;
    return `${lit(c.name)}, ${v}`;
  });
  const order = table === 'case_event' ? ' ORDER BY version' : '';
  const { rows } = await sql<{ r: TextRow }>`
    SELECT json_build_object(${sql.raw(fields.join(', '))}) AS r FROM ${sql.table(table)}
    WHERE ${sql.ref(key)} = ${caseId}${sql.raw(order)}`.execute(db);
  return rows.map((x) => (typeof x.r === 'string' ? JSON.parse(x.r) : x.r));
}

/** SQL for a time `ms` after the generated case's creation, as timestamptz or as JSON's ISO text. */
const at = (ms: number) => (ms === 0 ? 'p.created_at' : `(p.created_at + interval '${ms} milliseconds')`);
const isoAt = (ms: number) => `to_char(${at(ms)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const PERSON: Record<Who, string> = {
  resident: 'p.reporter_id',
  secretary: 'p.secretary_id',
  dispatcher: 'p.dispatcher_id',
  dept: 'p.dept_staff_id',
};

interface Subst {
  /** The template's created_at (epoch ms). */
  base: number;
  /** Template strings (ids, paths) → SQL text expressions. */
  refs: Map<string, string>;
  departmentId: string;
}

/** A JSON document as a SQL text expression: literal parts joined with the substituted values. */
export function compileJson(doc: unknown, x: Subst): string {
  const exprs: string[] = [];
  const mark = (e: string) => `@@${exprs.push(e) - 1}@@`;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if ((key === 'departmentId' || key === 'departmentIds') && v === x.departmentId) return mark('p.dept_id::text');
      const ref = x.refs.get(v);
      if (ref) return mark(ref);
      if (ISO.test(v)) return mark(isoAt(Date.parse(v) - x.base));
      return v;
    }
    if (Array.isArray(v)) return v.map((e) => walk(e, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, walk(e, k)]));
    return v;
  };
  const text = JSON.stringify(walk(doc, ''));
  const parts = text.split(/@@(\d+)@@/);
  return parts.map((part, i) => (i % 2 === 0 ? lit(part) : exprs[Number(part)]!)).join(' || ');
}

/** Columns every generated case sets itself (see the plan table in cases-data.ts). */
const FIXED: Record<string, string> = {
  community_id: 'p.community_id',
  id: 'p.id',
  case_id: 'p.id',
  no: 'p.no',
  district_id: 'p.district_id',
  street_id: 'p.street_id',
  category_id: 'p.category_id',
  place_id: 'p.place_id',
  place_path: 'p.place_path',
  description: 'p.description',
  search: 'array_to_tsvector(p.tokens || p.no)',
  lat: 'p.lat',
  lng: 'p.lng',
  is_public: 'p.is_public',
  created_at: 'p.created_at',
  department_id: 'p.dept_id',
};

function columnExpr(table: CaseTable, c: Column, v: string | null, x: Subst): string {
  if (table === 'case_record' && c.name in FIXED) return FIXED[c.name]!;
  if (table !== 'case_record' && ['community_id', 'case_id', 'department_id'].includes(c.name)) return FIXED[c.name]!;
  if (v === null) return `NULL::${c.type}`;
  if (isTime(c.type)) return at(Number(v) - x.base);
  if (c.type === 'jsonb' || c.type === 'json') return `(${compileJson(JSON.parse(v), x)})::${c.type}`;
  const ref = x.refs.get(v);
  return ref ? `(${ref})::${c.type}` : `${lit(v)}::${c.type}`;
}

/** One template, compiled: per table, one list of column expressions per row the server wrote. */
export interface Compiled {
  template: Template;
  /** Milliseconds from creation to the last event. */
  duration: number;
  rows: Record<CaseTable, string[][]>;
  /** Projection columns of the state, shifted, for the SLA bookkeeping. */
  dueAt: string | null;
  yellowAt: string | null;
}

export async function compileTemplate(
  db: Db,
  t: Template,
  columns: Record<CaseTable, Column[]>,
  people: Record<Who, string>,
  departmentId: string,
): Promise<Compiled> {
  const [record] = await textRows(db, 'case_record', columns.case_record, t.caseId);
  if (!record) throw new Error(`template case ${t.caseId} not found`);
  const base = Number(record.created_at);
  const state = JSON.parse(record.state!) as { path: string; communityPath: string; streetPath: string };
  const refs = new Map<string, string>([
    [t.caseId, 'p.id::text'],
    [state.path, 'p.place_path'],
    [state.communityPath, 'p.community_path'],
    [state.streetPath, 'p.street_path'],
  ]);
  for (const [who, id] of Object.entries(people)) refs.set(id, `${PERSON[who as Who]}::text`);
  const x: Subst = { base, refs, departmentId };
  const rows = {} as Compiled['rows'];
  let last = base;
  for (const table of CASE_TABLES) {
    const found = table === 'case_record' ? [record] : await textRows(db, table, columns[table], t.caseId);
    rows[table] = found.map((r) => columns[table].map((c) => columnExpr(table, c, r[c.name] ?? null, x)));
    if (table === 'case_event') for (const e of found) last = Math.max(last, Number(e.at));
  }
  const shifted = (name: string) => (record[name] ? at(Number(record[name]) - base) : null);
  return { template: t, duration: last - base, rows, dueAt: shifted('due_at'), yellowAt: shifted('yellow_at') };
}
