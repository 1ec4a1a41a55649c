/**
 * CSV as spreadsheets write it (RFC 4180, read leniently): fields may be quoted, a quoted field may hold the
 * delimiter, line breaks and doubled quotes (""), records end in CRLF, LF or CR. A quote inside an unquoted
 * field is kept as text; text after a closing quote is kept too; an unterminated quote runs to the end.
 * Also the byte decoding: UTF-8 (with or without a BOM), UTF-16 with a BOM, else GBK (Excel in China).
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Text of a CSV file: a BOM names the encoding; otherwise valid UTF-8 is UTF-8 and anything else is GBK
 * (GB18030 as WHATWG decodes the label), which is what Excel writes for 「CSV(逗号分隔)」 on a Chinese Windows.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** The delimiter of the first record: comma, tab (Excel's 「Unicode 文本」) or semicolon, whichever occurs most. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Calls `onRecord` with each record's fields and its 1-based record number (a record with line breaks
 * inside quotes is one record, as a spreadsheet shows it as one row). Return `false` to stop early.
 */
export function eachCsvRecord(
  text: string,
  onRecord: (fields: string[], n: number) => boolean | undefined,
  delimiter = sniffDelimiter(text),
): void {
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  let i = 0;
  let n = 0;
  while (i < len) {
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted: up to the next quote not followed by another quote.
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            value += text.slice(i);
            i = len;
            break;
          }
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // Unquoted text (or what follows a closing quote) up to the delimiter or the end of the line.
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      value += text.slice(start, i);
      fields.push(value);
      const c = i < len ? text.charCodeAt(i) : -1;
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      endOfRecord = true;
    }
    n++;
    if (onRecord(fields, n) === false) return;
  }
}

/** Every record of a CSV text (see `eachCsvRecord`). */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const out: string[][] = [];
  eachCsvRecord(
    text,
    (fields) => {
      out.push(fields);
      return true;
    },
    delimiter,
  );
  return out;
}
