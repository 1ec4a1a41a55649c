import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, ErrorBlock, Steps } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call, isApiError } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { StatusTag } from './StatusTag.tsx';

/** `/t/:key` (public): how a case reported by QR code is going — status and history, no personal data. */
export function TrackPage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { key = '' } = useParams();
  const q = useQuery({
    queryKey: ['track', key],
    queryFn: () => call(api.caseLinks.trackCase, { params: { key } }),
    retry: false,
  });
  let body: React.ReactNode;
  if (q.isPending) body = <Loading />;
  else if (q.error && isApiError(q.error) && (q.error.status === 404 || q.error.status === 400)) {
    body = (
      <ErrorBlock status="empty" title={t('casesResident.track.invalid')} description="" {...tid('track-invalid')} />
    );
  } else if (q.error) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const c = q.data;
    const entries = [...c.timeline].reverse();
    body = (
      <div {...tid('track-page')} data-status={c.status}>
        <Card className="card-gap">
          <div className="case-head">
            <StatusTag status={c.status} testId="track-status" />
            <span className="muted" {...tid('track-no')}>
              {t('casesResident.case.no')} {c.no}
            </span>
          </div>
          <h2 className="big-title">{c.categoryName}</h2>
          <div className="case-row">
            <span className="case-row-label">{t('casesResident.case.place')}</span>
            <span className="case-row-value">{c.placeName}</span>
          </div>
          <div className="case-row">
            <span className="case-row-label">{t('casesResident.case.createdAt')}</span>
            <span className="case-row-value">{formatTime(c.createdAt)}</span>
          </div>
        </Card>
        <Card className="card-gap" title={t('casesResident.case.timeline')}>
          <Steps direction="vertical" current={0} className="case-timeline">
            {entries.map((e, i) => (
              <Steps.Step
                key={`${e.at}-${e.type}-${e.toStatus}`}
                status={i === 0 ? 'process' : 'finish'}
                title={labels.entry(e.type)}
                description={
                  <div className="case-entry" data-type={e.type} {...tid('track-entry')}>
                    <div className="muted">
                      {formatTime(e.at)} · {labels.status(e.toStatus)}
                    </div>
                    {e.note && <div className="case-entry-note">{e.note}</div>}
                  </div>
                }
              />
            ))}
          </Steps>
        </Card>
      </div>
    );
  }
  return <Frame title={t('casesResident.track.title')}>{body}</Frame>;
}
