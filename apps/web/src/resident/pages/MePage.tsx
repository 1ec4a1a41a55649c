import { Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { WorkEntries } from '../party/WorkEntries.tsx';
import { NotificationsEntry } from './NotificationsPage.tsx';

/** `/me`: who is signed in, change password, console link for staff, sign out. */
export function MePage() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const nav = useNavigate();
  if (!me) return null;
  return (
    <Frame title={t('me.title')}>
      <List className="card-gap">
        <List.Item extra={<span {...tid('me-name')}>{me.user.name}</span>}>{t('fields.name')}</List.Item>
        <List.Item extra={me.user.phone}>{t('fields.phone')}</List.Item>
        <List.Item clickable onClick={() => nav('/cases')} {...tid('me-cases')}>
          {t('casesResident.me.cases')}
        </List.Item>
        <NotificationsEntry />
        <List.Item clickable onClick={() => nav('/password')} {...tid('me-change-password')}>
          {t('me.changePassword')}
        </List.Item>
        {me.user.isStaff && (
          <List.Item clickable onClick={() => window.location.assign('/console')} {...tid('go-console')}>
            {t('me.console')}
          </List.Item>
        )}
      </List>
      <WorkEntries me={me} />
      <Button
        block
        size="large"
        color="danger"
        fill="outline"
        onClick={async () => {
          await signOut();
          nav('/login', { replace: true });
        }}
        {...tid('sign-out')}
      >
        {t('common.signOut')}
      </Button>
    </Frame>
  );
}
