import type { api, RouteOutput } from '@linli/contracts';
import { Card } from 'antd-mobile';
import { useDelibT } from '../../i18n/deliberation.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { VotePanel } from '../votes/VotePanel.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;

/** 表决: when the vote opened and the decision, and the votes module's ballot, receipt and result. */
export function VoteSection({ p }: { p: Detail }) {
  const { t } = useDelibT();
  const decidedWithoutVote = !p.voteId && !!p.decidedAt;
  return (
    <>
      {(p.votingAt || p.decidedAt) && (
        <Card className="card-gap" title={t('detail.vote')} {...tid('proposal-vote')}>
          {p.votingAt && <div className="muted">{t('detail.voteOpenedAt', { at: formatTime(p.votingAt) })}</div>}
          {p.decidedAt && (
            <div {...tid('proposal-decided')}>
              {t(`stage.${p.stage}`)} · {t('detail.decidedAt', { at: formatTime(p.decidedAt) })}
            </div>
          )}
        </Card>
      )}
      {!decidedWithoutVote && <VotePanel communityId={p.communityId} proposalId={p.id} />}
    </>
  );
}
