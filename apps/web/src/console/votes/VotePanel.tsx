import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { useVoteT } from '../../i18n/votes.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { VoteForm } from './VoteForm.tsx';
import { VoteManage } from './VoteManage.tsx';

/**
 * A proposal's vote in the console: the committee drafts it (question, options, electorate, rules,
 * thresholds, deadline), opens it, watches turnout, closes it and sees the result.
 */
export function VotePanel(props: { communityId: string; proposalId: string }) {
  const { t } = useVoteT();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['votes', props.communityId, props.proposalId],
    queryFn: () =>
      call(api.votes.listVotes, { params: { id: props.communityId }, query: { proposalId: props.proposalId } }),
  });
  if (q.isPending) return <Card loading />;
  if (q.error) return <Alert type="error" message={errorText(q.error)} />;
  const latest = q.data.items[0];
  if (latest) return <VoteManage id={latest.id} />;
  return (
    <Card size="small" title={t('createForProposal')} {...tid('vote-panel-create')}>
      <VoteForm
        communityId={props.communityId}
        proposalId={props.proposalId}
        onCreated={() => void qc.invalidateQueries({ queryKey: ['votes', props.communityId, props.proposalId] })}
      />
    </Card>
  );
}
