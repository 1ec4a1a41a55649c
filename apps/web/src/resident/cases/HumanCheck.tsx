import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

/** The server's arithmetic question, drawn as an SVG; shown as an image (never injected as markup). */
export function HumanCheck({
  svg,
  onRefresh,
  refreshing,
}: {
  svg: string;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="human-check">
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt={t('casesResident.qr.checkAlt')}
        width={170}
        height={56}
        {...tid('qr-check-image')}
      />
      <Button
        size="small"
        fill="none"
        color="primary"
        loading={refreshing}
        onClick={onRefresh}
        {...tid('qr-check-refresh')}
      >
        {t('casesResident.qr.checkRefresh')}
      </Button>
    </div>
  );
}
