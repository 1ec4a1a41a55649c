import { api } from '@linli/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { FeedRow } from '../boards/FeedRow.tsx';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MyAffiliations } from './MyAffiliations.tsx';

/** `/party`: 党建园地 — study materials, party news and members' talk; check in; the member's status. */
export function PartyPage() {
  const t = useAffT();
  const { t: tb } = useBoardsT();
  const nav = useNavigate();
  const { me } = useSession();
  const id = me?.homeCommunityId ?? '';
  const isMember = !!me?.grants.some((g) => g.role === 'party_member' && g.nodeId === id);
  const mine = useQuery({ queryKey: ['my-affiliations'], queryFn: () => call(api.affiliations.myAffiliations) });
  const live = mine.data?.items.some(
    (a) => a.kind === 'party' && a.communityId === id && (a.status === 'pending' || a.status === 'approved'),
  );
  const list = useInfiniteQuery({
    queryKey: ['posts', id, 'party'],
    queryFn: ({ pageParam }) =>
      call(api.boards.listPosts, { params: { id }, query: { board: 'party', cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!id,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Frame title={t('party.title')} backTo="/home">
      <Card className="card-gap party-card" {...tid('party-intro')}>
        <p style={{ margin: 0 }}>{t('party.intro')}</p>
        <div style={{ display: 'flex', gap: 8, marginTop: 12, flexWrap: 'wrap' }}>
          {!live && !mine.isPending && (
            <Button color="danger" onClick={() => nav('/party/checkin')} {...tid('party-checkin')}>
              {t('party.checkin')}
            </Button>
          )}
          {isMember && (
            <Button
              color="danger"
              fill="outline"
              onClick={() => nav('/neighbours/new?board=party')}
              {...tid('party-post')}
            >
              {t('party.post')}
            </Button>
          )}
        </div>
      </Card>
      <MyAffiliations kind="party" />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('party.empty')} description="" />
      ) : (
        <List className="card-gap" {...tid('party-posts')}>
          {items.map((p) => (
            <FeedRow key={p.id} item={{ type: 'post', at: p.createdAt, unread: false, post: p }} />
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {tb('notices.loadMore')}
        </Button>
      )}
    </Frame>
  );
}
