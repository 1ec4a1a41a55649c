import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';

const LEVEL_TYPES = ['district', 'street', 'community', 'grid'];

interface Values {
  nodeId: string;
  category: api.notices.NoticeCategory;
  title: string;
  body: string;
  attachments?: string[];
  pinned?: boolean;
  mustRead?: boolean;
  expiresAt?: Dayjs | null;
}

/** Nodes the acting cadre may publish at: their own node and the streets, communities and grids below it. */
function usePublishNodes() {
  const { acting } = useActing();
  return useQuery({
    queryKey: ['notice-nodes', acting.nodeId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: acting.nodeId, maxType: 'grid' } }),
    select: (r) => r.nodes.filter((n) => LEVEL_TYPES.includes(n.type)),
  });
}

/** 发布公告: node, category, title, text, photos, pin, must-read and expiry. */
export function NoticeForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useBoardsT();
  const { acting } = useActing();
  const nodes = usePublishNodes();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call(api.notices.createNotice, {
        body: {
          nodeId: v.nodeId,
          category: v.category,
          title: v.title,
          body: v.body,
          attachments: v.attachments ?? [],
          pinned: !!v.pinned,
          mustRead: !!v.mustRead,
          expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null,
        },
      });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorText(e));
      const fields = fieldErrors(e);
      form.setFields(Object.entries(fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('notices.publish')}
      okText={t('notices.form.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
      okButtonProps={tid('notice-form-submit')}
      cancelButtonProps={tid('notice-form-cancel')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ nodeId: acting.nodeId, category: 'notice' }}
        {...tid('notice-form')}
      >
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} {...tid('notice-form-error')} />
        )}
        <Form.Item name="nodeId" label={t('notices.form.node')} rules={[{ required: true }]}>
          <Select
            loading={nodes.isPending}
            options={(nodes.data ?? []).map((n) => ({
              value: n.id,
              label: `${n.name}(${t(`notices.level.${n.type as 'grid'}`)})`,
            }))}
            {...tid('notice-form-node')}
          />
        </Form.Item>
        <Form.Item name="category" label={t('notices.form.category')} rules={[{ required: true }]}>
          <Select
            options={api.notices.NOTICE_CATEGORIES.map((c) => ({ value: c, label: t(`notices.category.${c}`) }))}
            {...tid('notice-form-category')}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('notices.form.title')}
          rules={[{ required: true, whitespace: true, max: api.notices.NOTICE_TITLE_MAX }]}
        >
          <Input maxLength={api.notices.NOTICE_TITLE_MAX} showCount {...tid('notice-form-title')} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('notices.form.body')}
          rules={[{ required: true, whitespace: true, max: api.notices.NOTICE_BODY_MAX }]}
        >
          <Input.TextArea rows={6} maxLength={api.notices.NOTICE_BODY_MAX} showCount {...tid('notice-form-body')} />
        </Form.Item>
        <Form.Item name="attachments" label={t('notices.form.photos')}>
          <PhotoUpload testId="notice-form-photos" />
        </Form.Item>
        <Form.Item name="pinned" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox {...tid('notice-form-pinned')}>{t('notices.form.pinned')}</Checkbox>
        </Form.Item>
        <Form.Item name="mustRead" valuePropName="checked">
          <Checkbox {...tid('notice-form-must-read')}>{t('notices.form.mustRead')}</Checkbox>
        </Form.Item>
        <Form.Item name="expiresAt" label={t('notices.form.expiresAt')}>
          <DatePicker showTime {...tid('notice-form-expires')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
