/**
 * Chinese-aware search tokens. PostgreSQL's text-search parser drops CJK characters under the C locale,
 * and pg_trgm only builds trigrams from "alphanumeric" characters of the locale, so neither sees Chinese.
 * We segment in JavaScript instead (`Intl.Segmenter('zh')` words plus every bigram of Han characters, so a
 * query that cuts a word differently still matches) and store the tokens as lexemes verbatim with
 * `array_to_tsvector`; queries are built as quoted lexemes, which tsquery input never re-parses.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;
const MAX_TOKEN = 40;

function* words(text: string): Generator<string> {
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) if (s.isWordLike) yield s.segment;
}

/** Runs of consecutive Han characters ("3号楼楼道漏水" → 号楼楼道漏水). */
const hanRuns = (text: string): string[] => text.normalize('NFKC').match(/\p{Script=Han}+/gu) ?? [];

function* bigrams(run: string): Generator<string> {
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i++) yield chars[i]! + chars[i + 1]!;
}

/** Every token of a text: segmented words, and every character and bigram of its runs of Han characters. */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  for (const w of words(text)) if (w.length <= MAX_TOKEN) out.add(w);
  for (const run of hanRuns(text)) {
    for (const c of run) out.add(c);
    for (const b of bigrams(run)) out.add(b);
  }
  return [...out];
}

/**
 * The tokens a query must all match: the bigrams of its Han runs (a lone Han character stays itself), and
 * its other words. "居住证" → 居住 & 住证, which every text containing 居住证 has, however it was segmented.
 */
export function queryTokens(q: string): string[] {
  const out = new Set<string>();
  for (const run of hanRuns(q)) {
    if ([...run].length === 1) out.add(run);
    else for (const b of bigrams(run)) out.add(b);
  }
  for (const w of words(q)) if (!CJK.test(w) && w.length <= MAX_TOKEN) out.add(w);
  return [...out];
}

/** A tsquery literal: each lexeme single-quoted (quotes and backslashes escaped), joined with AND. */
export const tsQueryOf = (tokens: readonly string[]): string =>
  tokens.map((t) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' & ');

/** Dice similarity of two texts' token sets (0–1), for ranking duplicate suggestions. */
export function textSimilarity(a: string, b: string): number {
  const x = new Set(searchTokens(a));
  const y = new Set(searchTokens(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return (2 * common) / (x.size + y.size);
}
