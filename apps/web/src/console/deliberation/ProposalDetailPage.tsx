import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Image,
  Input,
  Modal,
  Rate,
  Row,
  Space,
  Spin,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDelibT, yuan } from '../../i18n/deliberation.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { ChainView } from './ChainView.tsx';
import { CommitteeModals, type ModalKind } from './CommitteeModals.tsx';
import { ConsoleVote } from './ConsoleVote.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;
const D = api.deliberation;
const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function PhotoRow({ p, ids }: { p: Detail; ids: readonly string[] }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((a) => (
          <Image
            key={a}
            width={88}
            height={88}
            style={{ objectFit: 'cover' }}
            src={`/api/proposals/${encodeURIComponent(p.id)}/files/${a}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function Discussion({ p, onChange }: { p: Detail; onChange: (d: Detail) => void }) {
  const { t } = useDelibT();
  const { message } = App.useApp();
  const hide = (id: string) => {
    let reason = '';
    Modal.confirm({
      title: t('comment.hideReason'),
      content: (
        <Input.TextArea
          rows={3}
          maxLength={D.REASON_MAX}
          onChange={(e) => (reason = e.target.value)}
          data-testid="delib-hide-reason"
        />
      ),
      okButtonProps: tid('delib-hide-confirm'),
      onOk: async () => {
        try {
          onChange(await call(D.hideComment, { params: { id: p.id, commentId: id }, body: { reason } }));
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  const byId = new Map(p.comments.map((c) => [c.id, c]));
  return (
    <Card size="small" title={`${t('detail.discussion')} (${p.comments.length})`} {...tid('delib-discussion')}>
      {p.comments.length === 0 && <Typography.Text type="secondary">{t('detail.noComments')}</Typography.Text>}
      {p.comments.map((c) => (
        <div
          key={c.id}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', marginLeft: c.parentId ? 24 : 0 }}
          {...tid('delib-comment')}
        >
          <Space wrap size={6}>
            <strong>{c.authorLabel}</strong>
            {c.official && <Tag color="blue">{t('comment.official')}</Tag>}
            <Tag color={c.stance === 'for' ? 'green' : c.stance === 'against' ? 'red' : 'default'}>
              {t(`stance.${c.stance}`)}
            </Tag>
            <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
            {c.parentId && <Typography.Text type="secondary">↳ {byId.get(c.parentId)?.authorLabel}</Typography.Text>}
          </Space>
          {c.quoteText && (
            <blockquote style={{ margin: '4px 0', padding: '2px 8px', background: '#fafafa', ...text }}>
              {c.quoteText}
            </blockquote>
          )}
          <div style={text}>{c.body}</div>
          {c.status === 'hidden' ? (
            <Tag color="orange">{t('comment.hidden', { reason: c.hiddenReason ?? '' })}</Tag>
          ) : (
            p.abilities.moderate && (
              <Button size="small" type="link" danger onClick={() => hide(c.id)} {...tid('delib-hide')}>
                {t('comment.hide')}
              </Button>
            )
          )}
        </div>
      ))}
    </Card>
  );
}

function ProjectPanel({
  p,
  onChange,
  open,
}: {
  p: Detail;
  onChange: (d: Detail) => void;
  open: (k: ModalKind) => void;
}) {
  const { t } = useDelibT();
  const { message } = App.useApp();
  const pr = p.project!;
  const run = async (fn: () => Promise<Detail>) => {
    try {
      onChange(await fn());
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const setStatus = (status: 'in_progress' | 'completed') =>
    run(() => call(D.updateProject, { params: { id: pr.id }, body: { version: pr.version, status } }));
  return (
    <Card
      size="small"
      title={pr.title}
      {...tid('delib-project')}
      data-status={pr.status}
      extra={<Tag color={pr.status === 'completed' ? 'green' : 'blue'}>{t(`project.status.${pr.status}`)}</Tag>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'o', label: t('project.owner'), children: pr.owner },
          { key: 'b', label: t('project.budget'), children: yuan(pr.budgetFen) },
          { key: 'p', label: t('project.plan'), children: <span style={text}>{pr.plan}</span> },
          { key: 'f', label: t('project.follow'), children: t('project.followers', { n: pr.followerCount }) },
        ]}
      />
      {p.abilities.manageProject && (
        <Space wrap style={{ margin: '8px 0' }}>
          {pr.status === 'planned' && (
            <Button onClick={() => void setStatus('in_progress')} {...tid('delib-project-start')}>
              {t('project.start')}
            </Button>
          )}
          {pr.status !== 'completed' && (
            <Button onClick={() => open('progress')} {...tid('delib-project-progress')}>
              {t('project.addProgress')}
            </Button>
          )}
          {pr.status !== 'completed' && (
            <Button type="primary" onClick={() => void setStatus('completed')} {...tid('delib-project-complete')}>
              {t('project.complete')}
            </Button>
          )}
        </Space>
      )}
      {pr.milestones.length > 0 && (
        <Steps
          direction="vertical"
          size="small"
          items={pr.milestones.map((m) => ({
            status: m.doneAt ? 'finish' : 'wait',
            title: m.title,
            description: m.doneAt ? (
              formatTime(m.doneAt)
            ) : p.abilities.manageProject ? (
              <Button
                size="small"
                onClick={() => void run(() => call(D.completeMilestone, { params: { id: pr.id, milestoneId: m.id } }))}
                {...tid('delib-milestone-done')}
              >
                {t('project.milestoneDone')}
              </Button>
            ) : (
              (m.dueOn ?? '')
            ),
          }))}
        />
      )}
      {pr.progress.map((g) => (
        <div key={g.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">
            {g.authorLabel} · {formatTime(g.createdAt)}
          </Typography.Text>
          <div style={text}>{g.body}</div>
          <PhotoRow p={p} ids={g.photos} />
        </div>
      ))}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('evaluation.title')}
      </Typography.Title>
      <div {...tid('delib-survey-average')}>
        {pr.evaluation.count
          ? t('evaluation.average', { avg: pr.evaluation.average, n: pr.evaluation.count })
          : pr.status === 'completed'
            ? t('evaluation.none')
            : t('evaluation.waiting')}
      </div>
      {pr.evaluation.answers
        .filter((a) => a.comment)
        .map((a) => (
          <div key={a.createdAt + a.comment}>
            <Rate disabled value={a.rating} style={{ fontSize: 12 }} /> <span style={text}>{a.comment}</span>
          </div>
        ))}
    </Card>
  );
}

/** `/console/deliberation/:id`: the whole chain of one proposal with every committee action. */
export function ProposalDetailPage() {
  const { t } = useDelibT();
  const { id = '' } = useParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const key = ['proposal', id];
  const q = useQuery({ queryKey: key, queryFn: () => call(D.getProposal, { params: { id } }) });
  const [modal, setModal] = useState<ModalKind | null>(null);
  const set = (d: Detail) => {
    qc.setQueryData(key, d);
    setModal(null);
    void qc.invalidateQueries({ queryKey: ['delib-queue'] });
    void qc.invalidateQueries({ queryKey: ['delib-supervision'] });
  };
  if (q.isPending) return <Spin />;
  if (q.error || !q.data) return <Alert type="error" showIcon title={errorText(q.error)} />;
  const p = q.data;
  const a = p.abilities;
  const btn = (k: ModalKind, label: string, primary = false) => (
    <Button
      key={k}
      type={primary ? 'primary' : 'default'}
      danger={k === 'reject'}
      onClick={() => setModal(k)}
      {...tid(`delib-action-${k}`)}
    >
      {label}
    </Button>
  );
  const actions = [
    ...(a.screen
      ? [btn('approve', t('screen.approve'), true), btn('merge', t('screen.merge')), btn('reject', t('screen.reject'))]
      : []),
    ...(a.meet ? [btn('meeting', t('meeting.add'))] : []),
    ...(a.summarise ? [btn('summary', t('summarise.save'))] : []),
    ...(a.summarise && p.stage === 'consulting' ? [btn('close', t('summarise.close'))] : []),
    ...(a.createProject ? [btn('project', t('project.create'), true)] : []),
    ...(a.publishCovenant ? [btn('covenant', t('covenant.publish'), !a.createProject)] : []),
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} {...tid('proposal-detail')} data-stage={p.stage}>
      <Card size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => nav('/deliberation')}>
            {t('title')}
          </Button>
          <Tag color="blue" {...tid('proposal-stage')}>
            {t(`stage.${p.stage}`)}
          </Tag>
          <Tag>{t('scopeOf', { s: p.scopeLabels.join('、') })}</Tag>
          {p.byCommittee && <Tag color="gold">{t('byCommittee')}</Tag>}
        </Space>
        <Typography.Title level={4} style={text} {...tid('proposal-title')}>
          {p.title}
        </Typography.Title>
        <ChainView chain={p.chain} />
        {actions.length > 0 && (
          <Space wrap style={{ marginTop: 16 }} {...tid('delib-actions')}>
            {actions}
          </Space>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('detail.question')}>
              <div style={text} {...tid('proposal-question')}>
                {p.question}
              </div>
              {p.options.length > 0 && (
                <ul>
                  {p.options.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              )}
              <Typography.Title level={5}>{t('detail.background')}</Typography.Title>
              <div style={text}>{p.background}</div>
              <PhotoRow p={p} ids={p.attachments} />
              <Typography.Text type="secondary">
                {p.proposerLabel} · {formatTime(p.createdAt)}
              </Typography.Text>
            </Card>
            {p.screenedAt && (
              <Card size="small" title={t('detail.screenResult')} {...tid('proposal-screening')}>
                <div>{t('detail.screenedBy', { who: p.screenedBy ?? '', at: formatTime(p.screenedAt) })}</div>
                {p.mergedInto && (
                  <Button type="link" onClick={() => nav(`/deliberation/${p.mergedInto!.id}`)}>
                    {t('detail.mergedInto', { title: p.mergedInto.title })}
                  </Button>
                )}
                {p.screenReason && (
                  <div style={text}>
                    {t('detail.reason')}：{p.screenReason}
                  </div>
                )}
              </Card>
            )}
            <Discussion p={p} onChange={set} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {p.summary && (
              <Card size="small" title={t('detail.summary')} {...tid('proposal-summary')}>
                <div style={text}>{p.summary}</div>
              </Card>
            )}
            {p.meetings.length > 0 && (
              <Card size="small" title={t('detail.meetings')} {...tid('proposal-meetings')}>
                {p.meetings.map((m) => (
                  <div key={m.id} style={{ paddingBottom: 8 }}>
                    <strong>{m.heldOn}</strong> ·{' '}
                    <Typography.Text type="secondary" style={text}>
                      {m.attendees}
                    </Typography.Text>
                    <div style={text}>{m.minutes}</div>
                    <PhotoRow p={p} ids={m.photos} />
                  </div>
                ))}
              </Card>
            )}
            {!['submitted', 'rejected', 'merged'].includes(p.stage) && <ConsoleVote p={p} />}
            {p.project && <ProjectPanel p={p} onChange={set} open={setModal} />}
            {p.covenant && (
              <Card
                size="small"
                title={p.covenant.title}
                {...tid('delib-covenant')}
                extra={
                  p.covenant.canEdit && (
                    <Button size="small" onClick={() => setModal('revise')} {...tid('delib-action-revise')}>
                      {t('covenant.revise')}
                    </Button>
                  )
                }
              >
                <Typography.Text type="secondary">
                  {t('covenant.version', { no: p.covenant.no })} · {formatTime(p.covenant.updatedAt)} ·{' '}
                  {t('covenant.ackCount', { n: p.covenant.ackCount })}
                </Typography.Text>
                <div style={{ ...text, marginTop: 8 }}>{p.covenant.body}</div>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      <CommitteeModals kind={modal} p={p} onDone={set} onClose={() => setModal(null)} />
    </Space>
  );
}
