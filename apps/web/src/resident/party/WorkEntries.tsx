import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import type { MeView } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';

const FIELD_ROLES = new Set(['grid_worker', 'committee_member', 'community_secretary']);

/** A grid worker's phone work: outreach visits, record checks and data collection tasks. */
export function WorkEntries({ me }: { me: MeView }) {
  const t = useAffT();
  const nav = useNavigate();
  if (!me.grants.some((g) => FIELD_ROLES.has(g.role))) return null;
  const items = [
    ['/outreach', 'work.outreach', 'me-outreach'],
    ['/campaign', 'work.campaign', 'me-campaign'],
    ['/form-tasks', 'work.forms', 'me-form-tasks'],
  ] as const;
  return (
    <List header={t('work.title')} className="card-gap">
      {items.map(([path, key, id]) => (
        <List.Item key={path} clickable onClick={() => nav(path)} {...tid(id)}>
          {t(key)}
        </List.Item>
      ))}
    </List>
  );
}
