import { api } from '@linli/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, List } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { FeedRow } from '../boards/FeedRow.tsx';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

/** `/hometown/:id/board`: 乡愁乡音 — the village's affairs made public and what villagers far and near say. */
export function HometownPage() {
  const t = useAffT();
  const { t: tb } = useBoardsT();
  const id = useParams().id ?? '';
  const nav = useNavigate();
  const village = useQuery({
    queryKey: ['hometown', id],
    queryFn: () => call(api.affiliations.hometownInfo, { params: { id } }),
  });
  const affairs = useQuery({
    queryKey: ['notices', 'affairs', id],
    queryFn: () => call(api.notices.listNotices, { query: { category: 'affairs_public', limit: 5 } }),
  });
  const posts = useInfiniteQuery({
    queryKey: ['posts', id, 'hometown'],
    queryFn: ({ pageParam }) =>
      call(api.boards.listPosts, { params: { id }, query: { board: 'hometown', cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const villageAffairs = (affairs.data?.items ?? []).filter((n) => n.nodeId === id);
  return (
    <Frame title={village.data ? `${village.data.name} · ${t('hometown.title')}` : t('hometown.title')} backTo="/">
      <Card className="card-gap hometown-card" {...tid('hometown-intro')}>
        <p style={{ margin: 0 }}>{t('hometown.intro')}</p>
        <Button
          color="primary"
          style={{ marginTop: 12 }}
          onClick={() => nav(`/neighbours/new?board=hometown&community=${encodeURIComponent(id)}`)}
          {...tid('hometown-post')}
        >
          {t('hometown.post')}
        </Button>
      </Card>
      <List header={t('hometown.affairs')} className="card-gap" {...tid('hometown-affairs')}>
        {villageAffairs.length === 0 ? (
          <List.Item>{affairs.isPending ? <Loading /> : t('hometown.noAffairs')}</List.Item>
        ) : (
          villageAffairs.map((n) => (
            <List.Item
              key={n.id}
              clickable
              onClick={() => nav(`/notices/${n.id}`)}
              description={formatTime(n.publishedAt)}
              {...tid('hometown-affair')}
            >
              {n.title}
            </List.Item>
          ))
        )}
      </List>
      {posts.isPending ? (
        <Loading />
      ) : posts.error ? (
        <LoadError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('hometown.empty')} description="" />
      ) : (
        <List header={t('hometown.board')} className="card-gap" {...tid('hometown-posts')}>
          {items.map((p) => (
            <FeedRow key={p.id} item={{ type: 'post', at: p.createdAt, unread: false, post: p }} />
          ))}
        </List>
      )}
      {posts.hasNextPage && (
        <Button block loading={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
          {tb('notices.loadMore')}
        </Button>
      )}
    </Frame>
  );
}
