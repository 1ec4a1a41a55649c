import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText, fieldErrors, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { type PersonCard, RELATIONS, RESIDENCES } from './model.ts';

interface Props {
  open: boolean;
  person: PersonCard;
  onClose: () => void;
  onSaved: (p: PersonCard) => void;
}

/** Edit name, phone, relation and residence; the reason goes into the per-field history. */
export function EditPersonModal({ open, person, onClose, onSaved }: Props) {
  const { t, tx } = useRegistryT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const next = await call(api.registry.updatePerson, {
        params: { id: person.id },
        body: { ...v, phone: v.phone || null, version: person.version },
      });
      void message.success(t('person.saved'));
      onSaved(next);
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        void message.warning(t('person.conflict'));
        onSaved(await call(api.registry.getPerson, { params: { id: person.id } }));
        onClose();
        return;
      }
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('person.editTitle')}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={tid('registry-edit-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: person.name,
          phone: person.phone ?? '',
          relation: person.relation,
          residenceStatus: person.residenceStatus,
        }}
      >
        <Form.Item name="name" label={t('col.name')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('col.phone')} rules={[{ pattern: /^1\d{10}$/ }]}>
          <Input maxLength={11} inputMode="numeric" {...tid('registry-edit-phone')} />
        </Form.Item>
        <Form.Item name="relation" label={t('col.relation')}>
          <Select options={[...RELATIONS, 'member'].map((x) => ({ value: x, label: tx(`relation.${x}`) }))} />
        </Form.Item>
        <Form.Item name="residenceStatus" label={t('col.residence')}>
          <Select
            options={RESIDENCES.map((x) => ({ value: x, label: tx(`residence.${x}`) }))}
            {...tid('registry-edit-residence')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('person.reason')}
          extra={t('person.reasonHint')}
          rules={[{ required: true, min: 2, max: 200 }]}
        >
          <Input {...tid('registry-edit-reason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Set a tag with its level, validity period and evidence (the server refuses tags the role may not set). */
export function TagModal({ open, person, onClose, onSaved }: Props) {
  const { t, lang } = useRegistryT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const tags = useQuery({
    queryKey: ['registry-tags'],
    queryFn: () => call(api.registry.listTags),
    staleTime: 300_000,
  });
  const settable = (tags.data?.items ?? []).filter((g) => g.active && !g.derived && g.setterRoles.length > 0);
  const code = Form.useWatch('code', form) as string | undefined;
  const levels = settable.find((g) => g.code === code)?.levels ?? [];
  const save = async () => {
    const v = await form.validateFields();
    try {
      const next = await call(api.registry.setPersonTag, {
        params: { id: person.id, code: v.code },
        body: {
          level: levels.length ? v.level : null,
          validFrom: v.validFrom.format('YYYY-MM-DD'),
          validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
          evidence: v.evidence,
        },
      });
      onSaved(next);
      form.resetFields();
      onClose();
    } catch (e) {
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
      if (Object.keys(fields).length === 0) void message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('tag.add')}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={tid('registry-tag-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('tag.tag')} rules={[{ required: true }]}>
          <Select
            options={settable.map((g) => ({ value: g.code, label: lang === 'en' ? g.nameEn : g.name }))}
            {...tid('registry-tag-code')}
          />
        </Form.Item>
        {levels.length > 0 && (
          <Form.Item name="level" label={t('tag.level')} rules={[{ required: true }]}>
            <Select options={levels.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        )}
        <Form.Item name="validFrom" label={t('tag.validFrom')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} {...tid('registry-tag-from')} />
        </Form.Item>
        <Form.Item name="validTo" label={t('tag.validTo')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="evidence" label={t('tag.evidence')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input {...tid('registry-tag-evidence')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
