/**
 * Guide search: Chinese words and Han bigrams (platform/text/tokens.ts) for 居住证 → 怎么办居住证, and pinyin
 * initials of the title (pinyin-pro) for people who type 「jzz」 on a phone keyboard.
 */
import { pinyin } from 'pinyin-pro';
import { queryTokens, searchTokens } from '../../platform/text/tokens.ts';

export const initialsOf = (title: string): string =>
  pinyin(title, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export const guideTokens = (g: { title: string; audience: string; materials: string[]; steps: string[] }) =>
  searchTokens([g.title, g.audience, ...g.materials, ...g.steps].join('\n'));

/** What a query asks for: tokens to match all of, and initials when it is plain Latin letters. */
export function guideQuery(q: string): { tokens: string[]; initials: string | null } {
  const t = q.trim().toLowerCase();
  return { tokens: queryTokens(t), initials: /^[a-z]{2,20}$/.test(t) ? t : null };
}
