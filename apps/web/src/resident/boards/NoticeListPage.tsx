import { api, type RouteOutput } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge, Button, CapsuleTabs, ErrorBlock, List, SearchBar } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { NoticeTags } from './NoticeTags.tsx';

type Notice = RouteOutput<typeof api.notices.listNotices>['items'][number];
type Category = Notice['category'];

/** `/notices`: every notice for the resident's home, from the district down to their grid; search and filter. */
export function NoticeListPage() {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [q, setQ] = useState('');
  const list = useInfiniteQuery({
    queryKey: ['notices', category, q],
    queryFn: ({ pageParam }) =>
      call(api.notices.listNotices, {
        query: {
          category: category === 'all' ? undefined : category,
          q: q.trim() || undefined,
          cursor: pageParam ?? undefined,
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Frame title={t('notices.title')} backTo="/home">
      <SearchBar
        placeholder={t('notices.searchPlaceholder')}
        onSearch={(v) => setQ(v.slice(0, 40))}
        onClear={() => setQ('')}
        style={{ marginBottom: 8 }}
        {...tid('notice-search')}
      />
      <CapsuleTabs activeKey={category} onChange={(k) => setCategory(k as Category | 'all')}>
        <CapsuleTabs.Tab title={t('notices.all')} key="all" />
        {api.notices.NOTICE_CATEGORIES.map((c) => (
          <CapsuleTabs.Tab title={t(`notices.category.${c}`)} key={c} />
        ))}
      </CapsuleTabs>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('notices.empty')} description="" {...tid('notices-empty')} />
      ) : (
        <List className="card-gap" {...tid('notice-list')}>
          {items.map((n) => (
            <List.Item
              key={n.id}
              clickable
              onClick={() => nav(`/notices/${n.id}`)}
              prefix={n.unread ? <Badge content={Badge.dot} aria-label={t('notices.unread')} /> : null}
              description={
                <>
                  <NoticeTags n={n} />
                  <div className="muted">
                    {n.nodeName} · {formatTime(n.publishedAt)}
                  </div>
                </>
              }
              {...tid('notice-item')}
              data-unread={String(n.unread)}
              data-id={n.id}
            >
              <span style={{ fontWeight: n.unread ? 600 : 400 }} {...tid('notice-item-title')}>
                {n.title}
              </span>
            </List.Item>
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <Button
          block
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          {...tid('notices-more')}
        >
          {t('notices.loadMore')}
        </Button>
      )}
    </Frame>
  );
}
