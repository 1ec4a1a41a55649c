/**
 * Pure checks of a residents spreadsheet row: the fields a column fills, room names as people write them,
 * Chinese labels of relations and residence statuses, and which header names mean which field.
 */
import { api, normalizeIdNumber, validateIdNumber } from '@linli/contracts';

type Field = (typeof api.registryImports.REGISTRY_IMPORT_FIELDS)[number];
type Code = (typeof api.registryImports.REGISTRY_ROW_ERRORS)[number];
export type Mapping = Partial<Record<Field, string>>;
export interface RowError {
  row: number;
  field: Field;
  code: Code;
}
export interface ImportRow {
  row: number;
  name: string;
  idNumber: string;
  roomId: string;
  phone: string | null;
  relation: string | null;
  residence: string | null;
}

/** "1号楼 1单元 302室", "1号楼1单元302室" and "1-1-302" all name the same room. */
export function roomKeys(names: readonly string[]): string[] {
  const joined = names.join('').replace(/\s+/g, '');
  const digits = names.map((n) => n.match(/\d+/)?.[0]);
  return digits.every((d) => d !== undefined) ? [joined, digits.join('-')] : [joined];
}

export function roomKey(text: string): string {
  const t = text.trim().replace(/\s+/g, '');
  return /^\d+([-/]\d+)+$/.test(t)
    ? t
        .split(/[-/]/)
        .map((d) => String(Number(d)))
        .join('-')
    : t;
}

const RELATION_LABELS: Record<string, string> = {
  户主: 'head',
  本人: 'head',
  配偶: 'spouse',
  妻: 'spouse',
  夫: 'spouse',
  妻子: 'spouse',
  丈夫: 'spouse',
  子女: 'child',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  父母: 'parent',
  父亲: 'parent',
  母亲: 'parent',
  祖父母: 'grandparent',
  孙子女: 'grandchild',
  孙子: 'grandchild',
  孙女: 'grandchild',
  兄弟姐妹: 'sibling',
  儿媳: 'child_in_law',
  女婿: 'child_in_law',
  其他: 'other',
};
const RESIDENCE_LABELS: Record<string, string> = {
  户籍: 'registered',
  户籍人口: 'registered',
  常住: 'permanent',
  常住人口: 'permanent',
  流动: 'floating',
  流动人口: 'floating',
  外出: 'away',
  人户分离: 'away',
};

export const relationOf = (raw: string): string | null =>
  RELATION_LABELS[raw] ?? ((api.registry.RELATIONS as readonly string[]).includes(raw) ? raw : null);
export const residenceOf = (raw: string): string | null =>
  RESIDENCE_LABELS[raw] ?? ((api.registry.RESIDENCE_STATUSES as readonly string[]).includes(raw) ? raw : null);

const ALIASES: Record<Field, string[]> = {
  name: ['姓名', '名字', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'id', 'idnumber'],
  room: ['房号', '门牌', '住址', '地址', '户室', 'room', 'address'],
  phone: ['手机', '手机号', '联系电话', '电话', 'phone'],
  relation: ['与户主关系', '关系', 'relation'],
  residence: ['居住状态', '人员类型', '户籍状态', 'residence'],
  community: ['社区', '所属社区', '社区名称', 'community'],
};

export function suggestMapping(headers: readonly string[]): Mapping {
  const out: Mapping = {};
  for (const [field, names] of Object.entries(ALIASES) as [Field, string[]][]) {
    const h = headers.find((x) => names.includes(x.trim().toLowerCase()));
    if (h) out[field] = h;
  }
  return out;
}

/** One row against the mapping, the community's rooms (by key) and today; errors name the field. */
export function checkRow(
  cells: Record<string, string>,
  row: number,
  m: Mapping,
  rooms: ReadonlyMap<string, string>,
  today: Date,
): ImportRow | RowError[] {
  const get = (f: Field) => (m[f] ? (cells[m[f]!] ?? '').trim() : '');
  const errors: RowError[] = [];
  const fail = (field: Field, code: Code) => errors.push({ row, field, code });
  const name = get('name');
  if (!name) fail('name', 'required');
  else if (name.length > 40) fail('name', 'too_long');
  const id = normalizeIdNumber(get('idNumber'));
  const idProblem = id ? validateIdNumber(id, today) : 'required';
  if (idProblem) fail('idNumber', idProblem === 'required' ? 'required' : `id_${idProblem}`);
  const roomText = get('room');
  const roomId = roomText ? rooms.get(roomKey(roomText)) : undefined;
  if (!roomText) fail('room', 'required');
  else if (!roomId) fail('room', 'unknown_room');
  const phone = get('phone').replace(/[\s-]/g, '');
  if (phone && !/^1\d{10}$/.test(phone)) fail('phone', 'invalid_phone');
  const relation = get('relation') ? relationOf(get('relation')) : null;
  if (get('relation') && !relation) fail('relation', 'invalid_relation');
  const residence = get('residence') ? residenceOf(get('residence')) : null;
  if (get('residence') && !residence) fail('residence', 'invalid_residence');
  if (errors.length) return errors;
  return { row, name, idNumber: id, roomId: roomId!, phone: phone || null, relation, residence };
}
