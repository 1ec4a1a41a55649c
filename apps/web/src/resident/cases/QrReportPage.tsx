import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { QrReportForm, type QrResult } from './QrReportForm.tsx';

/** After sending: the case number and the tracking link to keep (there is no account to find it again). */
function Done({ r }: { r: QrResult }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const path = `/t/${r.trackingKey}`;
  const url = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div {...tid('qr-done')}>
      <Result status="success" title={t('casesResident.qr.doneTitle')} description={t('casesResident.qr.doneHint')} />
      <Card className="card-gap">
        <div className="case-row">
          <span className="case-row-label">{t('casesResident.case.no')}</span>
          <span className="case-row-value big-no" {...tid('qr-case-no')}>
            {r.no}
          </span>
        </div>
        <div className="muted">{t('casesResident.qr.keepLink')}</div>
        <a href={path} className="track-url" {...tid('qr-track-link')}>
          {url}
        </a>
        <div className="case-actions">
          <Button block color="primary" size="large" onClick={() => nav(path)} {...tid('qr-track-open')}>
            {t('casesResident.qr.track')}
          </Button>
          {'clipboard' in navigator && (
            <Button
              block
              size="large"
              onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
              {...tid('qr-track-copy')}
            >
              {copied ? t('casesResident.qr.copied') : t('casesResident.qr.copy')}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}

/** `/r/:token` (public): a courtyard poster's QR code opens this form; no account needed. */
export function QrReportPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [result, setResult] = useState<QrResult | null>(null);
  const q = useQuery({
    queryKey: ['qr-report', token],
    queryFn: () => call(api.caseLinks.qrReportInfo, { params: { token } }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  let body: React.ReactNode;
  if (result) body = <Done r={result} />;
  else if (q.isPending) body = <Loading />;
  else if (q.error && isApiError(q.error) && (q.error.status === 404 || q.error.status === 400)) {
    body = (
      <ErrorBlock
        status="default"
        title={t('casesResident.qr.invalid')}
        description={t('casesResident.qr.invalidHint')}
        {...tid('qr-invalid')}
      />
    );
  } else if (q.error && !q.data) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else if (q.data) {
    body = (
      <>
        <Card className="card-gap" {...tid('qr-place')}>
          <div className="muted">{q.data.communityName}</div>
          <h2 className="big-title" {...tid('qr-place-name')}>
            {q.data.placeName}
          </h2>
          <div className="muted">{t('casesResident.qr.intro')}</div>
        </Card>
        <QrReportForm token={token} info={q.data} refresh={q.refetch} refreshing={q.isFetching} onDone={setResult} />
      </>
    );
  }
  return <Frame title={t('casesResident.qr.title')}>{body}</Frame>;
}
