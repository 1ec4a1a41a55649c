/** Spreadsheets for the 12345 import tests: a hotline export with one bad row per error code, CSV and GBK. */
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADERS = ['工单编号', '来电人', '联系电话', '诉求内容', '事发地址', '诉求类别', '所属社区', '受理时间'];
export const MAPPING = {
  externalNo: '工单编号',
  contactName: '来电人',
  contactPhone: '联系电话',
  description: '诉求内容',
  address: '事发地址',
  category: '诉求类别',
  community: '所属社区',
  receivedAt: '受理时间',
};

export interface Preview {
  id: string;
  headers: string[];
  sampleRows: string[][];
  rowCount: number;
  suggestedMapping: Record<string, string>;
}
export interface Report {
  total: number;
  created: number;
  duplicates: number;
  errors: { row: number; field: string; code: string }[];
  caseIds: string[];
  dryRun: boolean;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
export const toCsv = (rows: string[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

/** GBK bytes of a text, from the decoder's own table (Node encodes only UTF-8). */
export function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return Buffer.from(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))),
  );
}

/** Good rows, then one bad row per error code (row numbers: header is row 1). */
export const ROWS = [
  HEADERS,
  [
    'GD-001',
    '张三',
    '13812345678',
    '银杏路烧烤店油烟扰民，\n晚上十点后仍在营业',
    '银杏路 12 号',
    '噪声扰民',
    '银杏社区',
    '2026-11-20 09:30',
  ],
  ['GD-002', '', '138 1234 5679', '3号楼楼道漏水，天花板滴水', '银杏社区 3号楼', '', '', ''],
  ['GD-003', '李四', '', '小区门口道路积水严重', '梧桐路 5 号', 'SQ05', '310199001002', '2026/11/21'],
  ['', '王五', '13812345670', '没有工单号的诉求内容', '香樟路 1 号', '', '香樟社区', ''], // 5: required
  ['GD-005', '赵六', '12345', '电话号码不对的诉求', '香樟路 2 号', '', '香樟社区', ''], // 6: invalid_phone
  ['GD-006', '', '', '太短', '香樟路 3 号', '', '香樟社区', ''], // 7: too_short
  ['GD-007', '', '', '地址太长的诉求内容', '长'.repeat(201), '', '香樟社区', ''], // 8: too_long
  ['GD-008', '', '', '社区不存在的诉求', '别处 1 号', '', '海棠社区', ''], // 9: unknown_community (other street)
  ['GD-009', '', '', '分类不存在的诉求', '香樟路 4 号', '不存在的分类', '香樟社区', ''], // 10: unknown_category
  ['GD-010', '', '', '受理时间不对的诉求', '香樟路 5 号', '', '香樟社区', '昨天下午'], // 11: invalid_date
  ['GD-001', '张三', '13812345678', '同一工单又出现一次', '银杏路 12 号', '', '银杏社区', ''], // 12: duplicate
];
export const ERRORS = [
  { row: 5, field: 'externalNo', code: 'required' },
  { row: 6, field: 'contactPhone', code: 'invalid_phone' },
  { row: 7, field: 'description', code: 'too_short' },
  { row: 8, field: 'address', code: 'too_long' },
  { row: 9, field: 'community', code: 'unknown_community' },
  { row: 10, field: 'category', code: 'unknown_category' },
  { row: 11, field: 'receivedAt', code: 'invalid_date' },
  { row: 12, field: 'externalNo', code: 'duplicate' },
];
