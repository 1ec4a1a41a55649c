import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.ts';
import zhCN, { type Messages } from '../i18n/zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'linli.lang';

const saved = (): Language => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: saved(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
});

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');
export const setLanguage = (lng: Language): void => {
  void i18n.changeLanguage(lng);
};

export default i18n;
