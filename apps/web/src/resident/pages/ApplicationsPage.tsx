import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MyAffiliations } from '../party/MyAffiliations.tsx';

type Application = RouteOutput<typeof api.join.myApplications>['items'][number];

const TAG_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

function ApplicationCard({ a }: { a: Application }) {
  const { t } = useTranslation();
  return (
    <Card
      className="card-gap"
      title={<span style={{ fontSize: 19 }}>{a.communityName}</span>}
      extra={
        <Tag color={TAG_COLOR[a.status]} style={{ fontSize: 16, padding: '4px 8px' }} {...tid('application-status')}>
          {t(`status.${a.status}`)}
        </Tag>
      }
      {...tid('application-item')}
      data-status={a.status}
      data-community={a.communityName}
    >
      <div>
        {t('fields.address')}
        {t('common.colon')}
        {a.address}
      </div>
      <div className="muted">
        {t('applications.submittedAt')}
        {t('common.colon')}
        {formatTime(a.createdAt)}
      </div>
      {a.decidedAt && (
        <div className="muted">
          {t('applications.decidedAt')}
          {t('common.colon')}
          {formatTime(a.decidedAt)}
        </div>
      )}
      {a.status === 'rejected' && a.reason && (
        <div style={{ color: 'var(--adm-color-danger)', marginTop: 4 }} {...tid('application-reason')}>
          {t('applications.reason')}
          {t('common.colon')}
          {a.reason}
        </div>
      )}
    </Card>
  );
}

/** `/applications`: every join application with its status and any rejection reason. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const nav = useNavigate();
  const q = useQuery({ queryKey: ['my-applications'], queryFn: () => call(api.join.myApplications) });
  return (
    <Frame title={t('applications.title')}>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('applications.empty')} description="" {...tid('applications-empty')} />
      ) : (
        <div {...tid('applications-list')}>
          {q.data.items.map((a) => (
            <ApplicationCard key={a.id} a={a} />
          ))}
        </div>
      )}
      <MyAffiliations />
      {me?.homeCommunityId && (
        <Button block color="primary" fill="outline" size="large" onClick={() => nav('/home')} {...tid('go-home')}>
          {t('home.title')}
        </Button>
      )}
      {me?.user.isStaff && (
        <Button
          block
          color="primary"
          size="large"
          style={{ marginTop: 12 }}
          onClick={() => window.location.assign('/console')}
          {...tid('go-console')}
        >
          {t('me.console')}
        </Button>
      )}
    </Frame>
  );
}
