import { api, type RouteOutput } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, currentCsrfToken, errorText } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import './export-i18n.ts';

type Row = RouteOutput<typeof api.registryExports.listExports>['items'][number];
const COLUMNS = api.registryExports.EXPORT_COLUMNS;
const COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red', expired: 'default' };
const x = (key: string, v: Record<string, unknown> = {}) =>
  (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: 'registry', ...v });
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

/** The approved file: fetched with the session, saved under the request's name. */
async function download(r: Row) {
  const res = await fetch(`/api/registry/exports/${r.id}/file`, {
    credentials: 'same-origin',
    headers: { 'x-csrf-token': currentCsrfToken() ?? '' },
  });
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { title?: string }).title ?? res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), {
    href: url,
    download: `居民信息导出-${r.id.slice(0, 8)}.xlsx`,
  });
  a.click();
  URL.revokeObjectURL(url);
}

/** 导出申请: ask for a spreadsheet of the acting area; decide others' requests; download approved ones. */
export function ExportsPage() {
  const { tx } = useRegistryT();
  const { message } = App.useApp();
  const { acting, allowed } = useActing();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const canAsk = allowed('registry.export');
  const canDecide = allowed('registry.export.approve');
  const mine = useQuery({
    queryKey: ['exports-mine'],
    queryFn: () => call(api.registryExports.listExports),
    enabled: canAsk,
  });
  const queue = useQuery({
    queryKey: ['exports-decide'],
    queryFn: () => call(api.registryExports.exportsToDecide),
    enabled: canDecide,
  });
  const refresh = () =>
    qc
      .invalidateQueries({ queryKey: ['exports-mine'] })
      .then(() => qc.invalidateQueries({ queryKey: ['exports-decide'] }));
  const ask = useMutation({
    mutationFn: (v: { columns: (typeof COLUMNS)[number][]; reason: string }) =>
      call(api.registryExports.requestExport, { body: { nodeId: acting.nodeId, ...v } }),
    onSuccess: () => {
      void message.success(x('export.asked'));
      form.resetFields(['reason']);
      void refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const decide = useMutation({
    mutationFn: (v: { r: Row; approve: boolean }) =>
      call(api.registryExports.decideExport, {
        params: { id: v.r.id },
        body: { version: v.r.version, approve: v.approve },
      }),
    onSuccess: () => void refresh(),
    onError: (e) => void message.error(errorText(e)),
  });
  const status = (s: string, r: Row) => (
    <Tag color={COLORS[s]} {...tid(`export-status-${r.id}`)} data-status={s}>
      {x(`export.status.${s}`)}
    </Tag>
  );
  const base = [
    { title: x('export.area'), dataIndex: 'nodeName' },
    {
      title: x('export.columns'),
      key: 'cols',
      render: (_: unknown, r: Row) => r.columns.map((c) => x(`export.col.${c}`)).join('、'),
    },
    { title: x('export.reason'), dataIndex: 'reason' },
    { title: x('export.statusTitle'), dataIndex: 'status', render: status },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} {...tid('registry-exports-page')}>
      {canAsk && (
        <Card size="small" title={`${x('export.title')} · ${acting.nodeName}`}>
          <Alert type="info" showIcon title={x('export.hint')} style={{ marginBottom: 12 }} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ columns: ['name', 'phone', 'address'] }}
            onFinish={(v) => ask.mutate(v)}
          >
            <Form.Item name="columns" label={x('export.columns')} rules={[{ required: true }]}>
              <Checkbox.Group
                options={COLUMNS.map((c) => ({ value: c, label: x(`export.col.${c}`) }))}
                {...tid('export-columns')}
              />
            </Form.Item>
            <Form.Item name="reason" label={x('export.reason')} rules={[{ required: true, min: 4, max: 200 }]}>
              <Input placeholder={x('export.reasonPlaceholder')} maxLength={200} {...tid('export-reason')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={ask.isPending} {...tid('export-ask')}>
              {x('export.ask')}
            </Button>
          </Form>
        </Card>
      )}
      {canAsk && (
        <Card size="small" title={x('export.mine')}>
          <Table<Row>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={mine.isFetching}
            dataSource={mine.data?.items ?? []}
            pagination={false}
            columns={[
              ...base,
              { title: x('export.decidedBy'), key: 'by', render: (_: unknown, r: Row) => r.decidedByName ?? '' },
              { title: x('export.expires'), key: 'exp', render: (_: unknown, r: Row) => when(r.expiresAt) },
              {
                key: 'get',
                render: (_: unknown, r: Row) =>
                  r.status === 'approved' && (
                    <Button
                      size="small"
                      onClick={() => void download(r).then(refresh, (e) => message.error(errorText(e)))}
                      {...tid(`export-download-${r.id}`)}
                    >
                      {x('export.download')}
                    </Button>
                  ),
              },
            ]}
            {...tid('export-mine')}
          />
        </Card>
      )}
      {canDecide && (
        <Card size="small" title={x('export.toDecide')}>
          <Table<Row>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={queue.isFetching}
            dataSource={queue.data?.items ?? []}
            pagination={false}
            columns={[
              { title: x('export.requester'), dataIndex: 'requestedByName' },
              ...base,
              {
                key: 'act',
                render: (_: unknown, r: Row) =>
                  r.status === 'pending' &&
                  r.canDecide && (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => decide.mutate({ r, approve: true })}
                        {...tid(`export-approve-${r.id}`)}
                      >
                        {x('export.approve')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => decide.mutate({ r, approve: false })}
                        {...tid(`export-reject-${r.id}`)}
                      >
                        {x('export.reject')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
            {...tid('export-queue')}
          />
        </Card>
      )}
      {!canAsk && !canDecide && <Alert type="warning" showIcon title={tx('export.none')} />}
    </Space>
  );
}
