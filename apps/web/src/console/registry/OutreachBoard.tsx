import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Task = RouteOutput<typeof api.registryOutreach.listOutreach>['items'][number];
export const OUTCOMES = ['informed', 'applied', 'not_eligible', 'unreachable'] as const;
const COLORS: Record<string, string> = {
  pending: 'default',
  informed: 'blue',
  applied: 'green',
  not_eligible: 'orange',
  unreachable: 'red',
};

/** Outreach tasks in the acting area, pending first, with the outcome recorded in place. */
export function OutreachBoard() {
  const { t, tx } = useRegistryT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('pending');
  const [page, setPage] = useState(1);
  const tasks = useQuery({
    queryKey: ['outreach-tasks', acting.nodeId, status, page],
    queryFn: () =>
      call(api.registryOutreach.listOutreach, {
        query: { nodeId: acting.nodeId, status: status as never, limit: 20, offset: (page - 1) * 20 },
      }),
  });
  const record = async (task: Task, outcome: (typeof OUTCOMES)[number]) => {
    try {
      await call(api.registryOutreach.recordOutcome, {
        params: { policyId: task.policyId, personId: task.personId },
        body: { version: task.version, outcome },
      });
    } catch (e) {
      void message.error(errorText(e));
    }
    await qc.invalidateQueries({ queryKey: ['outreach-tasks'] });
    await qc.invalidateQueries({ queryKey: ['policies'] });
  };
  return (
    <Card
      size="small"
      title={t('board.title')}
      extra={
        <Space>
          <a href="/outreach" target="_blank" rel="noreferrer">
            {t('board.phoneLink')}
          </a>
          <Select
            allowClear
            style={{ width: 120 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={['pending', ...OUTCOMES].map((s) => ({ value: s, label: tx(`outcome.${s}`) }))}
            {...tid('outreach-status')}
          />
        </Space>
      }
      {...tid('outreach-board')}
    >
      {tasks.error && <Alert type="error" showIcon title={errorText(tasks.error)} />}
      <Table<Task>
        rowKey={(x) => `${x.policyId}:${x.personId}`}
        size="small"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: tasks.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('board.policy'), dataIndex: 'policyName' },
          { title: t('col.name'), dataIndex: 'name' },
          { title: t('col.address'), dataIndex: 'address', responsive: ['md'] },
          { title: t('col.phone'), dataIndex: 'phone' },
          { title: t('policy.grid'), dataIndex: 'gridName', responsive: ['lg'] },
          {
            title: t('board.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={COLORS[s]}>{tx(`outcome.${s}`)}</Tag>,
          },
          {
            title: t('board.record'),
            key: 'record',
            render: (_: unknown, task) => (
              <Space size={4} wrap>
                {OUTCOMES.map((o) => (
                  <Button
                    key={o}
                    size="small"
                    type={task.status === o ? 'primary' : 'default'}
                    onClick={() => void record(task, o)}
                    {...tid(`outreach-${o}-${task.policyId}.${task.personId}`)}
                  >
                    {tx(`outcome.${o}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
        {...tid('outreach-tasks')}
      />
    </Card>
  );
}

/** Coverage of one policy by grid and community, in the caller's reach. */
export function CoverageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useRegistryT();
  const cov = useQuery({
    queryKey: ['policy-coverage', id],
    queryFn: () => call(api.registryOutreach.policyCoverage, { params: { id: id! } }),
    enabled: !!id,
  });
  type Row = NonNullable<typeof cov.data>['byGrid'][number];
  const n = (k: keyof Row['coverage']) => ({
    title: t(`outcome.${k === 'notEligible' ? 'not_eligible' : k === 'total' ? 'total' : k}`),
    key: k,
    render: (_: unknown, r: Row) => r.coverage[k],
  });
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width="min(720px, 100vw)"
      title={cov.data ? `${cov.data.policy.name} · ${t('policy.byGrid')}` : t('policy.coverage')}
      {...tid('policy-coverage')}
    >
      {cov.error && <Alert type="error" showIcon title={errorText(cov.error)} />}
      <Table<Row>
        rowKey={(r) => `${r.communityId}:${r.gridId}`}
        size="small"
        pagination={false}
        loading={cov.isFetching}
        dataSource={cov.data?.byGrid ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('policy.community'), dataIndex: 'communityName' },
          { title: t('policy.grid'), dataIndex: 'gridName' },
          n('total'),
          n('pending'),
          n('informed'),
          n('applied'),
          n('notEligible'),
          n('unreachable'),
        ]}
      />
    </Drawer>
  );
}
