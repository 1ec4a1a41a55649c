import { api, BUILDING_KINDS, CHILD_TYPES, COMMUNITY_KINDS, type OrgNodeType, STREET_KINDS } from '@linli/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, isApiError, UserMessage } from '../../shared/api.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import type { OrgNode } from '../org.ts';
import { ActionModal } from './ActionModal.tsx';

const KINDS: Partial<Record<OrgNodeType, readonly api.org.NodeKind[]>> = {
  street: STREET_KINDS,
  community: COMMUNITY_KINDS,
  building: BUILDING_KINDS,
};
const CODE_RULE = { pattern: /^[0-9]{1,20}$/ };

interface CreateValues {
  type: OrgNodeType;
  name: string;
  code?: string;
  kind?: api.org.NodeKind;
}

/** New child node: the type is limited to what the parent may contain. */
export function CreateNodeModal(props: {
  parent: OrgNode;
  open: boolean;
  onClose: () => void;
  onDone: (n: OrgNode) => void;
}) {
  const { parent, open, onClose, onDone } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<CreateValues>();
  const types = CHILD_TYPES[parent.type];
  const type = Form.useWatch('type', form) ?? types[0];
  const kinds = type ? KINDS[type] : undefined;
  return (
    <ActionModal
      open={open}
      title={t('org.createChild')}
      testId="org-create"
      onClose={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          const node = await call(api.org.createNode, {
            body: {
              parentId: parent.id,
              type: v.type,
              name: v.name.trim(),
              code: v.code || undefined,
              kind: v.kind || undefined,
            },
          });
          onDone(node);
        } catch (e) {
          applyFieldErrors(form, e);
          throw e;
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ type: types[0], kind: KINDS[types[0] as OrgNodeType]?.[0] }}
      >
        <Form.Item name="type" label={t('org.type')} rules={[{ required: true }]}>
          <Select
            options={types.map((ty) => ({ value: ty, label: labels.nodeType(ty) }))}
            onChange={(ty: OrgNodeType) => form.setFieldValue('kind', KINDS[ty]?.[0])}
            {...tid('org-create-type')}
          />
        </Form.Item>
        <NameAndCodeFields testIdPrefix="org-create" />
        {kinds && (
          <Form.Item name="kind" label={t('org.kind')}>
            <Select options={kinds.map((k) => ({ value: k, label: labels.kind(k) }))} {...tid('org-create-kind')} />
          </Form.Item>
        )}
      </Form>
    </ActionModal>
  );
}

interface EditValues {
  name: string;
  code?: string;
}

/** Rename / recode; `version` guards against overwriting someone else's change. */
export function EditNodeModal(props: {
  node: OrgNode;
  open: boolean;
  onClose: () => void;
  onDone: (n: OrgNode) => void;
  onConflict: () => void;
}) {
  const { node, open, onClose, onDone, onConflict } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  return (
    <ActionModal
      open={open}
      title={t('org.rename')}
      testId="org-edit"
      onClose={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          const updated = await call(api.org.updateNode, {
            params: { id: node.id },
            body: { version: node.version, name: v.name.trim(), code: v.code ? v.code : null },
          });
          onDone(updated);
        } catch (e) {
          if (isApiError(e) && e.code === 'version_conflict') {
            onConflict();
            throw new UserMessage(t('org.versionConflict'));
          }
          applyFieldErrors(form, e);
          throw e;
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: node.name, code: node.code ?? '' }}>
        <NameAndCodeFields testIdPrefix="org-edit" />
      </Form>
    </ActionModal>
  );
}

/** The name and official-code fields shared by the create and edit dialogs. */
function NameAndCodeFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('fields.name')}
        rules={[
          { required: true, whitespace: true, max: 60, message: t('common.required', { field: t('fields.name') }) },
        ]}
      >
        <Input maxLength={60} {...tid(`${testIdPrefix}-name`)} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('org.code')}
        extra={t('org.codeHint')}
        rules={[{ ...CODE_RULE, message: t('org.codeHint') }]}
      >
        <Input maxLength={20} inputMode="numeric" {...tid(`${testIdPrefix}-code`)} />
      </Form.Item>
    </>
  );
}
