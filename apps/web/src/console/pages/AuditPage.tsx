import { api, type RouteOutput } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Entry = RouteOutput<typeof api.audit.searchAudit>['items'][number];
type Moment = { toISOString(): string } | null;
interface Filters {
  actor?: string;
  action?: string;
  resourceType?: string;
  range?: [Moment, Moment] | null;
}
const PAGE_SIZE = 50;
const clean = (s?: string) => s?.trim() || undefined;

/** 审计日志: search who did what, where and when (newest first). */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { acting, allowed } = useActing();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query = {
    actor: clean(filters.actor),
    action: clean(filters.action),
    resourceType: clean(filters.resourceType),
    from: filters.range?.[0]?.toISOString(),
    to: filters.range?.[1]?.toISOString(),
    nodeId: allowed('audit.read') ? acting.nodeId : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => call(api.audit.searchAudit, { query }),
    placeholderData: keepPreviousData,
  });
  const search = (v: Filters) => {
    setFilters(v);
    setPage(1);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('audit-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.audit')}
      </Typography.Title>
      <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }} {...tid('audit-form')}>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 160 }} {...tid('audit-actor')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder="join.approve" style={{ width: 170 }} {...tid('audit-action')} />
        </Form.Item>
        <Form.Item name="resourceType" label={t('audit.resourceType')}>
          <Input allowClear style={{ width: 150 }} {...tid('audit-resource-type')} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker showTime {...tid('audit-range')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" {...tid('audit-search')}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
              {...tid('audit-reset')}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(e) => ({ ...tid('audit-row'), 'data-action': e.action }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (e) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(e.detail, null, 2)}
            </pre>
          ),
          rowExpandable: (e) => e.detail !== null && e.detail !== undefined,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
          {
            title: t('audit.actor'),
            key: 'actor',
            width: 170,
            render: (_: unknown, e) => (
              <>
                {e.actorName ?? '—'}
                {e.actorRole && <Typography.Text type="secondary"> · {labels.role(e.actorRole)}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 180,
            render: (v: string) => <code {...tid('audit-row-action')}>{v}</code>,
          },
          { title: t('audit.resourceType'), dataIndex: 'resourceType', width: 130 },
          { title: t('audit.resourceId'), dataIndex: 'resourceId', ellipsis: true },
          { title: t('audit.node'), dataIndex: 'nodeName', width: 130 },
          { title: t('audit.ip'), dataIndex: 'ip', width: 130 },
        ]}
        {...tid('audit-table')}
      />
    </Space>
  );
}
