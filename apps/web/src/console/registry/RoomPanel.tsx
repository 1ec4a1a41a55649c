import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { MoveHousehold } from './MoveHousehold.tsx';
import { OWNERSHIPS, type PersonRow, RELATIONS, RESIDENCES, USES } from './model.ts';
import { TransferOut, usePendingTransfer } from './TransferOut.tsx';

/** A room: housing facts (editable), its households and their members, and registering someone there. */
export function RoomPanel({
  roomId,
  onPerson,
  onMoved,
}: {
  roomId: string;
  onPerson: (id: string) => void;
  onMoved: (roomId: string) => void;
}) {
  const { t, tx } = useRegistryT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const room = useQuery({
    queryKey: ['registry-room', roomId],
    queryFn: () => call(api.registry.getRoom, { params: { id: roomId } }),
  });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [housingForm] = Form.useForm();
  const [personForm] = Form.useForm();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['registry-room', roomId] }),
      qc.invalidateQueries({ queryKey: ['registry-people'] }),
    ]);
  const r = room.data;
  const h = r?.housing;

  const saveHousing = async () => {
    const v = await housingForm.validateFields();
    try {
      await call(api.registry.putHousing, {
        params: { id: roomId },
        body: { ...v, floorArea: v.floorArea ?? null, version: h!.version },
      });
      setEditing(false);
      await refresh();
    } catch (e) {
      void message.error(errorText(e));
      await refresh();
    }
  };
  const addPerson = async () => {
    const v = await personForm.validateFields();
    const householdId = v.householdId === 'new' ? undefined : v.householdId;
    try {
      const p = await call(api.registry.createPerson, {
        body: { ...v, householdId, roomId, phone: v.phone || null, relation: householdId ? v.relation : 'head' },
      });
      setAdding(false);
      personForm.resetFields();
      await refresh();
      onPerson(p.id);
    } catch (e) {
      const fields = fieldErrors(e);
      personForm.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      title={r ? `${r.address}` : ''}
      loading={room.isLoading}
      extra={
        r?.abilities.edit && (
          <Space>
            <Button
              size="small"
              onClick={() => {
                housingForm.setFieldsValue(h);
                setEditing(true);
              }}
              {...tid('registry-housing-edit')}
            >
              {t('housing.edit')}
            </Button>
            <Button size="small" type="primary" onClick={() => setAdding(true)} {...tid('registry-add-person')}>
              {t('room.addPerson')}
            </Button>
          </Space>
        )
      }
      {...tid('registry-room')}
    >
      {room.error && <Alert type="error" showIcon title={errorText(room.error)} />}
      {h && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} {...tid('registry-housing')}>
          <Descriptions.Item label={t('housing.floorArea')}>
            {h.floorArea ?? t('housing.notRecorded')}
          </Descriptions.Item>
          <Descriptions.Item label={t('housing.use')}>{tx(`housing.uses.${h.use}`)}</Descriptions.Item>
          <Descriptions.Item label={t('housing.ownership')}>
            {tx(`housing.ownerships.${h.ownership}`)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {r && r.households.length === 0 && <Alert type="info" title={t('room.empty')} />}
      {r?.households.map((hh, i) => (
        <Table<PersonRow>
          key={hh.id}
          title={() => (
            <Space>
              {t('room.household', { n: i + 1 })}
              {r.abilities.edit && (
                <MoveUnlessLeaving
                  householdId={hh.id}
                  version={hh.version}
                  onMoved={(to) => {
                    void refresh();
                    onMoved(to);
                  }}
                />
              )}
              {r.abilities.edit && (
                <TransferOut householdId={hh.id} version={hh.version} onDone={() => void refresh()} />
              )}
            </Space>
          )}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={hh.members}
          onRow={(p) => ({ onClick: () => onPerson(p.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('col.name'), dataIndex: 'name' },
            { title: t('col.relation'), dataIndex: 'relation', render: (v: string) => tx(`relation.${v}`) },
            { title: t('col.age'), dataIndex: 'age' },
            { title: t('col.phone'), dataIndex: 'phone' },
          ]}
          {...tid(`registry-household-${i}`)}
        />
      ))}
      <Modal
        open={editing}
        title={t('housing.edit')}
        onOk={() => void saveHousing()}
        onCancel={() => setEditing(false)}
        okButtonProps={tid('registry-housing-save')}
        destroyOnHidden
      >
        <Form form={housingForm} layout="vertical">
          <Form.Item name="floorArea" label={t('housing.floorArea')}>
            <InputNumber min={1} max={99999} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="use" label={t('housing.use')} rules={[{ required: true }]}>
            <Select options={USES.map((u) => ({ value: u, label: tx(`housing.uses.${u}`) }))} />
          </Form.Item>
          <Form.Item name="ownership" label={t('housing.ownership')} rules={[{ required: true }]}>
            <Select
              options={OWNERSHIPS.map((o) => ({ value: o, label: tx(`housing.ownerships.${o}`) }))}
              {...tid('registry-ownership')}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title={t('room.addPerson')}
        onOk={() => void addPerson()}
        onCancel={() => setAdding(false)}
        okButtonProps={tid('registry-person-save')}
        destroyOnHidden
      >
        <Form
          form={personForm}
          layout="vertical"
          initialValues={{
            householdId: r?.households[0]?.id ?? 'new',
            relation: 'spouse',
            residenceStatus: 'permanent',
          }}
        >
          <Form.Item name="householdId" label={t('room.households')}>
            <Select
              options={[
                ...(r?.households ?? []).map((hh, i) => ({ value: hh.id, label: t('room.household', { n: i + 1 }) })),
                { value: 'new', label: t('room.newHousehold') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('col.name')} rules={[{ required: true, max: 40 }]}>
            <Input {...tid('registry-new-name')} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('col.id')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} {...tid('registry-new-id')} />
          </Form.Item>
          <Form.Item name="phone" label={t('col.phone')} rules={[{ pattern: /^1\d{10}$/ }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              personForm.getFieldValue('householdId') !== 'new' && (
                <Form.Item name="relation" label={t('col.relation')}>
                  <Select options={RELATIONS.map((x) => ({ value: x, label: tx(`relation.${x}`) }))} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="residenceStatus" label={t('col.residence')}>
            <Select options={RESIDENCES.map((x) => ({ value: x, label: tx(`residence.${x}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** Moving within the community is offered only while no transfer to another community is pending. */
function MoveUnlessLeaving(props: Parameters<typeof MoveHousehold>[0]) {
  return usePendingTransfer(props.householdId) ? null : <MoveHousehold {...props} />;
}
