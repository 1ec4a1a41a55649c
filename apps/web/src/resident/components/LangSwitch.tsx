import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../shared/i18n.ts';
import { tid } from '../../shared/testid.ts';

/** Toggles between 中文 and English; the choice is kept in localStorage. */
export function LangSwitch() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Button size="small" fill="outline" onClick={() => setLanguage(en ? 'zh-CN' : 'en')} {...tid('lang-switch')}>
      {en ? '中文' : 'English'}
    </Button>
  );
}
