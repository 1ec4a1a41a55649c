import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, eachCsvRecord, parseCsv, sniffDelimiter } from './csv.ts';

describe('parseCsv', () => {
  it('splits plain records on CRLF, LF and CR', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6\r7,8,9')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text =
      '工单编号,诉求内容\r\nGD1,"楼下烧烤,油烟很大\r\n晚上十点后还在营业"\r\nGD2,"他说""马上处理""，至今未处理"\r\n';
    expect(parseCsv(text)).toEqual([
      ['工单编号', '诉求内容'],
      ['GD1', '楼下烧烤,油烟很大\r\n晚上十点后还在营业'],
      ['GD2', '他说"马上处理"，至今未处理'],
    ]);
  });

  it('keeps empty fields, a trailing delimiter and blank lines', () => {
    expect(parseCsv('a,,c,\n\n"",x')).toEqual([['a', '', 'c', ''], [''], ['', 'x']]);
  });

  it('reads a stray quote in an unquoted field as text, and an unterminated quote to the end', () => {
    expect(parseCsv('5"3 楼,ok\n"abc,def\nghi')).toEqual([['5"3 楼', 'ok'], ['abc,def\nghi']]);
    expect(parseCsv('"ab"cd,e')).toEqual([['abcd', 'e']]);
  });

  it('numbers records as a spreadsheet shows rows, and stops when asked', () => {
    const seen: number[] = [];
    eachCsvRecord('h\n"1\n1"\n2\n3\n', (_f, n) => {
      seen.push(n);
      return n < 3;
    });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('finds tab and semicolon delimiters, ignoring quoted ones', () => {
    expect(sniffDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(sniffDelimiter('a;b;"c,d,e"\n')).toBe(';');
    expect(sniffDelimiter('only')).toBe(',');
    expect(parseCsv('a\tb\n1\t"x\ty"')).toEqual([
      ['a', 'b'],
      ['1', 'x\ty'],
    ]);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '1') });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, (rows) => {
        // A lone empty field cannot be told from a blank line; spreadsheets write at least two columns.
        fc.pre(rows[0]!.length > 1);
        const csv = rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(csv, ',')).toEqual(rows);
      }),
    );
  });
});

describe('decodeCsv', () => {
  const text = '工单编号,来电人\nGD1,张三';
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodeCsv(utf8)).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe(text);
  });

  it('reads GBK (Excel on a Chinese Windows) when the bytes are not UTF-8', () => {
    // 工单编号,来电人 / GD1,张三 in GBK
    const gbk = Buffer.from('b9a4b5a5b1e0bac52cc0b4b5e7c8cb0a4744312cd5c5c8fd', 'hex');
    expect(decodeCsv(gbk)).toBe(text);
  });

  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(le)).toBe(text);
  });
});
