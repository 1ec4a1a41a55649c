import { api, PHONE_PATTERN, type Role } from '@linli/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { passwordRule } from '../../shared/password.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import { ActionModal } from './ActionModal.tsx';
import { GrantFields } from './GrantFields.tsx';

interface StaffValues {
  name: string;
  phone: string;
  initialPassword: string;
  role?: Role;
  nodeId?: string;
}

/** New staff account with an initial role; the person must change the password at first sign-in. */
export function CreateStaffModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StaffValues>();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <ActionModal
      open={open}
      title={t('people.create')}
      testId="people-create"
      onClose={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await call(api.people.createStaff, {
            body: {
              name: v.name.trim(),
              phone: v.phone.trim(),
              initialPassword: v.initialPassword,
              role: v.role as Role,
              nodeId: v.nodeId ?? '',
            },
          });
          onDone();
        } catch (e) {
          applyFieldErrors(form, e);
          throw e;
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[required(t('fields.name')), { min: 2, max: 30, message: t('validation.name') }]}
        >
          <Input maxLength={30} {...tid('people-create-name')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('fields.phone')}
          rules={[required(t('fields.phone')), { pattern: new RegExp(PHONE_PATTERN), message: t('validation.phone') }]}
        >
          <Input maxLength={11} {...tid('people-create-phone')} />
        </Form.Item>
        <Form.Item
          name="initialPassword"
          label={t('people.initialPassword')}
          extra={t('validation.passwordHint')}
          rules={[required(t('people.initialPassword')), passwordRule]}
        >
          <Input.Password autoComplete="new-password" {...tid('people-create-password')} />
        </Form.Item>
        <GrantFields form={form} prefix="people-create" />
      </Form>
    </ActionModal>
  );
}

interface GrantValues {
  role?: Role;
  nodeId?: string;
}

/** Give someone another role at a node. */
export function AddGrantModal(props: {
  person: { userId: string; name: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { person, onClose, onDone } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<GrantValues>();
  return (
    <ActionModal
      open={!!person}
      title={`${t('people.addGrant')} · ${person?.name ?? ''}`}
      testId="people-grant"
      onClose={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await call(api.people.addGrant, {
            body: { userId: person?.userId ?? '', role: v.role as Role, nodeId: v.nodeId ?? '' },
          });
          onDone();
        } catch (e) {
          applyFieldErrors(form, e);
          throw e;
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <GrantFields form={form} prefix="people-grant" />
      </Form>
    </ActionModal>
  );
}
