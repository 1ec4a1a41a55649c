/**
 * A spreadsheet as rows of strings: CSV through our own parser, XLSX through exceljs's streaming reader (the
 * first worksheet; dates as local wall time, formulas by their result, rich text as plain text). The header
 * is the first of the top ten rows with at least two filled cells, so a title row above it is skipped.
 */
import { Readable } from 'node:stream';
import { api } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { decodeCsv, eachCsvRecord } from './csv.ts';

const { MAX_IMPORT_ROWS } = api.caseImports;
const MAX_COLUMNS = 200;
const MAX_CELL = 10_000;

export type FileType = 'csv' | 'xlsx';

export interface SheetRow {
  /** The row number in the file (1-based; a CSV record with line breaks inside counts once). */
  n: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** Why a file cannot be read: not a spreadsheet, no header row, or more rows than one import takes. */
export class SheetError extends Error {
  constructor(readonly code: 'unreadable' | 'no_header' | 'too_many_rows') {
    super(code);
  }
}

/** XLSX files are ZIP archives; anything else is read as CSV text. */
export const detectType = (bytes: Uint8Array): FileType =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates carry no zone: exceljs hands them over as UTC instants of the wall time shown. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/** One exceljs cell value as the text a user sees. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o || 'error' in o) return '';
    if (typeof o.text === 'string' || typeof o.text === 'object') return cellText(o.text);
  }
  return String(v);
}

const clean = (cells: readonly string[]) => cells.slice(0, MAX_COLUMNS).map((c) => c.trim().slice(0, MAX_CELL));
const filled = (cells: readonly string[]) => cells.filter((c) => c !== '').length;

/** Collects rows, finds the header, drops blank rows and caps the row count. */
class Collector {
  private readonly top: SheetRow[] = [];
  private header: SheetRow | null = null;
  readonly rows: SheetRow[] = [];

  /** False once the file is known to be too long. */
  add(n: number, raw: readonly string[]): boolean {
    const cells = clean(raw);
    if (this.header) {
      if (filled(cells) === 0) return true;
      if (this.rows.length >= MAX_IMPORT_ROWS) throw new SheetError('too_many_rows');
      this.rows.push({ n, cells });
      return true;
    }
    if (filled(cells) === 0) return true;
    this.top.push({ n, cells });
    if (filled(cells) >= 2) this.pick(this.top.length - 1);
    else if (this.top.length >= 10) this.pick(0);
    return true;
  }

  private pick(i: number) {
    this.header = this.top[i]!;
    for (const r of this.top.slice(i + 1)) this.rows.push(r);
  }

  finish(): Sheet {
    if (!this.header && this.top.length) this.pick(0);
    if (!this.header) throw new SheetError('no_header');
    const headers = uniqueHeaders(this.header.cells);
    const width = headers.length;
    for (const r of this.rows) r.cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
    return { headers, rows: this.rows };
  }
}

/** Blank headers become `#3`, a repeated one `地址 #5` (the column number), so a mapping names one column. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  let last = cells.length;
  while (last > 0 && cells[last - 1] === '') last--;
  const seen = new Set<string>();
  return cells.slice(0, last).map((c, i) => {
    const name = c === '' ? `#${i + 1}` : seen.has(c) ? `${c} #${i + 1}` : c;
    seen.add(name);
    return name.slice(0, 200);
  });
}

function readCsv(bytes: Uint8Array): Sheet {
  const out = new Collector();
  eachCsvRecord(decodeCsv(bytes), (fields, n) => out.add(n, fields));
  return out.finish();
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const out = new Collector();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        out.add(
          row.number,
          Array.from({ length: Math.min(values.length, MAX_COLUMNS) }, (_, i) => cellText(values[i])),
        );
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError('unreadable');
  }
  return out.finish();
}

/** Reads a CSV or XLSX file; SheetError when it cannot be imported. */
export async function readSheet(bytes: Uint8Array, type: FileType = detectType(bytes)): Promise<Sheet> {
  return type === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
