import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Progress, Row, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { CampaignsCard } from './CampaignsCard.tsx';
import { exportLabel } from './export-i18n.ts';
import { CoverageDrawer, OutreachBoard } from './OutreachBoard.tsx';
import { RuleBuilder } from './RuleBuilder.tsx';
import { StatsCard } from './StatsCard.tsx';

type Condition = api.registryOutreach.RuleCondition;
type Policy = Awaited<ReturnType<typeof listPolicies>>['items'][number];
const listPolicies = (nodeId: string) => call(api.registryOutreach.listPolicies, { query: { nodeId, limit: 50 } });

/** The value after it stopped changing for `ms` (the live count follows typing without a request per key). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** 政策找人: rule builder with a live count in the acting area, saved policies with coverage, outreach board. */
export function OutreachPage() {
  const { t } = useRegistryT();
  const { message } = App.useApp();
  const nav = useNavigate();
  const { acting, allowed } = useActing();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [rule, setRule] = useState<Condition[]>([{ age: { min: 80 } }]);
  const [coverageOf, setCoverageOf] = useState<string | null>(null);
  const tags = useQuery({
    queryKey: ['registry-tags'],
    queryFn: () => call(api.registry.listTags),
    staleTime: 300_000,
  });
  const debounced = useDebounced(rule, 400);
  const count = useQuery({
    queryKey: ['policy-preview', acting.nodeId, debounced],
    queryFn: () =>
      call(api.registryOutreach.previewPolicy, { body: { nodeId: acting.nodeId, rule: { all: debounced } } }),
  });
  const policies = useQuery({ queryKey: ['policies', acting.nodeId], queryFn: () => listPolicies(acting.nodeId) });

  const save = async () => {
    const v = await form.validateFields();
    try {
      const p = await call(api.registryOutreach.createPolicy, {
        body: { ...v, nodeId: acting.nodeId, rule: { all: rule } },
      });
      void message.success(t('policy.saved', { count: p.coverage.total }));
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['policies'] });
      await qc.invalidateQueries({ queryKey: ['outreach-tasks'] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const done = (p: Policy) => p.coverage.total - p.coverage.pending;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} {...tid('outreach-page')}>
      {allowed('registry.export.approve') && !allowed('registry.export') && (
        <Button onClick={() => nav('/registry/exports')} {...tid('outreach-go-exports')}>
          {exportLabel()}
        </Button>
      )}
      <StatsCard />
      <Row gutter={[16, 16]}>
        {allowed('policy.manage') && (
          <Col xs={24} xl={12}>
            <Card size="small" title={`${t('policy.title')} · ${acting.nodeName}`}>
              <Form form={form} layout="vertical">
                <Form.Item name="name" label={t('policy.name')} rules={[{ required: true, max: 60 }]}>
                  <Input {...tid('policy-name')} />
                </Form.Item>
                <Form.Item name="description" label={t('policy.description')}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Form.Item label={t('policy.builder')}>
                  <RuleBuilder value={rule} onChange={setRule} tags={tags.data?.items ?? []} />
                </Form.Item>
              </Form>
              {count.error && <Alert type="error" showIcon title={errorText(count.error)} />}
              <Space align="center" wrap>
                <Statistic
                  value={count.data ? (count.data.count ?? '<5') : 0}
                  loading={count.isFetching}
                  title={t('policy.matching')}
                  {...tid('policy-count')}
                />
                <Button
                  type="primary"
                  onClick={() => void save()}
                  disabled={count.data?.count === 0 || !count.data}
                  {...tid('policy-save')}
                >
                  {t('policy.save')}
                </Button>
              </Space>
              <div style={{ marginTop: 8, color: '#888' }}>
                {(count.data?.byCommunity ?? []).map((c) => `${c.name} ${c.count ?? '<5'}`).join(' · ')}
              </div>
            </Card>
          </Col>
        )}
        <Col xs={24} xl={allowed('policy.manage') ? 12 : 24}>
          <Card size="small" title={t('policy.list')}>
            {policies.error && <Alert type="error" showIcon title={errorText(policies.error)} />}
            <Table<Policy>
              rowKey="id"
              size="small"
              loading={policies.isFetching}
              dataSource={policies.data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(p) => ({
                onClick: () => setCoverageOf(p.id),
                style: { cursor: 'pointer' },
                ...tid(`policy-row-${p.id}`),
              })}
              columns={[
                { title: t('policy.name'), dataIndex: 'name' },
                { title: t('policy.node'), dataIndex: 'nodeName', responsive: ['md'] },
                {
                  title: t('policy.coverage'),
                  key: 'coverage',
                  render: (_: unknown, p) => (
                    <Progress
                      percent={p.coverage.total ? Math.round((done(p) / p.coverage.total) * 100) : 0}
                      size="small"
                      format={() => `${done(p)}/${p.coverage.total}`}
                    />
                  ),
                },
                {
                  title: t('policy.createdBy'),
                  key: 'by',
                  responsive: ['lg'],
                  render: (_: unknown, p) => `${p.createdByName ?? ''} ${formatTime(p.createdAt)}`,
                },
              ]}
              {...tid('policy-list')}
            />
          </Card>
        </Col>
      </Row>
      {allowed('outreach.work') && <OutreachBoard />}
      <CampaignsCard />
      <CoverageDrawer id={coverageOf} onClose={() => setCoverageOf(null)} />
    </Space>
  );
}
