import { api } from '@linli/contracts';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { CaseList } from './CaseList.tsx';

const PAGE = 20;

/** `/cases`: what I reported, newest first, with a big "report a problem" button on top. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const { me } = useSession();
  return (
    <Frame title={t('casesResident.list.mine')}>
      <div className="case-actions-row">
        <Button block color="primary" size="large" onClick={() => nav('/report')} {...tid('cases-new')}>
          {t('casesResident.report.title')}
        </Button>
        {me?.homeCommunityId && (
          <Button block size="large" onClick={() => nav('/cases/public')} {...tid('cases-go-public')}>
            {t('casesResident.list.public')}
          </Button>
        )}
      </div>
      <CaseList
        queryKey={['cases', 'mine']}
        fetchPage={(cursor) => call(api.cases.myCases, { query: { cursor, limit: PAGE } })}
        stem="cases"
        empty={t('casesResident.list.emptyMine')}
      />
    </Frame>
  );
}

/** `/cases/public`: neighbours' public cases in my community (no names, no door numbers). */
export function PublicCasesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const communityId = me?.homeCommunityId ?? undefined;
  return (
    <Frame title={t('casesResident.list.public')} backTo="/home">
      <div className="muted" style={{ margin: '0 4px 8px' }}>
        {t('casesResident.list.publicHint')}
      </div>
      <CaseList
        queryKey={['cases', 'public', communityId]}
        fetchPage={(cursor) => call(api.cases.publicCases, { query: { communityId, cursor, limit: PAGE } })}
        stem="public-cases"
        showPlace={false}
        empty={t('casesResident.list.emptyPublic')}
      />
    </Frame>
  );
}
