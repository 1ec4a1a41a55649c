/**
 * What a search box string means: a full ID number (blind index), a full phone number, a 4-character tail of
 * a phone or ID number, pinyin initials, or Chinese text matched against names and addresses.
 */
import { isValidIdNumber, normalizeIdNumber } from '@linli/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export type Query =
  | { kind: 'id'; id: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'tail'; tail: string }
  | { kind: 'initials'; initials: string }
  | { kind: 'text'; text: string };

export function parseQuery(raw: string): Query | null {
  const q = raw.trim().replace(/\s+/g, ' ');
  if (!q) return null;
  if (/^\d{17}[\dxX]$/.test(q) && isValidIdNumber(q)) return { kind: 'id', id: normalizeIdNumber(q) };
  if (/^1\d{10}$/.test(q)) return { kind: 'phone', phone: q };
  if (/^\d{3}[\dxX]$/.test(q)) return { kind: 'tail', tail: q.toUpperCase() };
  if (/^[a-zA-Z]{1,10}$/.test(q)) return { kind: 'initials', initials: q.toLowerCase() };
  return { kind: 'text', text: q };
}

/** LIKE treats % and _ as wildcards and \ as the escape: a user's text matches only itself. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search as a condition over people (alias p) and households (alias h). */
export function queryWhere(q: Query, blind: (id: string) => string): RawBuilder<SqlBool> {
  switch (q.kind) {
    case 'id':
      return sql<SqlBool>`p.id_blind = ${blind(q.id)}`;
    case 'phone':
      return sql<SqlBool>`p.phone = ${q.phone}`;
    case 'tail':
      return sql<SqlBool>`(p.phone LIKE ${`%${q.tail}`} OR p.id_masked LIKE ${`%${q.tail}`})`;
    case 'initials':
      return sql<SqlBool>`p.name_initials LIKE ${`${q.initials}%`}`;
    case 'text': {
      const like = `%${likeEscape(q.text)}%`;
      return sql<SqlBool>`(p.name LIKE ${like} OR h.address_text LIKE ${like})`;
    }
  }
}
