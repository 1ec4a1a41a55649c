import { api } from '@linli/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, List, Space } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { FeedRow } from './FeedRow.tsx';

/** The community feed: pinned items first, then notices and posts newest first, a page at a time. */
export function useFeed(communityId: string, limit: number) {
  return useInfiniteQuery({
    queryKey: ['feed', communityId, limit],
    queryFn: ({ pageParam }) =>
      call(api.boards.communityFeed, { params: { id: communityId }, query: { limit, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** 社区动态 on the resident home: pinned items, the newest notices and posts, links to notices and neighbours. */
export function HomeFeed({ communityId, full = false }: { communityId: string; full?: boolean }) {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const feed = useFeed(communityId, full ? 20 : 6);
  const seen = useMutation({
    mutationFn: () => call(api.boards.markFeedSeen, { params: { id: communityId } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['feed'] }),
  });
  const first = feed.data?.pages[0];
  const items = full ? (feed.data?.pages.flatMap((p) => p.items) ?? []) : (first?.items ?? []);
  return (
    <Card
      className="card-gap"
      title={
        <span>
          {t('feed.title')}
          {!!first?.unreadCount && (
            <span className="muted" style={{ marginLeft: 8, fontWeight: 400 }} {...tid('feed-unread-count')}>
              {t('feed.unreadCount', { count: first.unreadCount })}
            </span>
          )}
        </span>
      }
      {...tid('home-feed')}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Button size="small" color="primary" fill="outline" onClick={() => nav('/notices')} {...tid('feed-notices')}>
          {t('feed.notices')}
        </Button>
        <Button
          size="small"
          color="primary"
          fill="outline"
          onClick={() => nav('/neighbours')}
          {...tid('feed-neighbours')}
        >
          {t('feed.neighbours')}
        </Button>
        <Button size="small" color="primary" fill="outline" onClick={() => nav('/guides')} {...tid('feed-guides')}>
          {t('guides.title')}
        </Button>
        {!!first?.unreadCount && (
          <Button size="small" loading={seen.isPending} onClick={() => seen.mutate()} {...tid('feed-mark-seen')}>
            {t('feed.markSeen')}
          </Button>
        )}
      </Space>
      {feed.isPending ? (
        <Loading />
      ) : feed.error ? (
        <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <>
          {first && first.pinned.length > 0 && (
            <List header={t('feed.pinned')} {...tid('feed-pinned')}>
              {first.pinned.map((i) => (
                <FeedRow key={`p-${i.type}-${i.type === 'notice' ? i.notice.id : i.post.id}`} item={i} />
              ))}
            </List>
          )}
          {items.length === 0 ? (
            <ErrorBlock status="empty" title={t('feed.empty')} description="" />
          ) : (
            <List {...tid('feed-list')}>
              {items.map((i) => (
                <FeedRow key={`${i.type}-${i.type === 'notice' ? i.notice.id : i.post.id}`} item={i} />
              ))}
            </List>
          )}
          {full && feed.hasNextPage && (
            <Button
              block
              loading={feed.isFetchingNextPage}
              onClick={() => void feed.fetchNextPage()}
              {...tid('feed-more')}
            >
              {t('notices.loadMore')}
            </Button>
          )}
          {!full && (
            <Button block fill="none" color="primary" onClick={() => nav('/feed')} {...tid('feed-all')}>
              {t('feed.more')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
