import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../shared/i18n.ts';
import { tid } from '../../shared/testid.ts';

/** 中文 ⇄ English; remembered in localStorage. */
export function LangSwitch() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Button size="small" onClick={() => setLanguage(en ? 'zh-CN' : 'en')} {...tid('lang-switch')}>
      {en ? '中文' : 'English'}
    </Button>
  );
}
