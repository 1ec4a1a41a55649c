import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { m2, turnoutPercent, useVoteT, type VoteDetail } from '../../i18n/votes.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';

const STATUS_COLOR = { draft: 'default', open: 'processing', closed: 'success' } as const;

/** The result with every threshold check, and the download of the chain that recomputes it. */
export function ResultCard({ v }: { v: VoteDetail }) {
  const { t, check } = useVoteT();
  const r = v.result;
  if (!r) return null;
  return (
    <Card size="small" title={t('result.title')} {...tid('vote-result')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Tag color={r.adopted ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }} {...tid('vote-adopted')}>
          {r.adopted ? t('result.adopted') : t('result.rejected')}
        </Tag>
        <Typography.Text type="secondary">{t('result.ballots', { n: r.ballots })}</Typography.Text>
        {r.participation.length > 0 && (
          <div {...tid('vote-participation')}>
            <Typography.Text strong>{t('result.participation')}</Typography.Text>
            {r.participation.map((c) => (
              <div key={c.measure} style={{ color: c.met ? '#389e0d' : '#cf1322' }}>
                {check(c)}
              </div>
            ))}
          </div>
        )}
        <Table
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={r.options}
          columns={[
            { title: t('result.option'), dataIndex: 'label' },
            { title: t('result.count'), key: 'head', width: 80, render: (_, o) => o.weight.head },
            ...(v.thresholds.measures.includes('area')
              ? [
                  {
                    title: t('result.weightArea'),
                    key: 'area',
                    width: 110,
                    render: (_: unknown, o: (typeof r.options)[number]) => m2(o.weight.area),
                  },
                ]
              : []),
            {
              title: t('result.approval'),
              key: 'approval',
              render: (_, o) => (
                <div {...tid('vote-approval')}>
                  {o.approval.map((c) => (
                    <div key={c.measure} style={{ color: c.met ? '#389e0d' : undefined }}>
                      {check(c)}
                    </div>
                  ))}
                </div>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" copyable={{ text: r.chainHead }} style={{ wordBreak: 'break-all' }}>
          {t('result.chainHead')}: {r.chainHead.slice(0, 16)}…
        </Typography.Text>
        <a href={`/api/votes/${v.id}/chain`} download={`vote-${v.id}-chain.json`} {...tid('vote-chain-download')}>
          {t('action.download')}
        </a>
      </Space>
    </Card>
  );
}

export function TurnoutTable({ v }: { v: VoteDetail }) {
  const { t } = useVoteT();
  if (!v.turnout) return null;
  const byArea = v.electorate === 'owners';
  return (
    <Card size="small" title={t('turnout.title')} {...tid('vote-turnout')}>
      <Table
        size="small"
        rowKey={(b) => b.buildingId ?? b.buildingName}
        pagination={false}
        dataSource={v.turnout}
        scroll={{ x: 520 }}
        columns={[
          { title: t('turnout.building'), dataIndex: 'buildingName' },
          { title: t('turnout.electors'), dataIndex: 'electors', width: 90 },
          { title: t('turnout.voted'), dataIndex: 'voted', width: 90 },
          {
            title: t('turnout.rate'),
            key: 'rate',
            width: 90,
            render: (_, b) => `${turnoutPercent(b.voted, b.electors)}%`,
          },
          ...(byArea
            ? [
                {
                  title: t('turnout.area'),
                  key: 'area',
                  width: 120,
                  render: (_: unknown, b: NonNullable<VoteDetail['turnout']>[number]) => m2(b.area),
                },
                {
                  title: t('turnout.votedArea'),
                  key: 'va',
                  width: 120,
                  render: (_: unknown, b: NonNullable<VoteDetail['turnout']>[number]) => m2(b.votedArea),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** A vote as the committee runs it: rules, open and close, turnout while open, the result once closed. */
export function VoteManage({ id }: { id: string }) {
  const { t } = useVoteT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['vote', id], queryFn: () => call(api.votes.getVote, { params: { id } }) });
  if (q.isPending) return <Card loading />;
  if (q.error) return <Alert type="error" message={errorText(q.error)} />;
  const v = q.data;
  const act = async (route: typeof api.votes.openVote | typeof api.votes.closeVote) => {
    try {
      await call(route, { params: { id }, body: { version: v.version } });
      await qc.invalidateQueries({ queryKey: ['vote', id] });
      await qc.invalidateQueries({ queryKey: ['votes'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} {...tid('vote-manage')}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span {...tid('vote-title')}>{v.title}</span>
            <Tag color={STATUS_COLOR[v.status]} {...tid('vote-status')}>
              {t(`status.${v.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            <Button size="small" onClick={() => void q.refetch()}>
              {t('action.refresh')}
            </Button>
            {v.abilities.open && (
              <Popconfirm
                title={t('action.openConfirm')}
                onConfirm={() => act(api.votes.openVote)}
                okButtonProps={tid('vote-open-confirm')}
              >
                <Button type="primary" size="small" {...tid('vote-open')}>
                  {t('action.open')}
                </Button>
              </Popconfirm>
            )}
            {v.abilities.close && (
              <Popconfirm
                title={t('action.closeConfirm')}
                onConfirm={() => act(api.votes.closeVote)}
                okButtonProps={tid('vote-close-confirm')}
              >
                <Button danger size="small" {...tid('vote-close')}>
                  {t('action.close')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.question}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('form.kind')}>{t(`kind.${v.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('form.options')}>{v.options.join(' / ')}</Descriptions.Item>
          <Descriptions.Item label={t('form.electorate')}>{t(`electorate.${v.electorate}`)}</Descriptions.Item>
          <Descriptions.Item label={t('form.scope')}>{v.scope.map((s) => s.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('form.preset')}>{t(`preset.${v.preset}`)}</Descriptions.Item>
          <Descriptions.Item label={t('form.deadline')}>{formatTime(v.deadline)}</Descriptions.Item>
          <Descriptions.Item label="">
            <Space wrap>
              <Tag>{v.secret ? t('info.secret') : t('info.open')}</Tag>
              {v.changeable && <Tag>{t('info.changeable')}</Tag>}
              {v.proxyAllowed && <Tag>{t('info.proxy')}</Tag>}
            </Space>
          </Descriptions.Item>
          {v.status !== 'draft' && (
            <Descriptions.Item label={t('turnout.rate')}>
              <span {...tid('vote-turnout-total')}>
                {t('info.votedOf', { voted: v.voted, n: v.electors })} ({turnoutPercent(v.voted, v.electors)}%)
              </span>
            </Descriptions.Item>
          )}
          {v.closedReason && (
            <Descriptions.Item label={t('status.closed')}>
              {formatTime(v.closedAt!)} ·{' '}
              {v.closedReason === 'manual' ? t('info.closedManual') : t('info.closedDeadline')}
            </Descriptions.Item>
          )}
        </Descriptions>
        {v.roomsWithoutArea > 0 && (
          <Alert type="warning" showIcon message={t('info.roomsWithoutArea', { n: v.roomsWithoutArea })} />
        )}
      </Card>
      <TurnoutTable v={v} />
      <ResultCard v={v} />
    </Space>
  );
}
