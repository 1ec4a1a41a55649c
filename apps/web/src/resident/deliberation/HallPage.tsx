import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, List, SearchBar, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { currentStep, useDelibT } from '../../i18n/deliberation.ts';
import { call } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { CovenantCard } from './CovenantCard.tsx';

function Proposals({ communityId }: { communityId: string }) {
  const { t } = useDelibT();
  const nav = useNavigate();
  const q = useQuery({
    queryKey: ['proposals', communityId],
    queryFn: () => call(api.deliberation.listProposals, { params: { id: communityId } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <ErrorBlock status="empty" title={t('empty')} description="" />;
  return (
    <List {...tid('proposal-list')}>
      {q.data.items.map((p) => (
        <List.Item
          key={p.id}
          onClick={() => nav(`/proposals/${p.id}`)}
          description={`${p.proposerLabel} · ${formatTime(p.createdAt)} · ${t(`step.${currentStep(p.chain).step}`)}`}
          extra={
            <Tag color={p.stage === 'rejected' || p.stage === 'not_adopted' ? 'default' : 'primary'}>
              {t(`stage.${p.stage}`)}
            </Tag>
          }
          {...tid('proposal-item')}
          data-title={p.title}
        >
          {p.title}
        </List.Item>
      ))}
    </List>
  );
}

function Covenants({ communityId }: { communityId: string }) {
  const { t } = useDelibT();
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['covenants', communityId, q],
    queryFn: () => call(api.deliberation.listCovenants, { params: { id: communityId }, query: q ? { q } : {} }),
  });
  return (
    <>
      <div style={{ padding: '8px 12px' }}>
        <SearchBar
          placeholder={t('covenant.search')}
          onSearch={setQ}
          onClear={() => setQ('')}
          {...tid('covenant-search')}
        />
      </div>
      {res.isPending ? (
        <Loading />
      ) : res.error ? (
        <LoadError error={res.error} onRetry={() => void res.refetch()} />
      ) : res.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('noCovenants')} description="" />
      ) : (
        res.data.items.map((c) => <CovenantCard key={c.id} c={c} onChange={() => void res.refetch()} />)
      )}
    </>
  );
}

/** `/hall`: the community's proposals and covenants (议事厅). */
export function HallPage() {
  const { t } = useDelibT();
  const { me } = useSession();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const id = me?.homeCommunityId ?? '';
  return (
    <Frame title={t('title')} backTo="/home">
      <Tabs
        activeKey={params.get('tab') === 'covenants' ? 'covenants' : 'proposals'}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
      >
        <Tabs.Tab title={<span {...tid('hall-tab-proposals')}>{t('proposals')}</span>} key="proposals">
          <Button block color="primary" onClick={() => nav('/hall/new')} {...tid('hall-propose')}>
            {t('propose')}
          </Button>
          {id && <Proposals communityId={id} />}
        </Tabs.Tab>
        <Tabs.Tab title={<span {...tid('hall-tab-covenants')}>{t('covenants')}</span>} key="covenants">
          {id && <Covenants communityId={id} />}
        </Tabs.Tab>
      </Tabs>
    </Frame>
  );
}

/** The hall's entry on the resident home. */
export function HallCard() {
  const { t } = useDelibT();
  const nav = useNavigate();
  return (
    <Card className="card-gap" title={t('title')} onClick={() => nav('/hall')} {...tid('home-hall')}>
      <div className="muted">{t('hallHint')}</div>
    </Card>
  );
}
