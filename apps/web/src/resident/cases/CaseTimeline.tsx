import type { api, RouteOutput } from '@linli/contracts';
import { Steps } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { CasePhotos } from './CasePhotos.tsx';

type Entry = RouteOutput<typeof api.cases.getCase>['timeline'][number];

/** One line of extra facts an entry carries (a rating's stars, an urging's level). */
function Extra({ e }: { e: Entry }) {
  const labels = useCaseLabels();
  const score = typeof e.data.score === 'number' ? e.data.score : null;
  if (e.type === 'rate' && score) return <div className="stars-text">{'★'.repeat(score) + '☆'.repeat(5 - score)}</div>;
  if (e.type === 'urge' && typeof e.data.level === 'string') return <div>{labels.urge(e.data.level)}</div>;
  return null;
}

/** The case's history, newest first: what happened, when, who (by role), the note and photos. */
export function CaseTimeline({ caseId, entries }: { caseId: string; entries: readonly Entry[] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const newestFirst = [...entries].sort((a, b) => b.version - a.version);
  return (
    <Steps direction="vertical" current={0} className="case-timeline" {...tid('case-timeline')}>
      {newestFirst.map((e, i) => (
        <Steps.Step
          key={e.version}
          status={i === 0 ? 'process' : 'finish'}
          title={
            <span {...tid('timeline-type')}>
              {labels.entry(e.type, e.data)}
              {e.fromStatus !== e.toStatus && <span className="muted"> → {labels.status(e.toStatus)}</span>}
            </span>
          }
          description={
            <div className="case-entry" data-type={e.type} data-version={e.version} {...tid('timeline-entry')}>
              <div className="muted">
                {formatTime(e.at)}
                {e.role && ` · ${labels.actingRole(e.role)}`}
                {e.actor?.name && e.role !== 'reporter' ? ` ${e.actor.name}` : ''}
              </div>
              <Extra e={e} />
              {e.note && (
                <div className="case-entry-note" {...tid('timeline-note')}>
                  {t('casesResident.case.note')}
                  {t('common.colon')}
                  {e.note}
                </div>
              )}
              {e.type !== 'created' && <CasePhotos caseId={caseId} ids={e.attachments} testId="timeline-photo" />}
            </div>
          }
        />
      ))}
    </Steps>
  );
}
