/**
 * Strings of household transfers between communities, in their own i18next namespace (`transfer`) like the
 * registry's: looked up through `useTransferT`, typed by the Chinese catalogue.
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import transferEn from './transfer.en.ts';
import transferZh from './transfer.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'transfer', transferZh, true, true);
i18n.addResourceBundle('en', 'transfer', transferEn, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TransferKey = Paths<typeof transferZh>;
type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the strings; `tx` for keys built at run time (statuses from the API). */
export function useTransferT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  const t = (key: TransferKey, options?: Record<string, unknown>): string =>
    lookup(key, { ...options, ns: 'transfer' });
  const tx = (key: string): string => lookup(key, { ns: 'transfer', defaultValue: key.split('.').pop() });
  return { t, tx, lang: instance.language };
}
