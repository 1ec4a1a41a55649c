/**
 * Which column fills which field, from the header names 12345 platforms and street ledgers commonly use.
 * An exact name wins over a name contained in a longer header; each column fills at most one field.
 */
import type { api } from '@linli/contracts';

type Field = api.caseImports.ImportField;

const NAMES: Record<Field, readonly string[]> = {
  externalNo: [
    '工单编号',
    '工单号',
    '工单编码',
    '受理编号',
    '热线编号',
    '案件编号',
    '编号',
    'orderno',
    'ticketno',
    'externalno',
  ],
  contactName: [
    '来电人',
    '联系人',
    '来电人姓名',
    '诉求人',
    '反映人',
    '市民姓名',
    '姓名',
    'caller',
    'contactname',
    'name',
  ],
  contactPhone: [
    '联系电话',
    '来电号码',
    '联系方式',
    '来电电话',
    '联系人电话',
    '手机号码',
    '手机号',
    '电话',
    'phone',
    'contactphone',
    'mobile',
  ],
  description: [
    '诉求内容',
    '问题描述',
    '工单内容',
    '反映内容',
    '来电内容',
    '诉求描述',
    '内容',
    'description',
    'content',
  ],
  address: ['事发地址', '地址', '事发地点', '发生地址', '问题地址', '详细地址', 'address', 'location'],
  category: ['诉求类别', '问题分类', '诉求分类', '问题类别', '事项分类', '分类', '类别', 'category'],
  receivedAt: ['受理时间', '登记时间', '来电时间', '派单时间', '创建时间', 'receivedat', 'received'],
  community: ['所属社区', '社区', '社区名称', '所属村居', '村居', '所属村社', 'community'],
};

/** Lower case without spaces and punctuation: 「工单编号：」 and "Order No." compare as 工单编号 and orderno. */
export const normalize = (s: string): string => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export function suggestMapping(headers: readonly string[]): Partial<Record<Field, string>> {
  const norm = headers.map(normalize);
  const candidates: { field: Field; header: number; score: number }[] = [];
  for (const [field, names] of Object.entries(NAMES) as [Field, readonly string[]][]) {
    norm.forEach((h, i) => {
      if (!h) return;
      let score = 0;
      for (const name of names) {
        if (h === name) score = Math.max(score, 1000 + name.length);
        else if (name.length >= 2 && h.includes(name))
          score = Math.max(score, name.length * 10 - (h.length - name.length));
      }
      if (score > 0) candidates.push({ field, header: i, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.header - b.header);
  const out: Partial<Record<Field, string>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (out[c.field] !== undefined || used.has(c.header)) continue;
    out[c.field] = headers[c.header]!;
    used.add(c.header);
  }
  return out;
}
