/**
 * Strings of the form designer's extras and the burden ranking in their own i18next namespace (`formsUi`),
 * typed by the Chinese catalogue (the main key union is near TS2589).
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import en from './forms-ui.en.ts';
import zh from './forms-ui.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'formsUi', zh, true, true);
i18n.addResourceBundle('en', 'formsUi', en, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type FormsUiKey = Paths<typeof zh>;

export function useFormsUiT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: FormsUiKey, options?: Record<string, unknown>): string => lookup(key, { ...options, ns: 'formsUi' });
}
