import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { currentStep, useDelibT, useDuration, useStepTiming, yuan } from '../../i18n/deliberation.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Summary = RouteOutput<typeof api.deliberation.listProposals>['items'][number];
const D = api.deliberation;

function ProposalTable({ rows, loading, waiting }: { rows: Summary[]; loading: boolean; waiting?: boolean }) {
  const { t } = useDelibT();
  const duration = useDuration();
  const timing = useStepTiming();
  const nav = useNavigate();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 880 }}
      locale={{ emptyText: waiting ? t('screen.none') : t('empty') }}
      onRow={(p) =>
        ({
          onClick: () => nav(`/deliberation/${p.id}`),
          style: { cursor: 'pointer' },
          ...tid('delib-row'),
          'data-title': p.title,
        }) as never
      }
      columns={[
        { title: t('form.title'), dataIndex: 'title', ellipsis: true },
        { title: t('supervision.community'), dataIndex: 'communityName', width: 110 },
        { title: t('form.scope'), key: 'scope', width: 130, render: (_, p) => p.scopeLabels.join('、') },
        { title: t('detail.proposer'), dataIndex: 'proposerLabel', width: 140 },
        {
          title: t('supervision.waitingSince'),
          key: 'stage',
          width: 230,
          render: (_, p) => {
            const s = currentStep(p.chain);
            return (
              <Space size={4} wrap {...tid('delib-current-step')}>
                <Tag color={p.stage === 'rejected' || p.stage === 'not_adopted' ? 'default' : 'blue'}>
                  {t(`stage.${p.stage}`)}
                </Tag>
                <span>{t(`step.${s.step}`)}</span>
                <Typography.Text type="secondary">{timing(s)}</Typography.Text>
              </Space>
            );
          },
        },
        waiting
          ? {
              title: t('screen.waited'),
              key: 'waited',
              width: 110,
              render: (_, p) => (
                <span {...tid('delib-waited')}>{duration(Date.now() - new Date(p.createdAt).getTime())}</span>
              ),
            }
          : { title: t('detail.createdAt'), key: 'at', width: 160, render: (_, p) => formatTime(p.createdAt) },
      ]}
    />
  );
}

function Projects({ communityId }: { communityId: string }) {
  const { t } = useDelibT();
  const nav = useNavigate();
  const q = useQuery({
    queryKey: ['projects', communityId],
    queryFn: () => call(D.listProjects, { params: { id: communityId } }),
  });
  return (
    <Table
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('project.none') }}
      onRow={(p) => ({ onClick: () => nav(`/deliberation/${p.proposalId}`), style: { cursor: 'pointer' } }) as never}
      columns={[
        { title: t('project.title'), dataIndex: 'title' },
        { title: t('project.owner'), dataIndex: 'owner' },
        { title: t('project.budget'), key: 'b', render: (_, p) => yuan(p.budgetFen) },
        { title: '', key: 's', render: (_, p) => <Tag>{t(`project.status.${p.status}`)}</Tag> },
        { title: t('project.milestonesCol'), key: 'm', render: (_, p) => `${p.milestonesDone}/${p.milestonesTotal}` },
        {
          title: t('evaluation.title'),
          key: 'e',
          render: (_, p) => (p.ratingCount ? t('evaluation.average', { avg: p.ratingAverage, n: p.ratingCount }) : '—'),
        },
      ]}
    />
  );
}

function Covenants({ communityId }: { communityId: string }) {
  const { t } = useDelibT();
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['covenants', communityId, q],
    queryFn: () => call(D.listCovenants, { params: { id: communityId }, query: q ? { q } : {} }),
  });
  return (
    <>
      <Input.Search
        placeholder={t('covenant.search')}
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 360, marginBottom: 12 }}
        {...tid('covenant-search')}
      />
      <List
        loading={res.isFetching}
        dataSource={res.data?.items ?? []}
        locale={{ emptyText: t('noCovenants') }}
        renderItem={(c) => (
          <List.Item {...tid('covenant-item')}>
            <List.Item.Meta
              title={c.title}
              description={`${t('covenant.version', { no: c.no })} · ${formatTime(c.updatedAt)} · ${t('covenant.ackCount', { n: c.ackCount })}`}
            />
          </List.Item>
        )}
      />
    </>
  );
}

/** 议事厅 (`/console/deliberation`): the screening queue, proposals, projects, covenants and supervision. */
export function DeliberationPage() {
  const { t } = useDelibT();
  const { acting, allowed } = useActing();
  const [params, setParams] = useSearchParams();
  const community = acting.nodeType === 'community';
  const screens = allowed('deliberation.screen');
  const [stage, setStage] = useState<string | undefined>();
  const queue = useQuery({
    queryKey: ['delib-queue', acting.nodeId],
    queryFn: () => call(D.screeningQueue, { query: { nodeId: acting.nodeId } }),
    enabled: screens,
  });
  const list = useQuery({
    queryKey: ['delib-supervision', acting.nodeId, stage],
    queryFn: () =>
      call(D.supervision, { query: { nodeId: acting.nodeId, ...(stage ? { stage: stage as Summary['stage'] } : {}) } }),
    enabled: allowed('deliberation.observe'),
  });
  const tabs = [
    ...(screens
      ? [
          {
            key: 'queue',
            label: (
              <span {...tid('delib-tab-queue')}>
                {t('screen.queue')} ({queue.data?.items.length ?? 0})
              </span>
            ),
            children: <ProposalTable rows={queue.data?.items ?? []} loading={queue.isFetching} waiting />,
          },
        ]
      : []),
    {
      key: 'all',
      label: <span {...tid('delib-tab-all')}>{community ? t('proposals') : t('supervision.title')}</span>,
      children: (
        <>
          <Select
            allowClear
            placeholder={t('all')}
            style={{ width: 180, marginBottom: 12 }}
            value={stage}
            onChange={setStage}
            options={D.PROPOSAL_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            {...tid('delib-stage-filter')}
          />
          {list.data?.truncated && (
            <Alert type="info" showIcon title={t('supervision.truncated')} style={{ marginBottom: 12 }} />
          )}
          <ProposalTable rows={list.data?.items ?? []} loading={list.isFetching} />
        </>
      ),
    },
    ...(community
      ? [
          {
            key: 'projects',
            label: <span {...tid('delib-tab-projects')}>{t('projects')}</span>,
            children: <Projects communityId={acting.nodeId} />,
          },
          {
            key: 'covenants',
            label: <span {...tid('delib-tab-covenants')}>{t('covenants')}</span>,
            children: <Covenants communityId={acting.nodeId} />,
          },
        ]
      : []),
  ];
  const active = params.get('tab') ?? tabs[0]!.key;
  return (
    <Card {...tid('delib-page')}>
      {(queue.error || list.error) && <Alert type="error" showIcon title={errorText(queue.error ?? list.error)} />}
      <Tabs
        activeKey={tabs.some((x) => x.key === active) ? active : tabs[0]!.key}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={tabs}
      />
    </Card>
  );
}
