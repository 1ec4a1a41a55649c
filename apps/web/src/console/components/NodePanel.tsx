import { api, CHILD_TYPES, can } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Space, Spin, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import type { OrgNode } from '../org.ts';
import { ActionModal } from './ActionModal.tsx';
import { CreateNodeModal, EditNodeModal } from './NodeModals.tsx';

type Dialog = 'create' | 'edit' | 'delete' | null;

/** One org node: where it sits, its details and children, and create / edit / delete when allowed. */
export function NodePanel({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const qc = useQueryClient();
  const { actor } = useActing();
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useQuery({ queryKey: ['org-node', id], queryFn: () => call(api.org.orgNode, { params: { id } }) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['org-tree'] });
    void qc.invalidateQueries({ queryKey: ['org-node'] });
  };

  if (q.isPending) return <Spin />;
  if (q.error) return <Alert type="error" showIcon title={errorText(q.error)} />;
  const { node, ancestors, children, abilities } = q.data;
  const manage = abilities['org.manage'] ?? can(actor, 'org.manage', { path: node.path });
  // `org.create_child` / `org.modify` refine it: e.g. a secretary adds grids but does not rename the community.
  const canCreate = (abilities['org.create_child'] ?? manage) && CHILD_TYPES[node.type].length > 0;
  const canModify = abilities['org.modify'] ?? manage;
  const done = (text: string) => () => {
    void message.success(text);
    setDialog(null);
    refresh();
  };

  return (
    <Card
      title={<span {...tid('org-detail-name')}>{node.name}</span>}
      extra={
        (canCreate || canModify) && (
          <Space wrap>
            {canCreate && (
              <Button type="primary" onClick={() => setDialog('create')} {...tid('org-create')}>
                {t('org.createChild')}
              </Button>
            )}
            {canModify && (
              <Button onClick={() => setDialog('edit')} {...tid('org-edit')}>
                {t('org.rename')}
              </Button>
            )}
            {canModify && (
              <Button danger disabled={node.childCount > 0} onClick={() => setDialog('delete')} {...tid('org-delete')}>
                {t('org.delete')}
              </Button>
            )}
          </Space>
        )
      }
      {...tid('org-detail')}
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[...ancestors, node].map((a) => ({
          title:
            a.id === node.id ? (
              a.name
            ) : (
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onSelect(a.id)}>
                {a.name}
              </Button>
            ),
        }))}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('org.type')}>{labels.nodeType(node.type)}</Descriptions.Item>
        <Descriptions.Item label={t('org.kind')}>{labels.kind(node.kind) || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>{node.code ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('org.childCount')}>{node.childCount}</Descriptions.Item>
      </Descriptions>
      <Table<OrgNode>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        title={() => t('org.children')}
        dataSource={children}
        pagination={children.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('org.noChildren') }}
        onRow={(c) => tid(`org-child-${c.name}`) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('org.nodeName'),
            dataIndex: 'name',
            render: (v: string, c) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(c.id)}>
                {v}
              </Button>
            ),
          },
          { title: t('org.type'), dataIndex: 'type', render: (v: string) => labels.nodeType(v) },
          { title: t('org.kind'), dataIndex: 'kind', render: (v: string | null) => labels.kind(v) },
          { title: t('org.code'), dataIndex: 'code' },
          { title: t('org.childCount'), dataIndex: 'childCount', width: 90 },
        ]}
        {...tid('org-children')}
      />
      {dialog === 'create' && (
        <CreateNodeModal open parent={node} onClose={() => setDialog(null)} onDone={done(t('org.created'))} />
      )}
      {dialog === 'edit' && (
        <EditNodeModal
          open
          node={node}
          onClose={() => setDialog(null)}
          onDone={done(t('org.saved'))}
          onConflict={() => void q.refetch()}
        />
      )}
      <ActionModal
        open={dialog === 'delete'}
        title={t('org.delete')}
        okText={t('org.delete')}
        danger
        testId="org-delete"
        onClose={() => setDialog(null)}
        onOk={async () => {
          await call(api.org.deleteNode, { params: { id: node.id } });
          const parent = ancestors[ancestors.length - 1];
          done(t('org.deleted'))();
          if (parent) onSelect(parent.id);
        }}
      >
        {t('org.deleteConfirm', { name: node.name })}
      </ActionModal>
    </Card>
  );
}
