import { Alert, Button, Card, Col, Empty, Row, Spin, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { NodePanel } from '../components/NodePanel.tsx';
import { buildTree, useOrgTree } from '../org.ts';

/** 组织架构: the org tree under the acting node (down to buildings) and the chosen node's details. */
export function OrgPage() {
  const { t } = useTranslation();
  const { acting } = useActing();
  const tree = useOrgTree(acting.nodeId, 'building');
  const [selected, setSelected] = useState(acting.nodeId);
  const items = useMemo(() => buildTree(tree.data?.nodes ?? []), [tree.data]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const defaultExpanded = useMemo(
    () =>
      (tree.data?.nodes ?? []).filter((n) => n.id === acting.nodeId || n.parentId === acting.nodeId).map((n) => n.id),
    [tree.data, acting.nodeId],
  );

  return (
    <Row gutter={[16, 16]} {...tid('org-page')}>
      <Col xs={24} lg={9} xl={8}>
        <Card
          title={t('org.tree')}
          size="small"
          extra={
            <Button size="small" onClick={() => void tree.refetch()} {...tid('org-reload')}>
              {t('org.reload')}
            </Button>
          }
        >
          {tree.isPending ? (
            <Spin />
          ) : tree.error ? (
            <Alert type="error" showIcon title={errorText(tree.error)} />
          ) : items.length === 0 ? (
            <Empty />
          ) : (
            <Tree
              treeData={items}
              selectedKeys={[selected]}
              expandedKeys={expanded ?? defaultExpanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
              titleRender={(item) => <span {...tid(`org-node-${item.title}`)}>{item.title}</span>}
              style={{ maxHeight: '70vh', overflow: 'auto' }}
              {...tid('org-tree')}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        {selected ? (
          <NodePanel
            id={selected}
            onSelect={(id) => {
              setSelected(id);
              const parent = tree.data?.nodes.find((n) => n.id === id)?.parentId;
              if (parent) setExpanded((cur) => [...new Set([...(cur ?? defaultExpanded), parent])]);
            }}
          />
        ) : (
          <Empty description={t('org.pickNode')} />
        )}
      </Col>
    </Row>
  );
}
