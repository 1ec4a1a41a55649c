import { api, PHONE_PATTERN, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import { useSsoLinksT } from './sso-i18n.ts';

type Link = RouteOutput<typeof api.sso.listSsoLinks>['items'][number];
interface Values {
  phone: string;
  subject: string;
}

/**
 * Which external (single sign-on) accounts sign in as which staff member; shown only when single sign-on
 * is configured. A link is made by the first sign-in (verified phone number) or here, by phone number.
 */
export function SsoLinksCard() {
  const t = useSsoLinksT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const info = useQuery({ queryKey: ['sso-info'], queryFn: () => call(api.sso.ssoInfo), staleTime: 300_000 });
  const links = useQuery({
    queryKey: ['sso-links'],
    queryFn: () => call(api.sso.listSsoLinks),
    enabled: !!info.data?.enabled,
  });
  if (!info.data?.enabled) return null;

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      // The account by its phone number among the staff the admin reaches.
      const people = await call(api.people.listPeople, { query: { q: v.phone, limit: 5 } });
      const person = people.items.find((p) => p.phone === v.phone);
      if (!person) {
        form.setFields([{ name: 'phone', errors: [t('notStaff')] }]);
        return;
      }
      await call(api.sso.createSsoLink, { body: { userId: person.userId, subject: v.subject.trim() } });
      setOpen(false);
      form.resetFields();
      message.success(t('linked'));
      await qc.invalidateQueries({ queryKey: ['sso-links'] });
    } catch (e) {
      if (!applyFieldErrors(form, e, { '/subject': 'subject', '/userId': 'phone' })) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (subject: string) => {
    try {
      await call(api.sso.deleteSsoLink, { body: { subject } });
      message.success(t('removed'));
      await qc.invalidateQueries({ queryKey: ['sso-links'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      title={t('title')}
      extra={
        <Button type="primary" size="small" onClick={() => setOpen(true)} {...tid('sso-link-new')}>
          {t('add')}
        </Button>
      }
      {...tid('sso-links')}
    >
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Table<Link>
        rowKey="subject"
        size="small"
        loading={links.isPending}
        dataSource={links.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => tid(`sso-link-row-${r.subject}`)}
        columns={[
          { title: t('user'), dataIndex: 'userName' },
          {
            title: t('subject'),
            dataIndex: 'subject',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t('via'),
            dataIndex: 'linkedVia',
            render: (v: Link['linkedVia']) => <Tag>{v === 'admin' ? t('viaAdmin') : t('viaPhone')}</Tag>,
          },
          { title: t('linkedAt'), dataIndex: 'linkedAt', render: (v: string) => formatTime(v) },
          {
            title: t('lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => (v ? formatTime(v) : t('never')),
          },
          {
            title: '',
            key: 'remove',
            render: (_v, r) => (
              <Popconfirm title={t('removeConfirm')} onConfirm={() => remove(r.subject)}>
                <Button size="small" danger {...tid(`sso-link-remove-${r.subject}`)}>
                  {t('remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('add')}
        onCancel={() => setOpen(false)}
        onOk={add}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={tid('sso-link-create')}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="phone"
            label={t('phone')}
            rules={[
              { required: true, message: t('required', { field: t('phone') }) },
              { pattern: new RegExp(PHONE_PATTERN), message: t('notStaff') },
            ]}
          >
            <Input maxLength={11} {...tid('sso-link-phone')} />
          </Form.Item>
          <Form.Item
            name="subject"
            label={t('subject')}
            rules={[{ required: true, whitespace: true, message: t('required', { field: t('subject') }) }]}
          >
            <Input maxLength={255} {...tid('sso-link-subject')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
