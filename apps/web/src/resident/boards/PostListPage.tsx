import { api } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, CapsuleTabs, ErrorBlock, FloatingBubble, List } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { FeedRow } from './FeedRow.tsx';

type Board = (typeof api.boards.BOARDS)[number];

/** `/neighbours`: 左邻右舍 — 身边事, 互助 and 闲置 of the resident's community. */
export function PostListPage() {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const { me } = useSession();
  const id = me?.homeCommunityId ?? '';
  const [board, setBoard] = useState<Board | 'all'>('all');
  const list = useInfiniteQuery({
    queryKey: ['posts', id, board],
    queryFn: ({ pageParam }) =>
      call(api.boards.listPosts, {
        params: { id },
        query: { board: board === 'all' ? undefined : board, cursor: pageParam ?? undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!id,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Frame title={t('posts.title')} backTo="/home">
      <CapsuleTabs activeKey={board} onChange={(k) => setBoard(k as Board | 'all')}>
        <CapsuleTabs.Tab title={t('notices.all')} key="all" />
        {api.boards.BOARDS.map((b) => (
          <CapsuleTabs.Tab title={t(`posts.board.${b}`)} key={b} />
        ))}
      </CapsuleTabs>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('posts.empty')} description="" {...tid('posts-empty')} />
      ) : (
        <List className="card-gap" {...tid('post-list')}>
          {items.map((p) => (
            <FeedRow key={p.id} item={{ type: 'post', at: p.createdAt, unread: false, post: p }} />
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <Button
          block
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          {...tid('posts-more')}
        >
          {t('notices.loadMore')}
        </Button>
      )}
      <FloatingBubble
        style={{ '--initial-position-bottom': '88px', '--initial-position-right': '20px', '--size': '56px' }}
        onClick={() => nav(`/neighbours/new${board === 'all' ? '' : `?board=${board}`}`)}
      >
        <span {...tid('post-new')}>{t('posts.new')}</span>
      </FloatingBubble>
    </Frame>
  );
}
