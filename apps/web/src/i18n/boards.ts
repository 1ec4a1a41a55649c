/**
 * The community boards' strings live in their own i18next namespace (`boards`), added here at import time, and
 * are looked up through `useBoardsT`, typed by the Chinese catalogue. Keeping them out of the main namespace's
 * type keeps `t` of the rest of the app within TypeScript's instantiation depth.
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import boardsEn from './boards.en.ts';
import boardsZh from './boards.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'boards', boardsZh, true, true);
i18n.addResourceBundle('en', 'boards', boardsEn, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type BoardsKey = Paths<typeof boardsZh>;

type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the boards' strings; re-renders on a language switch like `useTranslation`. */
export function useBoardsT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  const t = (key: BoardsKey, options?: Record<string, unknown>): string => lookup(key, { ...options, ns: 'boards' });
  return { t, lang: instance.language };
}
