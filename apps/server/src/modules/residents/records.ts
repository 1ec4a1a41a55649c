/** The resident records the registry module works on (the residents module owns household and person). */
import { pinyin } from 'pinyin-pro';

export * from './ages.ts';
export * from './match-repository.ts';
export * from './reach.ts';
export * from './records-repository.ts';
export * from './search-repository.ts';
export * from './tags-repository.ts';

/** Pinyin initials of a name, surnames read as surnames (单 → s, 曾 → z): "张三" → "zs". */
export function initialsOf(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
