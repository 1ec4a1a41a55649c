import { Tag } from 'antd-mobile';
import { useAffT } from '../../i18n/affiliations.ts';
import { tid } from '../../shared/testid.ts';

/** 亮身份: the red party badge an approved member chose to show on a post or comment. */
export function PartyBadge({ show }: { show: boolean }) {
  const t = useAffT();
  if (!show) return null;
  return (
    <Tag color="danger" fill="solid" style={{ marginLeft: 6 }} {...tid('party-badge')}>
      {t('party.badge')}
    </Tag>
  );
}
