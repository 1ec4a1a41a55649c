import { api } from '@linli/contracts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Grid, Space, Tabs, Typography } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { type BulkResult, BulkResults } from './BulkResults.tsx';
import { EntryModal, type EntrySource } from './EntryModal.tsx';
import { InboxCards } from './InboxCards.tsx';
import { type Filters, InboxFilters } from './InboxFilters.tsx';
import { InboxTable } from './InboxTable.tsx';
import { casesKey, INBOXES, type Inbox } from './model.ts';

const PAGE_SIZE = 30;
const GRID_ROLES = ['grid_worker', 'microgrid_volunteer'];
const BOX_COLOUR: Partial<Record<Inbox, string>> = { overdue: '#ff4d4f', near_due: '#faad14' };

/** 诉求工单: the acting node's inboxes with counts, filters, "load more" paging and bulk sign-for. */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { acting, allowed } = useActing();
  const [params, setParams] = useSearchParams();
  const box = (INBOXES as readonly string[]).includes(params.get('box') ?? '')
    ? (params.get('box') as Inbox)
    : 'to_accept';
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<Key[]>([]);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const [entry, setEntry] = useState<EntrySource[] | null>(null);
  const [busy, setBusy] = useState(false);
  const nodeId = acting.nodeId;
  const screens = Grid.useBreakpoint();

  const counts = useQuery({
    queryKey: [...casesKey, 'counts', nodeId],
    queryFn: () => call(api.cases.inboxCounts, { query: { nodeId } }),
  });
  const list = useInfiniteQuery({
    queryKey: [...casesKey, 'list', nodeId, box, filters],
    queryFn: ({ pageParam }) =>
      call(api.cases.listCases, { query: { ...filters, box, nodeId, cursor: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const departmentList = useQuery({
    queryKey: ['case-departments'],
    queryFn: () => call(api.cases.caseDepartments),
    staleTime: 5 * 60_000,
  });
  const departments = departmentList.data?.items ?? [];

  const bulkAccept = async () => {
    const picked = rows.filter((r) => selected.includes(r.id));
    if (!picked.length) return;
    setBusy(true);
    try {
      const r = await call(api.cases.bulkAccept, {
        body: { items: picked.map((c) => ({ id: c.id, version: c.version })) },
      });
      const noOf = new Map(picked.map((c) => [c.id, c.no]));
      setResults(r.results.map((x) => ({ id: x.id, no: noOf.get(x.id) ?? x.id, ok: x.ok, code: x.code })));
      setSelected([]);
      await qc.invalidateQueries({ queryKey: casesKey });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const canReport = allowed('case.report');
  const isGrid = GRID_ROLES.includes(acting.role);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('cases-page')}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('casesConsole.title')}
        </Typography.Title>
        <Space wrap>
          {canReport && isGrid && (
            <Button type="primary" onClick={() => setEntry(['patrol', 'phone', 'visit'])} {...tid('cases-patrol')}>
              {t('casesConsole.entry.patrolButton')}
            </Button>
          )}
          {canReport && (
            <Button
              type={isGrid ? 'default' : 'primary'}
              onClick={() => setEntry(['phone', 'visit'])}
              {...tid('cases-enter')}
            >
              {t('casesConsole.entry.button')}
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={box}
        onChange={(k) => {
          setParams({ box: k }, { replace: true });
          setSelected([]);
        }}
        items={INBOXES.map((b) => ({
          key: b,
          label: (
            <span {...tid(`case-box-${b}`)}>
              {t(`casesConsole.boxes.${b}`)}
              {counts.data?.[b] !== undefined && (
                <Badge
                  count={counts.data[b]}
                  overflowCount={999}
                  showZero
                  color={counts.data[b] === 0 ? '#bfbfbf' : (BOX_COLOUR[b] ?? '#1677ff')}
                  style={{ marginInlineStart: 6 }}
                  {...tid(`case-box-${b}-count`)}
                />
              )}
            </span>
          ),
        }))}
        {...tid('case-boxes')}
      />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <InboxFilters value={filters} onChange={setFilters} departments={departments} />
        <Space>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={busy}
            onClick={() => void bulkAccept()}
            {...tid('cases-bulk-accept')}
          >
            {t('casesConsole.bulkAccept')}
            {selected.length > 0 ? ` (${selected.length})` : ''}
          </Button>
          <Button onClick={() => void qc.invalidateQueries({ queryKey: [...casesKey] })} {...tid('cases-refresh')}>
            {t('casesConsole.refresh')}
          </Button>
        </Space>
      </Space>
      {results && <BulkResults results={results} onClose={() => setResults(null)} />}
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} {...tid('cases-error')} />}
      {screens.md === false ? (
        <InboxCards rows={rows} loading={list.isFetching} selected={selected} onSelect={setSelected} />
      ) : (
        <InboxTable rows={rows} loading={list.isFetching} selected={selected} onSelect={setSelected} />
      )}
      <div style={{ textAlign: 'center' }}>
        {list.hasNextPage ? (
          <Button
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            {...tid('cases-load-more')}
          >
            {t('casesConsole.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('casesConsole.noMore')}</Typography.Text>
        )}
      </div>
      <EntryModal sources={entry} onClose={() => setEntry(null)} />
    </Space>
  );
}
