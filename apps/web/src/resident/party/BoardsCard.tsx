import { Card, List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { tid } from '../../shared/testid.ts';

/** Home links to 党建园地 and, in a village, 乡愁乡音 (where villagers who moved away meet those at home). */
export function BoardsCard({ community }: { community: { id: string; kind: string } }) {
  const t = useAffT();
  const nav = useNavigate();
  return (
    <Card className="card-gap" bodyStyle={{ padding: 0 }}>
      <List style={{ '--border-top': 'none', '--border-bottom': 'none' }}>
        <List.Item clickable onClick={() => nav('/party')} description={t('party.intro')} {...tid('home-party')}>
          {t('party.title')}
        </List.Item>
        {community.kind === 'village' && (
          <List.Item
            clickable
            onClick={() => nav(`/hometown/${community.id}/board`)}
            description={t('hometown.intro')}
            {...tid('home-hometown')}
          >
            {t('hometown.title')}
          </List.Item>
        )}
      </List>
    </Card>
  );
}
