import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';

type Affiliation = RouteOutput<typeof api.affiliations.myAffiliations>['items'][number];
const COLOR = { pending: 'warning', approved: 'success', rejected: 'danger', withdrawn: 'default' } as const;

function AffiliationCard({ a }: { a: Affiliation }) {
  const t = useAffT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const withdraw = async () => {
    try {
      await call(api.affiliations.withdrawAffiliation, { params: { id: a.id }, body: { version: a.version } });
      await qc.invalidateQueries({ queryKey: ['my-affiliations'] });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e) });
    }
  };
  return (
    <Card
      className="card-gap"
      title={`${a.communityName} · ${a.kind === 'party' ? t('party.checkin') : t('hometown.title')}`}
      extra={
        <Tag color={COLOR[a.status]} {...tid('affiliation-status')}>
          {t(`review.status.${a.status}`)}
        </Tag>
      }
      {...tid('affiliation-item')}
      data-kind={a.kind}
      data-status={a.status}
    >
      <div className="muted">{formatTime(a.createdAt)}</div>
      {a.party && (
        <div>
          {a.party.dual ? t('review.dual') : t('review.residence')} · {a.party.partyOrg}
        </div>
      )}
      {a.hometown && <div>{a.hometown.livesIn}</div>}
      {a.reason && <div style={{ color: 'var(--adm-color-danger)' }}>{a.reason}</div>}
      {a.status === 'pending' && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => void withdraw()} {...tid('affiliation-withdraw')}>
          {t('checkin.withdraw')}
        </Button>
      )}
      {a.status === 'approved' && a.kind === 'hometown' && (
        <Button
          size="small"
          color="primary"
          style={{ marginTop: 8 }}
          onClick={() => nav(`/hometown/${a.communityId}/board`)}
          {...tid('affiliation-enter')}
        >
          {t('hometown.enter')}
        </Button>
      )}
    </Card>
  );
}

/** The caller's check-ins and hometown requests (nothing when there are none). */
export function MyAffiliations({ kind }: { kind?: Affiliation['kind'] }) {
  const q = useQuery({ queryKey: ['my-affiliations'], queryFn: () => call(api.affiliations.myAffiliations) });
  const items = (q.data?.items ?? []).filter((a) => !kind || a.kind === kind);
  if (items.length === 0) return null;
  return (
    <div {...tid('my-affiliations')}>
      {items.map((a) => (
        <AffiliationCard key={a.id} a={a} />
      ))}
    </div>
  );
}
