import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { StatusTag } from './StatusTag.tsx';

type Detail = RouteOutput<typeof api.cases.getCase>;
const ACTIVE_ASSIGNMENT = new Set(['dispatched', 'accepted', 'rework', 'handled']);
const HELD = new Set(['submitted', 'accepted', 'escalated', 'registered', 'dispatched', 'checking', 'parked']);

/** Who holds the case now, in words: the tier, or the departments working on it. */
function useHolder(c: Detail): string | null {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  if (c.status === 'resolved') return t('casesResident.case.waitingForYou');
  if (!HELD.has(c.status)) return null;
  const depts = c.departments.filter((d) => ACTIVE_ASSIGNMENT.has(d.status)).map((d) => d.name);
  if (c.status === 'dispatched' && depts.length) return depts.join('、');
  if (c.status === 'checking') return t('casesResident.case.streetChecking');
  return labels.level(c.level);
}

interface RowProps {
  label: string;
  children: React.ReactNode;
  testId?: string;
  data?: Record<`data-${string}`, string>;
}

function Row({ label, children, testId, data }: RowProps) {
  return (
    <div className="case-row" {...(testId ? tid(testId) : {})} {...data}>
      <span className="case-row-label">{label}</span>
      <span className="case-row-value">{children}</span>
    </div>
  );
}

function Summary({ c }: { c: Detail }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const holder = useHolder(c);
  const place = [...c.placePath, c.address].filter(Boolean).join(' ');
  return (
    <Card className="card-gap">
      <div className="case-head">
        <StatusTag status={c.status} testId="case-status" />
        <span className="muted" {...tid('case-no')}>
          {t('casesResident.case.no')} {c.no}
        </span>
      </div>
      <h2 className="big-title" {...tid('case-category')}>
        {c.categoryName}
      </h2>
      {holder && (
        <Row label={t('casesResident.case.holder')} testId="case-holder">
          {holder}
        </Row>
      )}
      {c.sla && (
        <Row
          label={labels.stage(c.sla.stage)}
          testId="case-sla"
          data={{ 'data-colour': c.sla.colour, 'data-stage': c.sla.stage }}
        >
          <span className={`sla sla-${c.sla.colour}`}>{labels.timeLeft(c.sla)}</span>
          <span className="muted"> ({formatTime(c.sla.dueAt)})</span>
        </Row>
      )}
      <Row label={t('casesResident.case.place')}>{place || c.placeName}</Row>
      <Row label={t('casesResident.case.createdAt')}>{formatTime(c.createdAt)}</Row>
      {c.closedAt && <Row label={t('casesResident.case.closedAt')}>{formatTime(c.closedAt)}</Row>}
      {c.mergedInto && (
        <Row label={labels.status('merged')} testId="case-merged-into">
          <Link to={`/cases/${c.mergedInto.id}`}>{t('casesResident.case.mergedInto', { no: c.mergedInto.no })}</Link>
        </Row>
      )}
      {c.public && <div className="muted">{t('casesResident.case.isPublic')}</div>}
    </Card>
  );
}

/** `/cases/:id`: status, who holds it, time left, the description and photos, the history, and my buttons. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const key = ['cases', 'detail', id];
  const q = useQuery({ queryKey: key, queryFn: () => call(api.cases.getCase, { params: { id } }) });
  const done = (d: Detail) => {
    setConflict(false);
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['cases'], predicate: (x) => x.queryKey[1] !== 'detail' });
  };
  let body: React.ReactNode;
  if (q.isPending) body = <Loading />;
  else if (q.error) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const c = q.data;
    body = (
      <div {...tid('case-page')} data-status={c.status} data-version={c.version}>
        {conflict && (
          <NoticeBar
            content={t('cases.versionConflict')}
            color="alert"
            wrap
            className="card-gap"
            {...tid('case-conflict')}
          />
        )}
        <Summary c={c} />
        <Card className="card-gap" title={t('casesResident.case.description')}>
          <div className="case-description" {...tid('case-description')}>
            {c.description}
          </div>
          <CasePhotos caseId={c.id} ids={c.attachments} testId="case-photo" />
        </Card>
        {c.ratings.length > 0 && (
          <Card className="card-gap" title={t('casesResident.case.ratings')}>
            {c.ratings.map((r) => (
              <div key={`${r.round}-${r.at}`} className="case-rating" {...tid('case-rating')} data-score={r.score}>
                <span className="stars-text">{'★'.repeat(r.score) + '☆'.repeat(5 - r.score)}</span> {r.comment}
              </div>
            ))}
          </Card>
        )}
        <CaseActions
          c={c}
          onDone={done}
          onConflict={() => {
            setConflict(true);
            void q.refetch();
          }}
        />
        <Card className="card-gap" title={t('casesResident.case.timeline')}>
          <CaseTimeline caseId={c.id} entries={c.timeline} />
        </Card>
      </div>
    );
  }
  return (
    <Frame title={t('casesResident.case.title')} backTo="/cases">
      {body}
    </Frame>
  );
}
