import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { CompoundCard } from './CompoundCard.tsx';
import { exportLabel } from './export-i18n.ts';
import { buildTree, type PersonRow } from './model.ts';
import { PersonDrawer } from './PersonDrawer.tsx';
import { RoomPanel } from './RoomPanel.tsx';
import { TransfersCard } from './TransfersCard.tsx';

/** 居民信息库: building → unit → room drill-down, scoped search, room panel and person card. */
export function RegistryPage() {
  const { t, tx, lang } = useRegistryT();
  const labels = useLabels();
  const { acting, allowed, anywhere } = useActing();
  const nav = useNavigate();
  const [selected, setSelected] = useState<{ id: string; type: string } | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [personId, setPersonId] = useState<string | null>(null);
  const tree = useQuery({
    queryKey: ['registry-tree', acting.nodeId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: acting.nodeId, maxType: 'room' } }),
    staleTime: 60_000,
  });
  const items = useMemo(() => buildTree(tree.data?.nodes ?? [], acting.nodeId), [tree.data, acting.nodeId]);
  const nodeId = selected?.id ?? acting.nodeId;
  const people = useQuery({
    queryKey: ['registry-people', nodeId, q, page],
    queryFn: () =>
      call(api.registry.listPeople, { query: { nodeId, q: q || undefined, limit: 20, offset: (page - 1) * 20 } }),
  });
  const full = allowed('person.read');

  const columns = [
    {
      title: t('col.name'),
      dataIndex: 'name',
      render: (name: string, p: PersonRow) =>
        p.contactOnly ? (
          name
        ) : (
          <Typography.Link onClick={() => setPersonId(p.id)} {...tid(`registry-person-${p.id}`)}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('col.address'), dataIndex: 'address' },
    { title: t('col.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
    ...(full
      ? [
          {
            title: t('col.sex'),
            dataIndex: 'sex',
            responsive: ['lg' as const],
            render: (v: string) => labels.sex(v),
          },
          { title: t('col.age'), dataIndex: 'age', width: 64 },
          {
            title: t('col.residence'),
            dataIndex: 'residenceStatus',
            responsive: ['lg' as const],
            render: (v: string) => tx(`residence.${v}`),
          },
          {
            title: t('col.tags'),
            dataIndex: 'tags',
            responsive: ['md' as const],
            render: (tags: PersonRow['tags']) => (
              <Space size={[2, 2]} wrap>
                {(tags ?? []).map((g) => (
                  <Tag key={g.code}>{lang === 'en' ? g.nameEn : g.name}</Tag>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Row gutter={[16, 16]} {...tid('registry-page')}>
      <Col xs={24} lg={7} xl={6}>
        <Space style={{ marginBottom: 12 }} wrap>
          {allowed('registry.edit') && (
            <Button onClick={() => nav('/registry/import')} {...tid('registry-go-import')}>
              {t('page.import')}
            </Button>
          )}
          {(allowed('registry.export') || allowed('registry.export.approve')) && (
            <Button onClick={() => nav('/registry/exports')} {...tid('registry-go-exports')}>
              {exportLabel()}
            </Button>
          )}
          {(allowed('registry.edit') || anywhere('tag.manage')) && (
            <Button onClick={() => nav('/registry/tags')} {...tid('registry-go-tags')}>
              {t('page.tags')}
            </Button>
          )}
        </Space>
        <Card title={t('page.tree')} size="small" styles={{ body: { maxHeight: '72vh', overflow: 'auto' } }}>
          {tree.error && <Alert type="error" showIcon title={errorText(tree.error)} />}
          <Tree
            expandAction="click"
            treeData={items}
            selectedKeys={selected ? [selected.id] : []}
            onSelect={(keys, info) => {
              const node = info.node as unknown as { key: string; type: string };
              setSelected(keys.length ? { id: node.key, type: node.type } : null);
              setPage(1);
            }}
            titleRender={(n) => <span {...tid(`registry-node-${(n as { key: string }).key}`)}>{String(n.title)}</span>}
            {...tid('registry-tree')}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17} xl={18}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {allowed('registry.edit') && full && <TransfersCard onPerson={setPersonId} />}
          {selected?.type === 'building' && allowed('registry.stats') && <CompoundCard nodeId={selected.id} />}
          {selected?.type === 'room' && full && (
            <RoomPanel
              roomId={selected.id}
              onPerson={setPersonId}
              onMoved={(id) => setSelected({ id, type: 'room' })}
            />
          )}
          <Card
            size="small"
            title={t('page.people')}
            extra={
              <Input.Search
                allowClear
                placeholder={t('page.searchPlaceholder')}
                onSearch={(v) => {
                  setQ(v.trim());
                  setPage(1);
                }}
                style={{ width: 'min(340px, 60vw)' }}
                {...tid('registry-search')}
              />
            }
          >
            {!full && <Alert type="info" showIcon title={t('page.contactOnlyHint')} style={{ marginBottom: 8 }} />}
            {people.error && <Alert type="error" showIcon title={errorText(people.error)} />}
            {people.data?.capped && (
              <Alert
                type="warning"
                showIcon
                title={t('page.searchCapped', { n: people.data.total })}
                style={{ marginBottom: 8 }}
                {...tid('registry-search-capped')}
              />
            )}
            <Table<PersonRow>
              rowKey="id"
              size="small"
              loading={people.isFetching}
              dataSource={people.data?.items ?? []}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: page,
                pageSize: 20,
                total: people.data?.total ?? 0,
                showSizeChanger: false,
                onChange: setPage,
              }}
              {...tid('registry-people')}
            />
          </Card>
        </Space>
      </Col>
      <PersonDrawer id={personId} onClose={() => setPersonId(null)} />
    </Row>
  );
}
