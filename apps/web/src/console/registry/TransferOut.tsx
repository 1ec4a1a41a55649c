import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTransferT } from '../../i18n/transfer.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { TransferRoomPicker, useCommunityRooms } from './TransferRoomPicker.tsx';

/** On a kept record of a household that moved to another community: read-only, since when. */
export function MovedOutNote({ at }: { at: string }) {
  const { t } = useTransferT();
  return (
    <Alert type="warning" showIcon title={t('movedOut', { time: formatTime(at) })} {...tid('registry-moved-out')} />
  );
}

/**
 * Whether the household waits to be accepted by another community: it cannot be moved again meanwhile (the
 * server refuses with transfer_pending), so neither move is offered. One query, shared by every household row.
 */
export function usePendingTransfer(householdId: string): boolean {
  const outgoing = useQuery({
    queryKey: ['registry-transfers', 'outgoing'],
    queryFn: () => call(api.registryTransfer.listTransfers, { query: { direction: 'outgoing' } }),
  });
  return !!outgoing.data?.items.some((x) => x.householdId === householdId && x.status === 'pending');
}

/**
 * 迁出到其他社区: names the receiving community (found by part of its name) and the reason; an editor of both
 * communities may also pick the room there and finish the move at once.
 */
export function TransferOut({
  householdId,
  version,
  onDone,
}: {
  householdId: string;
  version: number;
  onDone: () => void;
}) {
  const { t } = useTransferT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [form] = Form.useForm();
  const pending = usePendingTransfer(householdId);
  const to = Form.useWatch('toCommunityId', form) as string | undefined;
  const found = useQuery({
    queryKey: ['transfer-destinations', q],
    queryFn: () => call(api.registryTransfer.transferDestinations, { query: { q } }),
    enabled: open && q.trim().length > 0,
  });
  // The room there can be picked only by someone who sees that community's rooms.
  const rooms = useCommunityRooms(open ? to : undefined);
  const oneStep = !!to && !!rooms.data;
  const save = async () => {
    const v = await form.validateFields();
    try {
      const x = await call(api.registryTransfer.startTransfer, {
        params: { id: householdId },
        body: { version, toCommunityId: v.toCommunityId, reason: v.reason, roomId: oneStep ? v.roomId : undefined },
      });
      void message.success(x.status === 'accepted' ? t('done') : t('started'));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['registry-transfers'] });
      onDone();
    } catch (e) {
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
    }
  };
  if (pending) return <Tag color="orange">{t('pendingTag')}</Tag>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} {...tid(`registry-transfer-${householdId}`)}>
        {t('out')}
      </Button>
      <Modal
        open={open}
        title={t('outTitle')}
        onOk={() => void save()}
        okText={t('submit')}
        onCancel={() => setOpen(false)}
        okButtonProps={tid('registry-transfer-save')}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('outHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="toCommunityId" label={t('community')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              placeholder={t('communitySearch')}
              notFoundContent={null}
              loading={found.isFetching}
              options={(found.data?.items ?? []).map((c) => ({
                value: c.id,
                label: c.streetName ? `${c.name}(${c.streetName})` : c.name,
              }))}
              {...tid('registry-transfer-community')}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input {...tid('registry-transfer-reason')} />
          </Form.Item>
          {oneStep && (
            <Form.Item name="roomId" label={t('room')} extra={t('roomHint')}>
              <TransferRoomPicker communityId={to} testId="registry-transfer-room" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
