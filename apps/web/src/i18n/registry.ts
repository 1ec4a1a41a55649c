/**
 * The registry's strings live in their own i18next namespace (`registry`), like the boards' (see boards.ts):
 * looked up through `useRegistryT`, typed by the Chinese catalogue.
 */
import { useTranslation } from 'react-i18next';
import i18n from '../shared/i18n.ts';
import registryEn from './registry.en.ts';
import registryZh from './registry.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'registry', registryZh, true, true);
i18n.addResourceBundle('en', 'registry', registryEn, true, true);

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type RegistryKey = Paths<typeof registryZh>;

type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the registry's strings; `tx` for keys built at run time (codes from the API). */
export function useRegistryT() {
  const { i18n: instance } = useTranslation();
  const lookup = instance.t as unknown as Lookup;
  const t = (key: RegistryKey, options?: Record<string, unknown>): string =>
    lookup(key, { ...options, ns: 'registry' });
  const tx = (key: string): string => lookup(key, { ns: 'registry', defaultValue: key.split('.').pop() });
  return { t, tx, lang: instance.language };
}
