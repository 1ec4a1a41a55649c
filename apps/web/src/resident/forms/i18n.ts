/**
 * Data collection form strings in their own i18next namespace (`forms`), typed by the Chinese catalogue
 * (the main key union is near TS2589).
 */
import { useTranslation } from 'react-i18next';
import i18n from '../../shared/i18n.ts';
import en from './i18n.en.ts';
import zh from './i18n.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'forms', zh, true, true);
i18n.addResourceBundle('en', 'forms', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type FormKey = Paths<typeof zh>;

export function useFormT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const t = (key: FormKey, options?: Record<string, unknown>): string => lookup(key, { ...options, ns: 'forms' });
  return { t, lang: instance.language };
}
