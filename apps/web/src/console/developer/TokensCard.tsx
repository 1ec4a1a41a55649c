import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import { useDevT } from './i18n.ts';
import { NodeField, SecretModal } from './shared.tsx';

type Token = RouteOutput<typeof api.apiTokens.listApiTokens>['items'][number];
interface Values {
  name: string;
  nodeId: string;
  scopes: Token['scopes'];
  ratePerMinute: number;
  expiresAt?: Dayjs | null;
}

/** API keys: create (the secret is shown once), see when each was last used, revoke. */
export function TokensCard() {
  const t = useDevT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['api-tokens'], queryFn: () => call(api.apiTokens.listApiTokens) });

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await call(api.apiTokens.createApiToken, {
        body: {
          name: v.name,
          nodeId: v.nodeId,
          scopes: v.scopes,
          ratePerMinute: v.ratePerMinute,
          expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null,
        },
      });
      setOpen(false);
      form.resetFields();
      setSecret(res.secret);
      await qc.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (e) {
      if (!applyFieldErrors(form, e, { '/nodeId': 'nodeId', '/expiresAt': 'expiresAt' })) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await call(api.apiTokens.revokeApiToken, { params: { id } });
      message.success(t('revoked'));
      await qc.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      title={t('tokens')}
      extra={
        <Button type="primary" size="small" onClick={() => setOpen(true)} {...tid('token-new')}>
          {t('newToken')}
        </Button>
      }
      {...tid('tokens-card')}
    >
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      <Table<Token>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => tid(`token-row-${r.name}`)}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('node'), dataIndex: 'nodeName' },
          {
            title: t('scopes'),
            render: (_v, r) => r.scopes.map((s) => <Tag key={s}>{t(`scope.${s}`)}</Tag>),
          },
          { title: t('rate'), dataIndex: 'ratePerMinute' },
          {
            title: t('expires'),
            render: (_v, r) => (r.expiresAt ? formatTime(r.expiresAt) : t('never')),
          },
          {
            title: t('lastUsed'),
            render: (_v, r) => (r.lastUsedAt ? formatTime(r.lastUsedAt) : t('neverUsed')),
          },
          {
            title: t('status'),
            render: (_v, r) => (
              <Tag color={r.active ? 'green' : 'default'} {...tid(`token-status-${r.name}`)}>
                {r.active ? t('active') : t('inactive')}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_v, r) =>
              !r.revokedAt && (
                <Popconfirm title={t('revokeConfirm')} onConfirm={() => revoke(r.id)}>
                  <Button size="small" danger {...tid(`token-revoke-${r.name}`)}>
                    {t('revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('newToken')}
        onCancel={() => setOpen(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okButtonProps={tid('token-create')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scopes: ['cases.read', 'cases.write'], ratePerMinute: 120 }}
        >
          <Form.Item
            name="name"
            label={t('name')}
            rules={[{ required: true, message: t('required', { field: t('name') }) }]}
          >
            <Input maxLength={80} {...tid('token-name')} />
          </Form.Item>
          <NodeField prefix="token" />
          <Form.Item name="scopes" label={t('scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={api.apiTokens.API_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="ratePerMinute" label={t('rate')}>
            <InputNumber min={1} max={6000} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('expires')}>
            <DatePicker showTime placeholder={t('never')} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal secret={secret} onClose={() => setSecret(null)} prefix="token" />
    </Card>
  );
}
