import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, ErrorBlock, List, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useVoteT } from '../../i18n/votes.ts';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { BallotCard } from './BallotCard.tsx';

/** `/votes`: the votes of the resident's community, open ones first. */
export function VotesPage() {
  const { t } = useVoteT();
  const { me } = useSession();
  const nav = useNavigate();
  const id = me?.homeCommunityId ?? '';
  const q = useQuery({
    queryKey: ['votes', id],
    queryFn: () => call(api.votes.listVotes, { params: { id } }),
    enabled: !!id,
  });
  let body: ReactNode;
  if (q.isPending) body = <Loading />;
  else if (q.error) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else if (q.data.items.length === 0) body = <ErrorBlock status="empty" title={t('empty')} description="" />;
  else {
    const items = [...q.data.items].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
    body = (
      <List {...tid('votes-list')}>
        {items.map((v) => (
          <List.Item
            key={v.id}
            onClick={() => nav(`/votes/${v.id}`)}
            description={`${t('info.deadline', { at: formatTime(v.deadline) })} · ${t('info.votedOf', { voted: v.voted, n: v.electors })}`}
            extra={
              <Tag color={v.status === 'open' ? (v.myVoted ? 'success' : 'primary') : 'default'}>
                {v.status === 'open' && v.myVoted ? t('ballot.votedTag') : t(`status.${v.status}`)}
              </Tag>
            }
            {...tid('votes-item')}
            data-title={v.title}
          >
            {v.title}
          </List.Item>
        ))}
      </List>
    );
  }
  return (
    <Frame title={t('title')} backTo="/home">
      {body}
    </Frame>
  );
}

/** `/votes/:id`: the ballot page. */
export function VotePage() {
  const { t } = useVoteT();
  const { id = '' } = useParams();
  return (
    <Frame title={t('title')} backTo="/votes">
      <BallotCard id={id} />
    </Frame>
  );
}

/** The votes' entry on the resident home. */
export function VotesCard() {
  const { t } = useVoteT();
  const nav = useNavigate();
  return (
    <Card className="card-gap" title={t('title')} onClick={() => nav('/votes')} {...tid('home-votes')}>
      <div className="muted">{t('hint')}</div>
    </Card>
  );
}
