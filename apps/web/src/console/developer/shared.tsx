import { Alert, Button, Form, Modal, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { buildTree, useOrgTree } from '../org.ts';
import { useDevT } from './i18n.ts';

/** The subtree a key or subscription covers: the acting node or a street or community below it. */
export function NodeField({ prefix }: { prefix: string }) {
  const t = useDevT();
  const { acting } = useActing();
  const tree = useOrgTree(acting.nodeId, 'community');
  const treeData = useMemo(() => buildTree(tree.data?.nodes ?? []), [tree.data]);
  return (
    <Form.Item
      name="nodeId"
      label={t('node')}
      initialValue={acting.nodeId}
      rules={[{ required: true, message: t('required', { field: t('node') }) }]}
    >
      <TreeSelect
        treeData={treeData}
        loading={tree.isPending}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeTitleRender={(n) => <span {...tid(`${prefix}-node-option-${n.title}`)}>{n.title as string}</span>}
        {...tid(`${prefix}-node`)}
      />
    </Form.Item>
  );
}

/** Shows a just-created secret once, with a copy button; it cannot be shown again. */
export function SecretModal({
  secret,
  onClose,
  prefix,
}: {
  secret: string | null;
  onClose: () => void;
  prefix: string;
}) {
  const t = useDevT();
  return (
    <Modal
      open={secret !== null}
      title={t('created')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} {...tid(`${prefix}-secret-close`)}>
          {t('close')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('secretOnce')} />
        <Typography.Paragraph
          copyable={{ text: secret ?? '', tooltips: [t('copy'), t('copied')] }}
          code
          style={{ wordBreak: 'break-all', margin: 0 }}
          {...tid(`${prefix}-secret`)}
        >
          {secret}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}
