import type { api, RouteOutput } from '@linli/contracts';
import { Card, Space, Typography } from 'antd';
import { useDelibT } from '../../i18n/deliberation.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { VotePanel } from '../votes/VotePanel.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;

/**
 * 表决: when the vote opened and the decision, and the votes module's panel — the committee drafts, opens and
 * closes the proposal's vote there (ADR 11/12); others see it once there is one.
 */
export function ConsoleVote({ p }: { p: Detail }) {
  const { t } = useDelibT();
  const panel = p.abilities.vote || !!p.voteId;
  if (!panel && !p.decidedAt) return null;
  return (
    <Card size="small" title={t('detail.vote')} {...tid('proposal-vote')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {p.votingAt && <div>{t('detail.voteOpenedAt', { at: formatTime(p.votingAt) })}</div>}
        {p.decidedAt && (
          <Typography.Text strong {...tid('proposal-decided')}>
            {t(`stage.${p.stage}`)} · {t('detail.decidedAt', { at: formatTime(p.decidedAt) })}
          </Typography.Text>
        )}
        {panel && <VotePanel communityId={p.communityId} proposalId={p.id} />}
      </Space>
    </Card>
  );
}
