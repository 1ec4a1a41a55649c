import type { api, RouteOutput } from '@linli/contracts';
import { Button, List, Popup } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { StatusTag } from './StatusTag.tsx';

export type Duplicate = RouteOutput<typeof api.cases.duplicateSuggestions>['items'][number];

interface Props {
  items: readonly Duplicate[] | null;
  onOpen: (id: string) => void;
  onContinue: () => void;
  onClose: () => void;
  busy: boolean;
}

/** "附近已有类似诉求": open one of them instead, or send mine anyway. */
export function DuplicatesPopup({ items, onOpen, onContinue, onClose, busy }: Props) {
  const { t } = useTranslation();
  return (
    <Popup visible={!!items?.length} onMaskClick={onClose} bodyStyle={{ maxHeight: '80vh', overflowY: 'auto' }}>
      <div className="popup-body" {...tid('report-duplicates')}>
        <h3 className="popup-title">{t('casesResident.duplicates.title')}</h3>
        <div className="muted">{t('casesResident.duplicates.hint')}</div>
        <List>
          {(items ?? []).map((d) => (
            <List.Item
              key={d.id}
              onClick={() => onOpen(d.id)}
              description={
                <>
                  {d.placeName} · {formatTime(d.createdAt)}
                  {d.distanceM !== null &&
                    ` · ${t('casesResident.duplicates.distance', { m: Math.round(d.distanceM) })}`}
                </>
              }
              extra={<StatusTag status={d.status} testId="report-duplicate-status" />}
              arrowIcon
              {...tid('report-duplicate-item')}
            >
              <span {...tid('report-duplicate-open')}>{d.title || d.categoryName}</span>
            </List.Item>
          ))}
        </List>
        <Button
          block
          color="primary"
          size="large"
          loading={busy}
          onClick={onContinue}
          {...tid('report-duplicate-continue')}
        >
          {t('casesResident.duplicates.continue')}
        </Button>
        <Button block fill="none" onClick={onClose} style={{ marginTop: 4 }} {...tid('report-duplicate-back')}>
          {t('casesResident.duplicates.back')}
        </Button>
      </div>
    </Popup>
  );
}
