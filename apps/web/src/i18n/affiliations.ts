/**
 * Strings of the party board and the hometown board, in their own i18next namespace (`affiliations`) so the
 * app's main key union stays within TypeScript's instantiation depth (see boards.ts).
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import en from './affiliations.en.ts';
import zh from './affiliations.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'affiliations', zh, true, true);
i18n.addResourceBundle('en', 'affiliations', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type AffiliationsKey = Paths<typeof zh>;

type Lookup = (key: string, options?: Record<string, unknown>) => string;

export function useAffT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  return (key: AffiliationsKey, options?: Record<string, unknown>): string =>
    lookup(key, { ...options, ns: 'affiliations' });
}
