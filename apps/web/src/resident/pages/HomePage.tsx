import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, List } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../shared/api.ts';
import { useLabels } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { HomeFeed } from '../boards/index.ts';
import { HomeCasesCard } from '../cases/index.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { HallCard } from '../deliberation/index.ts';
import { BoardsCard } from '../party/BoardsCard.tsx';
import { VotesCard } from '../votes/VotesPage.tsx';

type Home = RouteOutput<typeof api.community.communityHome>;

function MyHome({ home }: { home: NonNullable<Home['myHome']> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Card className="card-gap" title={t('home.myHome')} {...tid('home-my-home')}>
      <div style={{ fontSize: 19 }} {...tid('home-address')}>
        {home.address}
      </div>
      {home.gridName && (
        <div className="muted">
          {t('home.grid')}
          {t('common.colon')}
          {home.gridName}
        </div>
      )}
      {home.householdMembers.length > 0 && (
        <List header={t('home.members')} style={{ '--border-top': 'none', marginTop: 8 }}>
          {home.householdMembers.map((m) => (
            <List.Item key={`${m.name}-${m.relation}`} extra={labels.relation(m.relation)} {...tid('home-member')}>
              {m.name}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Contacts({ contacts }: { contacts: Home['contacts'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (contacts.length === 0) return null;
  return (
    <List header={t('home.contacts')} className="card-gap" {...tid('home-contacts')}>
      {contacts.map((c) => (
        <List.Item
          key={`${c.role}-${c.phone}`}
          description={`${labels.role(c.role)} · ${c.area}`}
          extra={
            <a href={`tel:${c.phone}`} style={{ fontSize: 18 }} {...tid('home-contact-call')}>
              {t('home.call')} {c.phone}
            </a>
          }
          {...tid('home-contact')}
        >
          {c.name}
        </List.Item>
      ))}
    </List>
  );
}

function Stats({ stats }: { stats: Home['stats'] }) {
  const { t } = useTranslation();
  const items = [
    ['households', stats.households],
    ['verifiedResidents', stats.verifiedResidents],
    ['grids', stats.grids],
    ['buildings', stats.buildings],
  ] as const;
  return (
    <Card title={t('home.stats')} className="card-gap">
      <div className="stats">
        {items.map(([key, n]) => (
          <div key={key} {...tid(`home-stat-${key}`)}>
            <div className="stat-value">{n}</div>
            <div className="muted">{t(`home.${key}`)}</div>
          </div>
        ))}
      </div>
    </Card>
  );
}

/** `/home`: the resident's community: who it is, their home and household, whom to call, a few numbers. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const nav = useNavigate();
  const id = me?.homeCommunityId ?? null;
  const q = useQuery({
    queryKey: ['community-home', id],
    queryFn: () => call(api.community.communityHome, { params: { id: id ?? '' } }),
    enabled: !!id,
  });
  let body: ReactNode;
  if (!id) {
    body = (
      <ErrorBlock status="empty" title={t('home.notJoined')} description="" {...tid('home-not-joined')}>
        <Button color="primary" onClick={() => nav('/applications')}>
          {t('applications.title')}
        </Button>
      </ErrorBlock>
    );
  } else if (q.isPending) body = <Loading />;
  else if (q.error) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const { community } = q.data;
    body = (
      <>
        <Card className="card-gap">
          <h2 className="big-title" {...tid('home-community-name')}>
            {community.name}
          </h2>
          <div className="muted">
            {community.district} · {community.street}
          </div>
        </Card>
        <HomeFeed communityId={community.id} />
        <HomeCasesCard />
        <HallCard />
        <VotesCard />
        <BoardsCard community={community} />
        {q.data.myHome && <MyHome home={q.data.myHome} />}
        <Contacts contacts={q.data.contacts} />
        <Stats stats={q.data.stats} />
      </>
    );
  }
  return <Frame title={t('home.title')}>{body}</Frame>;
}
