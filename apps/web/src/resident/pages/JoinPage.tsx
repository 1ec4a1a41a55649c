import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call, isApiError } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { JoinForm } from '../components/JoinForm.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

/** `/join/:token`: the page a community's QR code opens. */
export function JoinPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const { me, loading: meLoading } = useSession();
  const q = useQuery({
    queryKey: ['join', token],
    queryFn: () => call(api.join.joinInfo, { params: { token } }),
  });
  const invalid = isApiError(q.error) && (q.error.status === 404 || q.error.status === 400);

  return (
    <Frame title={t('join.title')}>
      {q.isPending || meLoading ? (
        <Loading />
      ) : invalid ? (
        <ErrorBlock status="empty" title={t('join.invalid')} description="" {...tid('join-invalid')} />
      ) : q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Card className="card-gap" {...tid('join-community')}>
            <h2 className="big-title" {...tid('join-community-name')}>
              {q.data.community.name}
            </h2>
            <div className="muted" {...tid('join-community-area')}>
              {q.data.community.district} · {q.data.community.street}
            </div>
            <p style={{ margin: '8px 0 0' }}>{t('join.intro')}</p>
            {me && (
              <p className="muted" style={{ margin: '4px 0 0' }} {...tid('join-signed-in-as')}>
                {t('join.signedInAs', { name: me.user.name })}
              </p>
            )}
          </Card>
          <JoinForm token={token} info={q.data} />
        </>
      )}
    </Frame>
  );
}
