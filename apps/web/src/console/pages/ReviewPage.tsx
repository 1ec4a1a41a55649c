import { api, type RouteOutput } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ApplicationDrawer } from '../components/ApplicationDrawer.tsx';
import { SearchBox } from '../components/SearchBox.tsx';

export type Application = RouteOutput<typeof api.join.listApplications>['items'][number];
type Status = Application['status'];

export const STATUS_COLOR: Record<Status, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
const PAGE_SIZE = 20;

/** 入户审核: the join applications of the acting node's communities. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { acting } = useActing();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Application | null>(null);
  const query = {
    nodeId: acting.nodeId,
    status: status === 'all' ? undefined : status,
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['applications', query],
    queryFn: () => call(api.join.listApplications, { query }),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} {...tid('review-page')}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('console.menu.review')}
      </Typography.Title>
      <Space wrap>
        <Radio.Group
          value={status}
          optionType="button"
          onChange={(e) => {
            setStatus(e.target.value as Status | 'all');
            setPage(1);
          }}
          {...tid('review-status-filter')}
        >
          {(['pending', 'approved', 'rejected'] as const).map((s) => (
            <Radio.Button key={s} value={s}>
              <span {...tid(`review-status-${s}`)}>{t(`status.${s}`)}</span>
            </Radio.Button>
          ))}
          <Radio.Button value="all">
            <span {...tid('review-status-all')}>{t('review.all')}</span>
          </Radio.Button>
        </Radio.Group>
        <SearchBox
          testId="review-search"
          placeholder={t('review.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Button onClick={() => void list.refetch()} {...tid('review-refresh')}>
          {t('org.reload')}
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Application>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1120 }}
        onRow={(a) => ({ ...tid(`review-row-${a.name}`), 'data-status': a.status }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', width: 110 },
          { title: t('fields.idNumber'), dataIndex: 'idNumberMasked', width: 200 },
          { title: t('fields.phone'), dataIndex: 'phone', width: 130 },
          { title: t('review.community'), dataIndex: 'communityName', width: 120 },
          { title: t('fields.address'), dataIndex: 'address', width: 200, ellipsis: true },
          { title: t('review.time'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatTime(v) },
          {
            title: t('review.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Status) => (
              <Tag color={STATUS_COLOR[s]} {...tid('review-row-status')}>
                {t(`status.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('review.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_: unknown, a) => (
              <Button type="link" onClick={() => setOpen(a)} {...tid('review-open')}>
                {t('review.view')}
              </Button>
            ),
          },
        ]}
        {...tid('review-table')}
      />
      <ApplicationDrawer key={open?.id ?? 'none'} application={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
