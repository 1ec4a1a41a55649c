import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, List, NoticeBar, Space, Tag } from 'antd-mobile';
import { useParams } from 'react-router';
import { useDelibT } from '../../i18n/deliberation.ts';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Photos } from '../boards/Photos.tsx';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { ChainSteps } from './ChainSteps.tsx';
import { CovenantCard } from './CovenantCard.tsx';
import { Discussion } from './Discussion.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { VoteSection } from './VoteSection.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function Header({ p }: { p: Detail }) {
  const { t } = useDelibT();
  return (
    <Card className="card-gap" {...tid('proposal-detail')} data-stage={p.stage}>
      <h2 className="big-title" style={text} {...tid('proposal-title')}>
        {p.title}
      </h2>
      <Space wrap>
        <Tag color="primary" {...tid('proposal-stage')}>
          {t(`stage.${p.stage}`)}
        </Tag>
        <Tag fill="outline">{t('scopeOf', { s: p.scopeLabels.join('、') })}</Tag>
        {p.byCommittee && <Tag color="warning">{t('byCommittee')}</Tag>}
      </Space>
      <div className="muted" style={{ margin: '6px 0' }}>
        {p.proposerLabel} · {formatTime(p.createdAt)}
      </div>
      <h3>{t('detail.question')}</h3>
      <div style={text} {...tid('proposal-question')}>
        {p.question}
      </div>
      {p.options.length > 0 && (
        <List header={t('detail.options')} style={{ '--border-top': 'none' }}>
          {p.options.map((o) => (
            <List.Item key={o}>{o}</List.Item>
          ))}
        </List>
      )}
      <h3>{t('detail.background')}</h3>
      <div style={text}>{p.background}</div>
      <Photos base={`/api/proposals/${encodeURIComponent(p.id)}/files`} ids={p.attachments} testId="proposal-photo" />
    </Card>
  );
}

function Screening({ p }: { p: Detail }) {
  const { t } = useDelibT();
  if (!p.screenedAt) return null;
  return (
    <Card className="card-gap" title={t('detail.screenResult')} {...tid('proposal-screening')}>
      <div className="muted">{t('detail.screenedBy', { who: p.screenedBy ?? '', at: formatTime(p.screenedAt) })}</div>
      {p.mergedInto && <div>{t('detail.mergedInto', { title: p.mergedInto.title })}</div>}
      {p.screenReason && (
        <div style={text} {...tid('proposal-screen-reason')}>
          {t('detail.reason')}：{p.screenReason}
        </div>
      )}
    </Card>
  );
}

function Consultation({ p }: { p: Detail }) {
  const { t } = useDelibT();
  return (
    <>
      {p.summary && (
        <Card className="card-gap" title={t('detail.summary')} {...tid('proposal-summary')}>
          <div style={text}>{p.summary}</div>
        </Card>
      )}
      {p.meetings.length > 0 && (
        <Card className="card-gap" title={t('detail.meetings')} {...tid('proposal-meetings')}>
          {p.meetings.map((m) => (
            <div key={m.id} className="delib-comment">
              <strong>{m.heldOn}</strong>
              <div className="muted" style={text}>
                {t('detail.attendees')}：{m.attendees}
              </div>
              <div style={text}>{m.minutes}</div>
              <Photos base={`/api/proposals/${encodeURIComponent(p.id)}/files`} ids={m.photos} testId="meeting-photo" />
            </div>
          ))}
        </Card>
      )}
    </>
  );
}

/** `/proposals/:id`: one proposal's whole chain on a phone. */
export function ProposalPage() {
  const { t } = useDelibT();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const key = ['proposal', id];
  const q = useQuery({ queryKey: key, queryFn: () => call(api.deliberation.getProposal, { params: { id } }) });
  const set = (d: Detail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['proposals'] });
  };
  const p = q.data;
  return (
    <Frame title={t('title')} backTo="/hall">
      {q.isPending ? (
        <Loading />
      ) : q.error || !p ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          {p.stage === 'submitted' && <NoticeBar content={t('form.submitted')} color="info" wrap />}
          <Header p={p} />
          <Card className="card-gap">
            <ChainSteps chain={p.chain} />
          </Card>
          <Screening p={p} />
          {!['submitted', 'rejected', 'merged'].includes(p.stage) && (
            <>
              <Discussion p={p} onChange={set} />
              <Consultation p={p} />
              <VoteSection p={p} />
            </>
          )}
          {p.project && <ProjectCard p={p} onChange={set} />}
          {p.covenant && <CovenantCard c={p.covenant} onChange={() => void q.refetch()} />}
        </>
      )}
    </Frame>
  );
}
