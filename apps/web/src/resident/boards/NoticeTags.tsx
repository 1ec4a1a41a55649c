import { Tag } from 'antd-mobile';
import { useBoardsT } from '../../i18n/boards.ts';
import { tid } from '../../shared/testid.ts';

interface Flags {
  level: 'district' | 'street' | 'community' | 'grid';
  category: 'notice' | 'activity' | 'affairs_public' | 'work_result' | 'policy';
  pinned: boolean;
  mustRead: boolean;
  confirmed: boolean;
}

/** Level, category, pinned and must-read tags of a notice. */
export function NoticeTags({ n }: { n: Flags }) {
  const { t } = useBoardsT();
  return (
    <span className="notice-tags">
      {n.pinned && (
        <Tag color="danger" {...tid('notice-pinned')}>
          {t('notices.pinned')}
        </Tag>
      )}
      {n.mustRead && (
        <Tag color={n.confirmed ? 'success' : 'warning'} {...tid('notice-must-read')}>
          {n.confirmed ? t('notices.confirmed') : t('notices.mustRead')}
        </Tag>
      )}
      <Tag color="primary" fill="outline">
        {t(`notices.level.${n.level}`)}
      </Tag>
      <Tag fill="outline">{t(`notices.category.${n.category}`)}</Tag>
    </span>
  );
}
