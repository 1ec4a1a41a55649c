/**
 * The developer page's strings, added to the `translation` bundle under `developer.*` at load time rather
 * than through zh-CN.ts/en.ts: the typed key union of the whole app is at TypeScript's instantiation-depth
 * limit (TS2589 in shared/case-labels.ts), so these keys are typed here, against their own small tree.
 */
import { useTranslation } from 'react-i18next';
import en from '../../i18n/developer.en.ts';
import zhCN, { type DeveloperMessages } from '../../i18n/developer.zh-CN.ts';
import i18n from '../../shared/i18n.ts';

i18n.addResourceBundle('zh-CN', 'translation', { developer: zhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { developer: en }, true, false);

type Keys<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Keys<T[K]>}` }[keyof T & string];
export type DeveloperKey = Keys<DeveloperMessages>;

/** `t` for `developer.*` keys (and the console menu's label of this page). */
export function useDevT() {
  const { t } = useTranslation();
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: DeveloperKey | 'menu', options?: Record<string, unknown>) =>
    key === 'menu' ? t('console.menu.developer') : loose(`developer.${key}`, options);
}
