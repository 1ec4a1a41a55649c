/**
 * Strings of organisations and compound profiles, in their own i18next namespace (`places`) like the
 * registry's: looked up through `usePlacesT`, typed by the Chinese catalogue.
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import placesEn from './places.en.ts';
import placesZh from './places.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'places', placesZh, true, true);
i18n.addResourceBundle('en', 'places', placesEn, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type PlacesKey = Paths<typeof placesZh>;
type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the strings; `tx` for keys built at run time (codes from the API). */
export function usePlacesT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  const t = (key: PlacesKey, options?: Record<string, unknown>): string => lookup(key, { ...options, ns: 'places' });
  const tx = (key: string): string => lookup(key, { ns: 'places', defaultValue: key.split('.').pop() });
  return { t, tx, lang: instance.language };
}
