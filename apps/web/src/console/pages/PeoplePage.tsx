import { api, checkGrant, type OrgNodeType, ROLES, type Role, type RouteOutput } from '@linli/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import type { GrantView } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ActionModal } from '../components/ActionModal.tsx';
import { useGrantableRoles } from '../components/GrantFields.tsx';
import { AddGrantModal, CreateStaffModal } from '../components/PeopleModals.tsx';
import { SearchBox } from '../components/SearchBox.tsx';

type Person = RouteOutput<typeof api.people.listPeople>['items'][number];
const PAGE_SIZE = 20;

/** 人员与角色: accounts holding roles under the acting node; create staff, add and revoke roles. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const qc = useQueryClient();
  const { acting, actor, allowed } = useActing();
  const grantable = useGrantableRoles();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Person | null>(null);
  const [revoking, setRevoking] = useState<{ person: Person; grant: GrantView } | null>(null);
  const query = { nodeId: acting.nodeId, role, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({
    queryKey: ['people', query],
    queryFn: () => call(api.people.listPeople, { query }),
    placeholderData: keepPreviousData,
  });
  const canManage = allowed('grant.manage') && grantable.length > 0;
  const canRevoke = (p: Person, g: GrantView) =>
    (p.abilities['grant.manage'] ?? canManage) &&
    checkGrant(actor, g.role as Role, { path: g.path, type: g.nodeType as OrgNodeType }) === null;
  const changed = (text: string) => {
    void message.success(text);
    void qc.invalidateQueries({ queryKey: ['people'] });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('people-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.people')}
      </Typography.Title>
      <Space wrap>
        <SearchBox
          testId="people-search"
          placeholder={t('people.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('people.anyRole')}
          value={role}
          onChange={(r?: Role) => {
            setRole(r);
            setPage(1);
          }}
          options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          style={{ width: 180 }}
          {...tid('people-role-filter')}
        />
        {canManage && (
          <Button type="primary" onClick={() => setCreating(true)} {...tid('people-create')}>
            {t('people.create')}
          </Button>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Person>
        rowKey="userId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(p) => tid(`people-row-${p.name}`) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', width: 110 },
          { title: t('fields.phone'), dataIndex: 'phone', width: 130 },
          {
            title: t('people.grants'),
            key: 'grants',
            render: (_: unknown, p) => (
              <Space size={[4, 4]} wrap>
                {p.grants.map((g) => (
                  <Tag
                    key={g.id}
                    color="blue"
                    closable={canRevoke(p, g)}
                    closeIcon={<span {...tid(`people-revoke-${g.role}-${g.nodeName}`)}>×</span>}
                    onClose={(e) => {
                      e.preventDefault();
                      setRevoking({ person: p, grant: g });
                    }}
                    {...tid(`people-grant-${g.role}-${g.nodeName}`)}
                  >
                    {grantPlace(g)} · {labels.role(g.role)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('people.lastLogin'),
            dataIndex: 'lastLoginAt',
            width: 170,
            render: (v: string | null) => formatTime(v),
          },
          {
            title: t('people.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, p) => (
              <Space>
                {p.lockedUntil && new Date(p.lockedUntil) > new Date() && <Tag color="red">{t('people.locked')}</Tag>}
                {(p.abilities['grant.manage'] ?? canManage) && grantable.length > 0 && (
                  <Button size="small" onClick={() => setGranting(p)} {...tid('people-add-grant')}>
                    {t('people.addGrant')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
        {...tid('people-table')}
      />
      {creating && (
        <CreateStaffModal
          open
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            changed(t('people.created'));
          }}
        />
      )}
      <AddGrantModal
        person={granting}
        onClose={() => setGranting(null)}
        onDone={() => {
          setGranting(null);
          changed(t('people.granted'));
        }}
      />
      <ActionModal
        open={!!revoking}
        title={t('people.revoke')}
        okText={t('common.confirm')}
        danger
        testId="people-revoke"
        onClose={() => setRevoking(null)}
        onOk={async () => {
          if (!revoking) return;
          await call(api.people.revokeGrant, { params: { id: revoking.grant.id } });
          setRevoking(null);
          changed(t('people.revoked'));
        }}
      >
        {revoking &&
          t('people.revokeConfirm', {
            name: revoking.person.name,
            node: revoking.grant.nodeName,
            role: labels.role(revoking.grant.role),
          })}
      </ActionModal>
    </Space>
  );
}

/** Where a grant sits, short: the node's name, or building/unit/room below a grid ("1号楼 1单元 302室"). */
function grantPlace(g: { nodeName: string; trail: string[] }): string {
  return g.trail.length > 4 ? g.trail.slice(4).join(' ') : g.nodeName;
}
