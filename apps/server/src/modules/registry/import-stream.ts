/**
 * A spreadsheet file read as a stream of rows in fixed memory: CSV decoded chunk by chunk (UTF-8, UTF-16 with
 * a BOM, else GBK) and split into complete records, XLSX through exceljs's streaming reader (first worksheet).
 * The header is found as the hotline import finds it (first of the top ten rows with two filled cells); blank
 * rows are skipped; row numbers are the file's.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { eachCsvRecord, sniffDelimiter } from '../cases/import/csv.ts';
import { cellText, type FileType, SheetError, type SheetRow, uniqueHeaders } from '../cases/import/sheet.ts';

const MAX_COLUMNS = 200;
const MAX_CELL = 10_000;
/** A record longer than this (an unterminated quote) means the file is not a spreadsheet we can read. */
const MAX_RECORD_CHARS = 1_000_000;

function decoderFor(head: Uint8Array): { decoder: InstanceType<typeof TextDecoder>; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: new TextDecoder('utf-8'), skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  try {
    // The first 64 KiB decide: valid UTF-8 (a character cut at the end is fine) or GBK.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { decoder: new TextDecoder('utf-8'), skip: 0 };
  } catch {
    return { decoder: new TextDecoder('gbk'), skip: 0 };
  }
}

/** Raw CSV records with their 1-based record numbers, never holding more than one chunk and one record. */
async function* csvRecords(file: string): AsyncGenerator<[number, string[]]> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let delimiter: string | null = null;
  let text = '';
  let n = 0;
  const take = function* (upTo: number): Generator<[number, string[]]> {
    const part = text.slice(0, upTo);
    text = text.slice(upTo);
    const out: [number, string[]][] = [];
    eachCsvRecord(part, (fields) => void out.push([++n, fields]), delimiter!);
    yield* out;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let bytes: Uint8Array = chunk;
    if (!decoder) {
      const d = decoderFor(chunk.subarray(0, 65536));
      decoder = d.decoder;
      bytes = chunk.subarray(d.skip);
    }
    text += decoder.decode(bytes, { stream: true });
    delimiter ??= sniffDelimiter(text);
    // Complete records end at the last line break outside quotes: an even number of quotes before it.
    let end = text.length;
    for (;;) {
      end = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
      if (end < 0) break;
      let quotes = 0;
      for (let i = text.indexOf('"'); i !== -1 && i < end; i = text.indexOf('"', i + 1)) quotes++;
      if (quotes % 2 === 0) break;
    }
    if (end >= 0) yield* take(end + 1);
    if (text.length > MAX_RECORD_CHARS) throw new SheetError('unreadable');
  }
  if (decoder) text += decoder.decode();
  if (text.length > 0) yield* take(text.length);
}

async function* xlsxRecords(file: string): AsyncGenerator<[number, string[]]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
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
        yield [row.number, Array.from({ length: Math.min(values.length, MAX_COLUMNS) }, (_, i) => cellText(values[i]))];
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError('unreadable');
  }
}

const clean = (cells: readonly string[]) => cells.slice(0, MAX_COLUMNS).map((c) => c.trim().slice(0, MAX_CELL));
const filled = (cells: readonly string[]) => cells.filter((c) => c !== '').length;

export interface OpenSheet {
  headers: string[];
  /** Data rows after the header (blank rows skipped), padded to the header's width. */
  rows: AsyncGenerator<SheetRow>;
}

/** Opens a stored spreadsheet: its headers now, its rows as they are read. SheetError when unreadable. */
export async function openSheet(file: string, type: FileType): Promise<OpenSheet> {
  const records = type === 'xlsx' ? xlsxRecords(file) : csvRecords(file);
  const top: SheetRow[] = [];
  let header: SheetRow | null = null;
  try {
    while (!header) {
      const next = await records.next();
      if (next.done) break;
      const cells = clean(next.value[1]);
      if (filled(cells) === 0) continue;
      top.push({ n: next.value[0], cells });
      if (filled(cells) >= 2) header = top.pop()!;
      else if (top.length >= 10) header = top.shift()!;
    }
  } catch (e) {
    throw e instanceof SheetError ? e : new SheetError('unreadable');
  }
  if (!header && top.length) header = top.shift()!;
  if (!header) throw new SheetError('no_header');
  const headers = uniqueHeaders(header.cells);
  const width = headers.length;
  const pad = (r: SheetRow): SheetRow => ({ n: r.n, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? '') });
  // Rows above a header found late were single-cell titles; those after it are data.
  const early = top.filter((r) => r.n > header.n);
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const r of early) yield pad(r);
    try {
      for await (const [n, raw] of records) {
        const cells = clean(raw);
        if (filled(cells) > 0) yield pad({ n, cells });
      }
    } catch (e) {
      throw e instanceof SheetError ? e : new SheetError('unreadable');
    }
  }
  return { headers, rows: rows() };
}

/** Headers, the first rows and the number of data rows (one pass over the file). */
export async function sniffSheet(file: string, type: FileType, samples = 5) {
  const { headers, rows } = await openSheet(file, type);
  const sampleRows: string[][] = [];
  let rowCount = 0;
  let lastRow = 0;
  for await (const r of rows) {
    if (sampleRows.length < samples) sampleRows.push(r.cells);
    rowCount++;
    lastRow = r.n;
  }
  return { headers, sampleRows, rowCount, lastRow };
}
