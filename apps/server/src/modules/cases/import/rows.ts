/**
 * One spreadsheet row → one hotline order, or the reasons it cannot be imported. Pure: the communities and
 * categories it may name and the order numbers already imported are looked up once by the service.
 */
import { type api, isValidPhone } from '@linli/contracts';
import type { SheetRow } from './sheet.ts';
import { normalize } from './suggest.ts';

type Field = api.caseImports.ImportField;
type Code = api.caseImports.RowErrorCode;
export type Mapping = Partial<Record<Field, string>>;
export interface RowError {
  row: number;
  field: Field;
  code: Code;
}

export interface Order {
  row: number;
  externalNo: string;
  description: string;
  address: string;
  communityId: string;
  categoryId: string | null;
  contact: { name: string; phone: string } | null;
}

/** A name → id lookup that forgets names shared by two different ids (a name that could mean either). */
export class Lookup {
  private readonly map = new Map<string, string | null>();
  add(key: string, id: string) {
    const k = normalize(key);
    if (!k) return;
    const had = this.map.get(k);
    this.map.set(k, had === undefined || had === id ? id : null);
  }
  get(key: string): string | null {
    return this.map.get(normalize(key)) ?? null;
  }
}

const COMMUNITY_SUFFIX = /(居民委员会|村民委员会|居委会|村委会|社区|村)$/;

/** Communities by full name, name without 社区/村/居委会, and statistical code; names for finding one in an address. */
export function communityLookup(nodes: readonly { id: string; name: string; code: string | null }[]) {
  const lookup = new Lookup();
  for (const n of nodes) {
    lookup.add(n.name, n.id);
    lookup.add(n.name.replace(COMMUNITY_SUFFIX, ''), n.id);
    if (n.code) lookup.add(n.code, n.id);
  }
  const find = (v: string) => lookup.get(v) ?? lookup.get(v.replace(COMMUNITY_SUFFIX, ''));
  /** The one community whose full name appears in an address, if exactly one does. */
  const inAddress = (address: string) => {
    const hits = nodes.filter((n) => address.includes(n.name));
    return hits.length === 1 ? hits[0]!.id : null;
  };
  return { find, inAddress };
}

/** Categories by code, Chinese and English name; 「城市管理-市容环境-暴露垃圾」 also by its last known part. */
export function categoryLookup(cats: readonly { id: string; code: string; name: string; nameEn: string }[]) {
  const lookup = new Lookup();
  for (const c of cats) for (const k of [c.code, c.name, c.nameEn]) lookup.add(k, c.id);
  return (v: string): string | null => {
    const whole = lookup.get(v);
    if (whole) return whole;
    const parts = v.split(/[-－—>＞/／|｜、\\]+/).filter(Boolean);
    for (let i = parts.length - 1; i >= 0; i--) {
      const id = lookup.get(parts[i]!);
      if (id) return id;
    }
    return null;
  };
}

/** Spaces, dashes and a +86 prefix removed; then it must be a mainland mobile number. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s\-－()（）]/g, '');
  return digits.replace(/^(\+?86|0086)(?=1\d{10}$)/, '');
}

const DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})\s*秒?)?\s*分?)?$/;

/** 2026-11-20, 2026/11/20 9:30, 2026年11月20日 09时30分 … as `YYYY-MM-DD HH:mm`, or null. */
export function parseReceivedAt(raw: string): string | null {
  const m = DATE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1) as (string | undefined)[];
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
  if (date.getUTCMonth() !== +mo! - 1 || date.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return null;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export interface RowContext {
  headers: readonly string[];
  mapping: Mapping;
  community: ReturnType<typeof communityLookup>;
  category: ReturnType<typeof categoryLookup>;
  /** Order numbers already imported, and those seen earlier in this file (the function adds to it). */
  seen: Set<string>;
}

/** Checks one row: an order to import, or its errors (a duplicate reports only that it is one). */
export function checkRow(ctx: RowContext, r: SheetRow): Order | RowError[] {
  const cols = new Map(ctx.headers.map((h, i) => [h, i]));
  const cell = (f: Field) => {
    const h = ctx.mapping[f];
    return h === undefined ? '' : (r.cells[cols.get(h) ?? -1] ?? '');
  };
  const errors: RowError[] = [];
  const fail = (field: Field, code: Code) => errors.push({ row: r.n, field, code });

  const externalNo = cell('externalNo');
  if (!externalNo) fail('externalNo', 'required');
  else if (externalNo.length > 64) fail('externalNo', 'too_long');
  else if (ctx.seen.has(externalNo)) return [{ row: r.n, field: 'externalNo', code: 'duplicate' }];
  else ctx.seen.add(externalNo);

  let description = cell('description');
  if (!description) fail('description', 'required');
  else if ([...description].length < 5) fail('description', 'too_short');
  else if (description.length > 2000) fail('description', 'too_long');

  const address = cell('address');
  if (!address) fail('address', 'required');
  else if (address.length > 200) fail('address', 'too_long');

  const communityCell = cell('community');
  const communityId = communityCell ? ctx.community.find(communityCell) : ctx.community.inAddress(address);
  if (!communityId)
    fail('community', communityCell || ctx.mapping.community === undefined ? 'unknown_community' : 'required');

  const categoryCell = cell('category');
  const categoryId = categoryCell ? ctx.category(categoryCell) : null;
  if (categoryCell && !categoryId) fail('category', 'unknown_category');

  const rawPhone = cell('contactPhone');
  const phone = normalizePhone(rawPhone);
  if (rawPhone && !isValidPhone(phone)) fail('contactPhone', 'invalid_phone');
  const name = cell('contactName');
  if (name.length > 40) fail('contactName', 'too_long');

  const receivedRaw = cell('receivedAt');
  const receivedAt = receivedRaw ? parseReceivedAt(receivedRaw) : null;
  if (receivedRaw && !receivedAt) fail('receivedAt', 'invalid_date');

  if (errors.length) return errors;
  // The hotline's time of receipt stays with the order (the case's own time limits start at the street).
  const note = receivedAt ? `\n（12345 受理时间：${receivedAt}）` : '';
  if (description.length + note.length <= 2000) description += note;
  return {
    row: r.n,
    externalNo,
    description,
    address,
    communityId: communityId!,
    categoryId,
    // A caller who left no name is still reachable; the case page lists contacts with a name.
    contact: rawPhone ? { name: name || '来电人', phone } : null,
  };
}
