import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePlacesT } from '../../i18n/places.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { CompoundCard } from './CompoundCard.tsx';
import { type Organisation, OrganisationDrawer } from './OrganisationDrawer.tsx';

type CompoundRow = RouteOutput<typeof api.registryPlaces.listCompounds>['items'][number];
const P = api.registryPlaces;

/** 组织与小区: organisations in the community (search, filter, create and edit) and the compound profiles. */
export function PlacesPage() {
  const { t } = usePlacesT();
  const [tab, setTab] = useState('organisations');
  return (
    <Card size="small" title={t('title')} {...tid('places-page')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'organisations', label: t('tabs.organisations'), children: <Organisations /> },
          { key: 'compounds', label: t('tabs.compounds'), children: <Compounds /> },
        ]}
        {...tid('places-tabs')}
      />
    </Card>
  );
}

function Organisations() {
  const { t, tx } = usePlacesT();
  const { acting, allowed } = useActing();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Organisation | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['registry-organisations', acting.nodeId, q, kind, status, page],
    queryFn: () =>
      call(P.listOrganisations, {
        query: {
          nodeId: acting.nodeId,
          q: q || undefined,
          kind: kind as never,
          status: status as never,
          limit: 20,
          offset: (page - 1) * 20,
        },
      }),
  });
  const editor = allowed('registry.edit');
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['registry-organisations'] }),
      qc.invalidateQueries({ queryKey: ['registry-compound'] }),
    ]);
  const filter = (all: readonly string[], prefix: 'kinds' | 'statuses', placeholder: string) => (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width: 150 }}
      options={all.map((v) => ({ value: v, label: tx(`${prefix}.${v}`) }))}
      onChange={(v: string | undefined) => {
        (prefix === 'kinds' ? setKind : setStatus)(v);
        setPage(1);
      }}
      {...tid(`org-filter-${prefix}`)}
    />
  );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 'min(300px, 80vw)' }}
          {...tid('org-search')}
        />
        {filter(P.ORGANISATION_KINDS, 'kinds', t('allKinds'))}
        {filter(P.ORGANISATION_STATUSES, 'statuses', t('allStatuses'))}
        {editor && (
          <Button type="primary" onClick={() => setOpen('new')} {...tid('org-add')}>
            {t('add')}
          </Button>
        )}
      </Space>
      {!editor && <Alert type="info" showIcon title={t('readOnly')} />}
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Organisation>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('col.name'),
            dataIndex: 'name',
            fixed: 'left',
            render: (name: string, o) =>
              o.abilities.edit ? (
                <Typography.Link onClick={() => setOpen(o)} {...tid(`org-row-${o.id}`)}>
                  {name}
                </Typography.Link>
              ) : (
                <span {...tid(`org-row-${o.id}`)}>{name}</span>
              ),
          },
          { title: t('col.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{tx(`kinds.${k}`)}</Tag> },
          { title: t('col.place'), dataIndex: 'place', render: (p: string, o) => `${o.communityName} ${p}` },
          {
            title: t('col.contact'),
            key: 'contact',
            render: (_: unknown, o) => [o.contactName, o.contactPhone].filter(Boolean).join(' '),
          },
          {
            title: t('col.creditCode'),
            dataIndex: 'creditCode',
            responsive: ['lg'],
            render: (c: string | null) => c ?? '',
          },
          {
            title: t('col.employees'),
            dataIndex: 'employees',
            responsive: ['md'],
            render: (n: number | null) => n ?? '',
          },
          {
            title: t('col.partyOrg'),
            dataIndex: 'partyOrg',
            responsive: ['md'],
            render: (v: boolean) => (v ? <Tag color="red">{t('yes')}</Tag> : t('no')),
          },
          {
            title: t('col.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{tx(`statuses.${s}`)}</Tag>,
          },
        ]}
        {...tid('org-table')}
      />
      {open && (
        <OrganisationDrawer org={open === 'new' ? null : open} onClose={() => setOpen(null)} onSaved={refresh} />
      )}
    </Space>
  );
}

function Compounds() {
  const { t, tx } = usePlacesT();
  const { acting } = useActing();
  const [page, setPage] = useState(1);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['registry-compounds', acting.nodeId, page],
    queryFn: () => call(P.listCompounds, { query: { nodeId: acting.nodeId, limit: 20, offset: (page - 1) * 20 } }),
  });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<CompoundRow>
        rowKey="nodeId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('col.place'),
            dataIndex: 'place',
            render: (p: string, c) => (
              <Typography.Link onClick={() => setNodeId(c.nodeId)} {...tid(`compound-row-${c.nodeId}`)}>
                {`${c.communityName} ${p}`}
              </Typography.Link>
            ),
          },
          {
            title: t('compound.management'),
            key: 'management',
            render: (_: unknown, c) =>
              c.management === 'company' ? c.companyName : tx(`compound.managements.${c.management}`),
          },
          {
            title: t('compound.entrances'),
            key: 'entrances',
            render: (_: unknown, c) => t('compound.entranceSummary', { n: c.entranceCount, g: c.guardedCount }),
          },
          {
            title: t('compound.facilities'),
            key: 'facilities',
            responsive: ['md'],
            render: (_: unknown, c) =>
              c.facilities.map((f) => <Tag key={f.kind}>{`${tx(`compound.facilityKinds.${f.kind}`)} ${f.count}`}</Tag>),
          },
          {
            title: t('compound.organisations'),
            dataIndex: 'organisationCount',
            render: (n: number) => t('compound.organisationCount', { n }),
          },
        ]}
        {...tid('compound-table')}
      />
      <Drawer open={!!nodeId} width="min(760px, 100vw)" onClose={() => setNodeId(null)}>
        {nodeId && <CompoundCard nodeId={nodeId} />}
      </Drawer>
    </>
  );
}
