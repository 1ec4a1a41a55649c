/**
 * Checks shared by organisations and compound profiles: plain text without markup (these records feed
 * exports, maps and other departments' systems, so `<script>` is refused rather than stored), credit codes
 * with their check character, masking of contact phones for readers who may not edit, and the node's place.
 */
import { normalizeCreditCode, validateCreditCode } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import { invalid, plainText } from '../notices/text.ts';
import * as org from '../org/service.ts';

const MARKUP = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;/;

/** Trimmed text without markup, or 422 at `path`. */
export function cleanText(value: string, path: string): string {
  const v = plainText(value, path);
  if (MARKUP.test(v)) throw invalid(path, 'markup');
  return v;
}

/** An optional text: absent stays absent, blank or null becomes null. */
export function optText(value: string | null | undefined, path: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return cleanText(value, path);
}

/** A normalised credit code, null when blank, or 422 (`credit_code_format`, `credit_code_checksum`). */
export function creditCode(value: string | null | undefined, path: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const problem = validateCreditCode(value);
  if (problem) throw invalid(path, `credit_code_${problem}`);
  return normalizeCreditCode(value);
}

/** 138****0001, 021-****5678: enough to tell numbers apart, not to call. */
export const maskPhone = (p: string | null): string | null =>
  p === null ? null : p.length >= 8 ? `${p.slice(0, p.length - 8)}****${p.slice(-4)}` : '****';

/** Contact phones in full for those who may edit the record at its place, masked for everyone else. */
export const phoneFor = (ctx: Ctx, path: string, p: string | null) =>
  ctx.can('registry.edit', path) ? p : maskPhone(p);

/** "第一网格 1号楼" for each path: the names of the nodes below the community, the node itself included. */
export async function placesOf(ctx: Ctx, rows: { path: string; community_id: string }[]) {
  const below = (r: { path: string; community_id: string }) => {
    const ids = r.path.split('/').filter(Boolean);
    return ids.slice(ids.indexOf(r.community_id) + 1);
  };
  const ids = [...new Set(rows.flatMap(below))];
  const names = new Map((await org.getNodes(ctx.tx, ids)).map((n) => [n.id, n.name]));
  return new Map(
    rows.map((r) => [
      r.path,
      below(r)
        .map((id) => names.get(id) ?? '')
        .join(' '),
    ]),
  );
}
