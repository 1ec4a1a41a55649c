import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import { DeliveriesDrawer } from './DeliveriesDrawer.tsx';
import { useDevT } from './i18n.ts';
import { NodeField, SecretModal } from './shared.tsx';

type Subscription = RouteOutput<typeof api.webhooks.listWebhooks>['items'][number];
interface Values {
  name: string;
  url: string;
  nodeId: string;
  events: Subscription['events'];
}

/** Webhook subscriptions: create (the signing secret is shown once), switch on/off, open the delivery log. */
export function WebhooksCard() {
  const t = useDevT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Subscription | null>(null);
  const query = useQuery({ queryKey: ['webhooks'], queryFn: () => call(api.webhooks.listWebhooks) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['webhooks'] });

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await call(api.webhooks.createWebhook, { body: v });
      setOpen(false);
      form.resetFields();
      setSecret(res.secret);
      await refresh();
    } catch (e) {
      if (!applyFieldErrors(form, e, { '/url': 'url', '/nodeId': 'nodeId' })) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (s: Subscription) => {
    try {
      await call(api.webhooks.setWebhookActive, {
        params: { id: s.id },
        body: { version: s.version, active: !s.active },
      });
      await refresh();
    } catch (e) {
      message.error(errorText(e));
      await refresh();
    }
  };

  return (
    <Card
      size="small"
      title={t('webhooks')}
      extra={
        <Button type="primary" size="small" onClick={() => setOpen(true)} {...tid('webhook-new')}>
          {t('newWebhook')}
        </Button>
      }
      {...tid('webhooks-card')}
    >
      <Typography.Paragraph type="secondary">{t('signingHint')}</Typography.Paragraph>
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      <Table<Subscription>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => tid(`webhook-row-${r.name}`)}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('url'),
            dataIndex: 'url',
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          { title: t('node'), dataIndex: 'nodeName' },
          {
            title: t('events'),
            render: (_v, r) => r.events.map((e) => <Tag key={e}>{t(`event.${e}`)}</Tag>),
          },
          {
            title: t('status'),
            render: (_v, r) => (
              <Tag color={r.active ? 'green' : 'red'} {...tid(`webhook-status-${r.name}`)}>
                {r.active ? t('active') : r.disabledReason === 'failures' ? t('disabledFailures') : t('disabledAdmin')}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_v, r) => (
              <Space>
                <Button size="small" onClick={() => setLog(r)} {...tid(`webhook-log-${r.name}`)}>
                  {t('deliveries')}
                </Button>
                <Button size="small" onClick={() => void toggle(r)} {...tid(`webhook-toggle-${r.name}`)}>
                  {r.active ? t('disable') : t('enable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('newWebhook')}
        onCancel={() => setOpen(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okButtonProps={tid('webhook-create')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ events: ['case.created'] }}>
          <Form.Item
            name="name"
            label={t('name')}
            rules={[{ required: true, message: t('required', { field: t('name') }) }]}
          >
            <Input maxLength={80} {...tid('webhook-name')} />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('url')}
            rules={[
              {
                required: true,
                pattern: /^https?:\/\/\S+$/,
                message: t('required', { field: t('url') }),
              },
            ]}
          >
            <Input placeholder="https://" maxLength={500} {...tid('webhook-url')} />
          </Form.Item>
          <NodeField prefix="webhook" />
          <Form.Item name="events" label={t('events')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={api.webhooks.WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`event.${e}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal secret={secret} onClose={() => setSecret(null)} prefix="webhook" />
      <DeliveriesDrawer id={log?.id ?? null} name={log?.name ?? ''} onClose={() => setLog(null)} />
    </Card>
  );
}
