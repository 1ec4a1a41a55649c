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

/**
 * The search as a condition over people (alias p). `communities` are those in the caller's reach: initials are
 * looked up in each one's range of the (community, initials) index.
 */
export function queryWhere(
  q: Query,
  blind: (id: string) => string,
  communities: readonly string[],
): RawBuilder<SqlBool> {
  switch (q.kind) {
    case 'id':
      return sql<SqlBool>`p.id_blind = ${blind(q.id)}`;
    case 'phone':
      // Found by its tail (the 尾号 index of migration 0063): no index holds whole phone numbers.
      return sql<SqlBool>`(right(p.phone, 4) = ${q.phone.slice(-4)} AND p.phone = ${q.phone})`;
    case 'tail':
      // The same as LIKE '%1234', written as the expression indexes of migration 0063 (a range of each).
      return sql<SqlBool>`(right(p.phone, 4) = ${q.tail} OR right(p.id_masked, 4) = ${q.tail})`;
    case 'initials':
      return sql<SqlBool>`(p.community_id = ANY(${communities}::bigint[]) AND p.name_initials LIKE ${`${q.initials}%`})`;
    case 'text': {
      // Whatever contains the text contains each of its characters: the character indexes (migration 0063)
      // find the few candidates across the district, the LIKE keeps the real matches. One IN over a UNION,
      // not an OR of two conditions, so neither side makes the planner read every person in scope.
      const like = `%${likeEscape(q.text)}%`;
      const chars = [...new Set(q.text)];
      return sql<SqlBool>`(p.community_id, p.id) IN (
        SELECT s.community_id, s.id FROM person s
        WHERE string_to_array(s.name, NULL) @> ${chars}::text[] AND s.name LIKE ${like}
        UNION ALL
        SELECT s.community_id, s.id FROM household a
        JOIN person s ON s.community_id = a.community_id AND s.household_id = a.id
        WHERE string_to_array(a.address_text, NULL) @> ${chars}::text[] AND a.address_text LIKE ${like})`;
    }
  }
}
