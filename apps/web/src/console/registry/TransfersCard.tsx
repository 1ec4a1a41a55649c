import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { useTransferT } from '../../i18n/transfer.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { TransferRoomPicker } from './TransferRoomPicker.tsx';

type Transfer = RouteOutput<typeof api.registryTransfer.listTransfers>['items'][number];
const COLOR: Record<string, string> = { pending: 'orange', accepted: 'green', refused: 'red', cancelled: 'default' };

/**
 * 迁入待接收 and the community's moves out: the receiving committee accepts a household into an empty room or
 * refuses it with a reason; the old committee may withdraw a pending one. Members open their card and history
 * where the caller may read them (the new rows once moved in; the kept rows on the old side).
 */
export function TransfersCard({ onPerson }: { onPerson: (id: string) => void }) {
  const { t, tx } = useTransferT();
  const r = useRegistryT();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [accepting, setAccepting] = useState<Transfer | null>(null);
  const [refusing, setRefusing] = useState<Transfer | null>(null);
  const [form] = Form.useForm();
  const incoming = useQuery({
    queryKey: ['registry-transfers', 'incoming'],
    queryFn: () => call(api.registryTransfer.listTransfers, { query: { direction: 'incoming' } }),
  });
  const outgoing = useQuery({
    queryKey: ['registry-transfers', 'outgoing'],
    queryFn: () => call(api.registryTransfer.listTransfers, { query: { direction: 'outgoing' } }),
  });
  const refresh = () =>
    Promise.all(
      ['registry-transfers', 'registry-people', 'registry-room', 'registry-person'].map((k) =>
        qc.invalidateQueries({ queryKey: [k] }),
      ),
    );
  const act = async (fn: () => Promise<Transfer>, ok: (x: Transfer) => string) => {
    try {
      const x = await fn();
      void message.success(ok(x));
      setAccepting(null);
      setRefusing(null);
      form.resetFields();
      await refresh();
    } catch (e) {
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
      await qc.invalidateQueries({ queryKey: ['registry-transfers'] });
    }
  };
  const accept = async () => {
    const v = await form.validateFields();
    const x = accepting!;
    await act(
      () =>
        call(api.registryTransfer.acceptTransfer, {
          params: { id: x.id },
          body: { version: x.version, roomId: v.roomId },
        }),
      (done) => t('accepted', { address: done.toAddress }),
    );
  };
  const refuse = async () => {
    const v = await form.validateFields();
    const x = refusing!;
    await act(
      () =>
        call(api.registryTransfer.refuseTransfer, {
          params: { id: x.id },
          body: { version: x.version, reason: v.reason },
        }),
      () => t('refused'),
    );
  };
  const cancel = (x: Transfer) =>
    modal.confirm({
      title: t('cancelConfirm'),
      okButtonProps: tid('registry-transfer-cancel-confirm'),
      onOk: () =>
        act(
          () => call(api.registryTransfer.cancelTransfer, { params: { id: x.id }, body: { version: x.version } }),
          () => t('cancelled'),
        ),
    });

  const table = (items: Transfer[], side: 'incoming' | 'outgoing') => (
    <Table<Transfer>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...items].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'))}
      locale={{ emptyText: t('none') }}
      columns={[
        {
          title: side === 'incoming' ? t('from') : t('to'),
          render: (_: unknown, x) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{side === 'incoming' ? x.fromCommunityName : x.toCommunityName}</Typography.Text>
              <Typography.Text type="secondary">{x.fromAddress}</Typography.Text>
              {x.toAddress && (
                <Typography.Text type="secondary">
                  {t('newAddress')}:{x.toAddress}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('members'),
          render: (_: unknown, x) => {
            // Readable: the new rows once moved in (receiving side), the kept rows on the old side.
            const readable = side === 'outgoing' || x.status === 'accepted';
            return (
              <Space size={[4, 4]} wrap>
                {x.members.map((m) =>
                  readable ? (
                    <Typography.Link
                      key={m.id}
                      onClick={() => onPerson(m.id)}
                      {...tid(`registry-transfer-member-${m.name}`)}
                    >
                      {m.name}({r.tx(`relation.${m.relation}`)})
                    </Typography.Link>
                  ) : (
                    <span key={m.id}>
                      {m.name}({r.tx(`relation.${m.relation}`)} {m.birthDate.slice(0, 4)})
                    </span>
                  ),
                )}
              </Space>
            );
          },
        },
        {
          title: t('reason'),
          render: (_: unknown, x) => (
            <Space direction="vertical" size={0}>
              <span>{x.reason}</span>
              <Typography.Text type="secondary">
                {t('requested', { name: x.requestedByName, time: formatTime(x.requestedAt) })}
              </Typography.Text>
              {x.note && (
                <Typography.Text type="danger">
                  {t('note')}:{x.note}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: '',
          render: (_: unknown, x) => (
            <Space>
              <Tag color={COLOR[x.status]}>{tx(`status.${x.status}`)}</Tag>
              {x.canDecide && (
                <>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setAccepting(x)}
                    {...tid(`registry-transfer-accept-${x.id}`)}
                  >
                    {t('accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setRefusing(x)}
                    {...tid(`registry-transfer-refuse-${x.id}`)}
                  >
                    {t('refuse')}
                  </Button>
                </>
              )}
              {side === 'outgoing' && x.canCancel && (
                <Button size="small" onClick={() => cancel(x)} {...tid(`registry-transfer-cancel-${x.id}`)}>
                  {t('cancel')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
      {...tid(`registry-transfers-${side}`)}
    />
  );

  const inItems = incoming.data?.items ?? [];
  const outItems = outgoing.data?.items ?? [];
  if (inItems.length === 0 && outItems.length === 0) return null;
  const waiting = inItems.filter((x) => x.status === 'pending').length;
  return (
    <Card
      size="small"
      title={t('title')}
      extra={<Typography.Text type="secondary">{t('historyHint')}</Typography.Text>}
      {...tid('registry-transfers')}
    >
      <Tabs
        size="small"
        defaultActiveKey={inItems.length > 0 ? 'incoming' : 'outgoing'}
        items={[
          {
            key: 'incoming',
            label: `${t('incoming')}${waiting ? ` (${waiting})` : ''}`,
            children: table(inItems, 'incoming'),
          },
          { key: 'outgoing', label: t('outgoing'), children: table(outItems, 'outgoing') },
        ]}
      />
      <Modal
        open={!!accepting}
        title={t('acceptTitle')}
        onOk={() => void accept()}
        onCancel={() => setAccepting(null)}
        okButtonProps={tid('registry-transfer-accept-save')}
        destroyOnHidden
      >
        {accepting && (
          <Form form={form} layout="vertical">
            <Form.Item name="roomId" label={t('pickRoom')} rules={[{ required: true }]}>
              <TransferRoomPicker communityId={accepting.toCommunityId} testId="registry-transfer-accept-room" />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Modal
        open={!!refusing}
        title={t('refuseTitle')}
        onOk={() => void refuse()}
        onCancel={() => setRefusing(null)}
        okButtonProps={{ danger: true, ...tid('registry-transfer-refuse-save') }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('refuseReason')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input {...tid('registry-transfer-refuse-reason')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
