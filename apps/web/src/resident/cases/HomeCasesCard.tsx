import { Button, Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { tid } from '../../shared/testid.ts';

/** On the community home: report a problem, my cases, and neighbours' public cases. */
export function HomeCasesCard() {
  const { t } = useTranslation();
  const nav = useNavigate();
  return (
    <Card className="card-gap" title={t('casesResident.home.title')} {...tid('home-cases')}>
      <Button block color="primary" size="large" onClick={() => nav('/report')} {...tid('home-report')}>
        {t('casesResident.home.report')}
      </Button>
      <div className="muted" style={{ margin: '6px 0 10px' }}>
        {t('casesResident.home.reportHint')}
      </div>
      <div className="case-actions-row" style={{ marginBottom: 0 }}>
        <Button block onClick={() => nav('/cases')} {...tid('home-my-cases')}>
          {t('casesResident.home.mine')}
        </Button>
        <Button block onClick={() => nav('/cases/public')} {...tid('home-public-cases')}>
          {t('casesResident.home.public')}
        </Button>
      </div>
    </Card>
  );
}
