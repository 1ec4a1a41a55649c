import { api } from '@linli/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';
import { ActionModal } from './ActionModal.tsx';
import type { Category } from './limits.ts';

interface Values {
  code: string;
  name: string;
  nameEn: string;
}

/** 新增下级: a child category; its code is the parent code plus two digits. */
export function CategoryChildModal(props: {
  parent: Category;
  open: boolean;
  onClose: () => void;
  onDone: (c: Category) => void;
}) {
  const { parent, open, onClose, onDone } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <ActionModal
      open={open}
      title={`${t('categories.addChild')} · ${parent.code} ${parent.name}`}
      testId="category-child"
      onClose={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          onDone(
            await call(api.categories.createCategory, {
              body: { parentId: parent.id, code: v.code.trim(), name: v.name.trim(), nameEn: v.nameEn.trim() },
            }),
          );
        } catch (e) {
          applyFieldErrors(form, e);
          throw e;
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ code: parent.code }}>
        <Form.Item
          name="code"
          label={t('categories.code')}
          extra={t('categories.codeHint')}
          rules={[
            { required: true, pattern: new RegExp(`^${parent.code}[0-9]{2}$`), message: t('categories.codeHint') },
          ]}
        >
          <Input {...tid('category-child-code')} />
        </Form.Item>
        <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, max: 40 }]}>
          <Input {...tid('category-child-name')} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categories.nameEn')} rules={[{ required: true, max: 40 }]}>
          <Input {...tid('category-child-name-en')} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
