import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { CategoryChildModal } from '../components/CategoryChildModal.tsx';
import { CategoryForm } from '../components/CategoryForm.tsx';
import {
  type Category,
  type CategoryNode,
  categoryTree,
  fetchCategories,
  limitText,
  listQueryKey,
  STAGES,
} from '../components/limits.ts';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 事件分类: the case category tree with stage limits, and an editor for the selected category. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: listQueryKey, queryFn: fetchCategories });
  const tree = useMemo(() => categoryTree(list.data?.items ?? []), [list.data]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const selected = list.data?.items.find((c) => c.id === selectedId);

  const refresh = async (select?: Category) => {
    if (select) setSelectedId(select.id);
    await qc.invalidateQueries({ queryKey: listQueryKey });
  };

  return (
    <Row gutter={[16, 16]} {...tid('categories-page')}>
      <Col xs={24} xl={15}>
        <Card
          title={t('categories.tree')}
          size="small"
          extra={
            <Button size="small" onClick={() => void list.refetch()} {...tid('categories-reload')}>
              {t('categories.reload')}
            </Button>
          }
        >
          {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
          <Table<CategoryNode>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            key={tree.length === 0 ? 'empty' : 'tree'}
            scroll={{ x: 640, y: '66vh' }}
            rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(c) =>
              ({
                ...tid(`category-row-${c.code}`),
                'data-active': String(c.active),
                onClick: () => setSelectedId(c.id),
                style: { cursor: 'pointer' },
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('categories.code'), dataIndex: 'code', width: 136, onCell: nowrap },
              {
                title: t('categories.name'),
                dataIndex: 'name',
                render: (_: string, c) => (
                  <Space size={4}>
                    {c.name}
                    {c.urgent && <Tag color="red">{t('categories.urgent')}</Tag>}
                    {!c.active && <Tag {...tid('category-retired')}>{t('categories.retired')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('categories.level'),
                dataIndex: 'defaultLevel',
                width: 72,
                render: (l: Category['defaultLevel']) => t(`categories.levels.${l}`),
              },
              ...STAGES.map((s) => ({
                title: t(`categories.stage.${s}`),
                key: s,
                width: 78,
                onCell: nowrap,
                render: (_: unknown, c: Category) => <span {...tid(`category-${s}`)}>{limitText(t, c.limits[s])}</span>,
              })),
            ]}
            {...tid('categories-table')}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card
          size="small"
          title={
            selected ? (
              <Typography.Text {...tid('category-title')}>
                {selected.code} {selected.name}
              </Typography.Text>
            ) : (
              t('categories.edit')
            )
          }
          extra={
            selected && (
              <Button size="small" onClick={() => setAdding(true)} {...tid('category-add-child')}>
                {t('categories.addChild')}
              </Button>
            )
          }
        >
          {selected ? (
            <CategoryForm
              key={`${selected.id}-${selected.version}`}
              category={selected}
              onSaved={(c) => void refresh(c)}
            />
          ) : (
            <Empty description={t('categories.pick')} />
          )}
        </Card>
        {selected && (
          <CategoryChildModal
            parent={selected}
            open={adding}
            onClose={() => setAdding(false)}
            onDone={(c) => {
              setAdding(false);
              message.success(t('categories.created'));
              void refresh(c);
            }}
          />
        )}
      </Col>
    </Row>
  );
}
