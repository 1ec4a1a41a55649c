import { api, type RouteOutput } from '@linli/contracts';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { ReadRateDrawer } from './ReadRateDrawer.tsx';

type Notice = RouteOutput<typeof api.notices.managedNotices>['items'][number];

/** 公告管理: notices published in the acting cadre's area, with publish, pin, withdraw and read rates. */
export function NoticesPage() {
  const { t } = useBoardsT();
  const { message, modal } = App.useApp();
  const { acting, allowed } = useActing();
  const qc = useQueryClient();
  const [publishing, setPublishing] = useState(false);
  const [rateOf, setRateOf] = useState<Notice | null>(null);
  const key = ['notices-managed', acting.nodeId];
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) =>
      call(api.notices.managedNotices, {
        query: { nodeId: acting.nodeId, limit: 30, cursor: pageParam ?? undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: key });

  const change = async (n: Notice, body: { pinned?: boolean; withdrawn?: true }) => {
    try {
      const current = await call(api.notices.getNotice, { params: { id: n.id } });
      await call(api.notices.updateNotice, { params: { id: n.id }, body: { version: current.version, ...body } });
      await refresh();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const withdraw = (n: Notice) =>
    modal.confirm({
      title: t('notices.actions.withdrawConfirm'),
      okButtonProps: tid('notice-withdraw-confirm'),
      cancelButtonProps: tid('notice-withdraw-cancel'),
      onOk: () => change(n, { withdrawn: true }),
    });

  const state = (n: Notice) =>
    n.withdrawn ? (
      <Tag>{t('notices.withdrawn')}</Tag>
    ) : n.expired ? (
      <Tag color="default">{t('notices.expired')}</Tag>
    ) : (
      <Tag color="green">{t('notices.form.published')}</Tag>
    );

  return (
    <Card
      title={t('notices.title')}
      size="small"
      extra={
        allowed('notice.publish') && (
          <Button type="primary" onClick={() => setPublishing(true)} {...tid('notice-publish')}>
            {t('notices.publish')}
          </Button>
        )
      }
      {...tid('notices-page')}
    >
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(n) => ({ ...tid(`notice-row-${n.title}`), 'data-id': n.id }) as never}
        columns={[
          {
            title: t('notices.table.title'),
            key: 'title',
            render: (_, n) => (
              <Space size={4} wrap>
                {n.pinned && <Tag color="red">{t('notices.pinned')}</Tag>}
                {n.mustRead && <Tag color="orange">{t('notices.mustRead')}</Tag>}
                <span>{n.title}</span>
              </Space>
            ),
          },
          {
            title: t('notices.table.node'),
            key: 'node',
            render: (_, n) => `${n.nodeName}(${t(`notices.level.${n.level}`)})`,
          },
          {
            title: t('notices.table.category'),
            key: 'category',
            render: (_, n) => t(`notices.category.${n.category}`),
          },
          { title: t('notices.table.state'), key: 'state', render: (_, n) => state(n) },
          { title: t('notices.table.at'), key: 'at', render: (_, n) => formatTime(n.publishedAt) },
          {
            title: t('notices.table.actions'),
            key: 'actions',
            render: (_, n) =>
              n.withdrawn ? null : (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void change(n, { pinned: !n.pinned })}
                    {...tid('notice-pin')}
                  >
                    {n.pinned ? t('notices.actions.unpin') : t('notices.actions.pin')}
                  </Button>
                  {n.mustRead && (
                    <Button type="link" size="small" onClick={() => setRateOf(n)} {...tid('notice-read-rate')}>
                      {t('notices.actions.readRate')}
                    </Button>
                  )}
                  <Button type="link" size="small" danger onClick={() => withdraw(n)} {...tid('notice-withdraw')}>
                    {t('notices.actions.withdraw')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} style={{ marginTop: 12 }} {...tid('notices-more')}>
          {t('notices.loadMore')}
        </Button>
      )}
      <NoticeForm
        open={publishing}
        onClose={() => setPublishing(false)}
        onDone={() => {
          setPublishing(false);
          void message.success(t('notices.form.published'));
          void refresh();
        }}
      />
      <ReadRateDrawer notice={rateOf} onClose={() => setRateOf(null)} />
    </Card>
  );
}
