import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd-mobile';
import { useVoteT } from '../../i18n/votes.ts';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { BallotCard } from './BallotCard.tsx';

/** A proposal's vote for a resident: cast or change the ballot, keep and check the receipt, see the result. */
export function VotePanel(props: { communityId: string; proposalId: string }) {
  const { t } = useVoteT();
  const q = useQuery({
    queryKey: ['votes', props.communityId, props.proposalId],
    queryFn: () =>
      call(api.votes.listVotes, { params: { id: props.communityId }, query: { proposalId: props.proposalId } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const latest = q.data.items[0];
  if (!latest)
    return (
      <Card className="card-gap" {...tid('vote-panel-none')}>
        <div className="muted">{t('none')}</div>
      </Card>
    );
  return <BallotCard id={latest.id} />;
}
