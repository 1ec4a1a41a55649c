import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, TreeSelect } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { buildTree, type TreeItem } from './model.ts';

const pickable = (items: TreeItem[]): unknown[] =>
  items.map((n) => ({
    value: n.key,
    title: n.title,
    selectable: n.type === 'room',
    children: n.children ? pickable(n.children) : undefined,
  }));

/** Moves a household to an empty room of the community; the server writes the move into every member's history. */
export function MoveHousehold({
  householdId,
  version,
  onMoved,
}: {
  householdId: string;
  version: number;
  onMoved: (roomId: string) => void;
}) {
  const { t } = useRegistryT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const tree = useQuery({
    queryKey: ['registry-tree', acting.nodeId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: acting.nodeId, maxType: 'room' } }),
    staleTime: 60_000,
    enabled: open,
  });
  const save = async () => {
    const v = await form.validateFields();
    try {
      const res = await call(api.registry.moveHousehold, {
        params: { id: householdId },
        body: { version, roomId: v.roomId, reason: v.reason },
      });
      void message.success(t('room.moved'));
      setOpen(false);
      onMoved(res.roomId);
    } catch (e) {
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} {...tid(`registry-move-${householdId}`)}>
        {t('room.move')}
      </Button>
      <Modal
        open={open}
        title={t('room.move')}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        okButtonProps={tid('registry-move-save')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="roomId" label={t('room.moveTo')} rules={[{ required: true }]}>
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeData={pickable(buildTree(tree.data?.nodes ?? [], acting.nodeId)) as never}
              {...tid('registry-move-room')}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('person.reason')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input {...tid('registry-move-reason')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
