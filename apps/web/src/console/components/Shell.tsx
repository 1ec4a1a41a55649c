import { Alert, Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { visiblePages } from '../menu.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { NodeSwitcher } from './NodeSwitcher.tsx';
import { NotificationBell } from './NotificationBell.tsx';

/** Console frame: left menu, header (who, where, language, sign out), demo warning, page. */
export function Shell() {
  const { t } = useTranslation();
  const acting = useActing();
  const { signOut } = useSession();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const pages = visiblePages(acting);
  const current = pages.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
  // The acting node changed to one where this page is not available: go to the first one that is.
  if (!current && pages[0]) return <Navigate to={pages[0].path} replace />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        breakpoint="lg"
        collapsedWidth={0}
        zeroWidthTriggerStyle={{ top: 10, insetInlineEnd: -44, width: 36, height: 36 }}
        width={200}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div className="console-brand">{t('console.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          onClick={({ key }) => nav(key)}
          items={pages.map((p) => ({
            key: p.path,
            label: <span {...tid(`menu-${p.key}`)}>{t(`console.menu.${p.key}`)}</span>,
          }))}
          style={{ borderInlineEnd: 'none' }}
          {...tid('console-menu')}
        />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <header className="console-header">
          <NodeSwitcher />
          <Space wrap>
            <Typography.Text strong {...tid('console-user-name')}>
              {acting.me.user.name}
            </Typography.Text>
            <NotificationBell />
            <LangSwitch />
            <Button
              size="small"
              onClick={async () => {
                await signOut();
                nav('/login', { replace: true });
              }}
              {...tid('sign-out')}
            >
              {t('common.signOut')}
            </Button>
          </Space>
        </header>
        {acting.me.demoMode && <Alert type="warning" banner title={t('common.demoBanner')} {...tid('demo-banner')} />}
        <Layout.Content className="console-content">
          {current ? <Outlet key={acting.acting.id} /> : <Typography.Text>{t('console.noAccess')}</Typography.Text>}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
