import { NavBar, NoticeBar, TabBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { LangSwitch } from './LangSwitch.tsx';

const TABS = [
  { key: '/home', id: 'tab-home', label: 'tabs.home' },
  { key: '/applications', id: 'tab-applications', label: 'tabs.applications' },
  { key: '/cases', id: 'tab-cases', label: 'casesResident.tab' },
  { key: '/me', id: 'tab-me', label: 'tabs.me' },
] as const;

/** Every resident screen: title bar with language switch, demo warning, content, and tabs once signed in. */
export function Frame({ title, children, backTo }: { title: string; children: ReactNode; backTo?: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const showTabs = !!me && !me.user.mustChangePassword && TABS.some((tab) => tab.key === pathname);
  return (
    <div className="frame">
      <div className="frame-top">
        <NavBar back={backTo ? t('common.back') : null} onBack={() => backTo && nav(backTo)} right={<LangSwitch />}>
          <span {...tid('page-title')}>{title}</span>
        </NavBar>
        {me?.demoMode && <NoticeBar content={t('common.demoBanner')} color="alert" wrap {...tid('demo-banner')} />}
      </div>
      <main className="frame-body">{children}</main>
      {showTabs && (
        <nav className="frame-bottom">
          <TabBar activeKey={pathname} onChange={(k) => nav(k)}>
            {TABS.map((tab) => (
              <TabBar.Item key={tab.key} title={<span {...tid(tab.id)}>{t(tab.label)}</span>} />
            ))}
          </TabBar>
        </nav>
      )}
    </div>
  );
}
