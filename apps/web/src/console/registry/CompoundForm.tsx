import { api } from '@linli/contracts';
import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { usePlacesT } from '../../i18n/places.ts';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import type { Compound } from './CompoundCard.tsx';

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Server field errors (`/entrances/1/name`) onto the form's fields (`['entrances', 1, 'name']`). */
export function pointerErrors(e: unknown) {
  if (!isApiError(e)) return [];
  return e.errors.map((fe) => ({
    name: fe.path
      .split('/')
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
    errors: [fe.message],
  }));
}

/** The compound profile editor: one document saved under its version (409 when someone saved first). */
export function CompoundForm({
  compound: c,
  onClose,
  onSaved,
  onStale,
}: {
  compound: Compound;
  onClose: () => void;
  onSaved: () => Promise<void>;
  onStale: () => Promise<unknown>;
}) {
  const { t, tx } = usePlacesT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const management = Form.useWatch('management', form) ?? c.management;
  const kinds = api.registryPlaces.FACILITY_KINDS.map((k) => ({ value: k, label: tx(`compound.facilityKinds.${k}`) }));

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await call(api.registryPlaces.putCompound, {
        params: { nodeId: c.nodeId },
        body: {
          version: c.version,
          management: v.management,
          companyName: v.management === 'company' ? blank(v.companyName) : null,
          contactName: blank(v.contactName),
          contactPhone: blank(v.contactPhone),
          entrances: (v.entrances ?? []).map((e: Compound['entrances'][number]) => ({
            name: e.name,
            hours: blank(e.hours),
            guarded: !!e.guarded,
            vehicles: !!e.vehicles,
          })),
          facilities: (v.facilities ?? []).map((f: Compound['facilities'][number]) => ({
            kind: f.kind,
            count: f.count ?? 0,
            notes: blank(f.notes),
          })),
          providers: (v.providers ?? []).map((p: Compound['providers'][number]) => ({
            name: p.name,
            service: p.service,
            contactName: blank(p.contactName),
            phone: blank(p.phone),
          })),
          notes: blank(v.notes),
        },
      });
      void message.success(t('saved'));
      await onSaved();
    } catch (e) {
      const fields = pointerErrors(e);
      form.setFields(fields);
      if (fields.length === 0) void message.error(errorText(e));
      if (isApiError(e) && e.status === 409) await onStale();
    } finally {
      setSaving(false);
    }
  };

  const row = { display: 'flex', flexWrap: 'wrap' as const, gap: 8, alignItems: 'flex-start' };
  return (
    <Drawer
      open
      width="min(760px, 100vw)"
      title={t('compound.editTitle', { name: c.place })}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} {...tid('compound-save')}>
            {t('save')}
          </Button>
        </Space>
      }
      {...tid('compound-form')}
    >
      <Form form={form} layout="vertical" initialValues={c}>
        <Form.Item name="management" label={t('compound.management')}>
          <Radio.Group
            options={api.registryPlaces.MANAGEMENT_KINDS.map((m) => ({
              value: m,
              label: tx(`compound.managements.${m}`),
            }))}
            {...tid('compound-management')}
          />
        </Form.Item>
        {management === 'company' && (
          <Form.Item name="companyName" label={t('compound.companyName')} rules={[{ required: true, max: 60 }]}>
            <Input maxLength={60} {...tid('compound-company')} />
          </Form.Item>
        )}
        <div style={row}>
          <Form.Item name="contactName" label={t('compound.contactName')} rules={[{ max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('compound.contactPhone')}>
            <Input maxLength={16} />
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t('compound.entrances')}</Typography.Title>
        <Form.List name="entrances">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={row} {...tid(`compound-entrance-${f.name}`)}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, max: 30 }]}>
                    <Input placeholder={t('compound.entranceName')} maxLength={30} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']}>
                    <Input placeholder={t('compound.hours')} maxLength={30} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'guarded']} valuePropName="checked">
                    <Checkbox>{t('compound.guarded')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'vehicles']} valuePropName="checked">
                    <Checkbox>{t('compound.vehicles')}</Checkbox>
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </div>
              ))}
              <Button onClick={() => add({ guarded: false, vehicles: false })} {...tid('compound-add-entrance')}>
                {t('compound.addEntrance')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('compound.facilities')}
        </Typography.Title>
        <Form.List name="facilities">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={row} {...tid(`compound-facility-${f.name}`)}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select options={kinds} style={{ width: 140 }} placeholder={t('compound.facilityKind')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100000} placeholder={t('compound.count')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'notes']}>
                    <Input placeholder={t('compound.notes')} maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </div>
              ))}
              <Button onClick={() => add({ count: 1 })} {...tid('compound-add-facility')}>
                {t('compound.addFacility')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('compound.providers')}
        </Typography.Title>
        <Form.List name="providers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={row} {...tid(`compound-provider-${f.name}`)}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('compound.providerName')} maxLength={60} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'service']} rules={[{ required: true, max: 40 }]}>
                    <Input placeholder={t('compound.service')} maxLength={40} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contactName']}>
                    <Input placeholder={t('compound.contactName')} maxLength={40} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('compound.contactPhone')} maxLength={16} style={{ width: 140 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </div>
              ))}
              <Button onClick={() => add({})} {...tid('compound-add-provider')}>
                {t('compound.addProvider')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('compound.notes')} style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
