import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { errorText } from '../shared/api.ts';
import { useIdleCheck, useSession } from '../shared/session.ts';
import { tid } from '../shared/testid.ts';
import { ActingProvider, consoleGrants } from './acting.tsx';
import { AffiliationsPage } from './affiliations/AffiliationsPage.tsx';
import { GuidesPage } from './boards/GuidesPage.tsx';
import { ModerationPage } from './boards/ModerationPage.tsx';
import { NoticesPage } from './boards/NoticesPage.tsx';
import { CaseDetailPage } from './cases/CaseDetailPage.tsx';
import { CaseLinkPage } from './cases/CaseLinkPage.tsx';
import { CaseMapPage } from './cases/CaseMapPage.tsx';
import { ImportPage } from './cases/ImportPage.tsx';
import { InboxPage } from './cases/InboxPage.tsx';
import { BurdenRankingPage } from './collection/BurdenRankingPage.tsx';
import { CorrectionsPage } from './collection/CorrectionsPage.tsx';
import { FormsPage } from './collection/FormsPage.tsx';
import { Shell } from './components/Shell.tsx';
import { DeliberationPage } from './deliberation/DeliberationPage.tsx';
import { ProposalDetailPage } from './deliberation/ProposalDetailPage.tsx';
import { DeveloperPage } from './developer/DeveloperPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { CategoriesPage } from './pages/CategoriesPage.tsx';
import { JoinLinkPage } from './pages/JoinLinkPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { OrgPage } from './pages/OrgPage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { ExportsPage as RegistryExportsPage } from './registry/ExportsPage.tsx';
import { ImportPage as RegistryImportPage } from './registry/ImportPage.tsx';
import { OutreachPage } from './registry/OutreachPage.tsx';
import { PlacesPage } from './registry/PlacesPage.tsx';
import { RegistryPage } from './registry/RegistryPage.tsx';
import { TagsPage } from './registry/TagsPage.tsx';
import { VoteDetailPage, VotesPage } from './votes/VotesPage.tsx';

/** Signed-in staff only: sign-in when signed out, forced password change, "no access" for residents. */
function RequireStaff() {
  const { t } = useTranslation();
  const { me, loading, error, retry, signOut } = useSession();
  const { pathname } = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (error) {
    return (
      <Result
        status="error"
        title={errorText(error)}
        extra={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (me.user.mustChangePassword) return <PasswordPage />;
  if (consoleGrants(me).length === 0) {
    return (
      <Result
        status="403"
        title={t('console.noAccess')}
        extra={[
          <Button key="home" type="primary" href="/" {...tid('go-resident')}>
            {t('console.residentApp')}
          </Button>,
          <Button key="out" onClick={() => void signOut()} {...tid('sign-out')}>
            {t('common.signOut')}
          </Button>,
        ]}
        {...tid('console-no-access')}
      />
    );
  }
  return (
    <ActingProvider me={me}>
      <Shell />
    </ActingProvider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const { me } = useSession();
  useIdleCheck(me);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireStaff />}>
            <Route path="/cases" element={<InboxPage />} />
            <Route path="/cases/:id" element={<CaseDetailPage />} />
            <Route path="/case-link" element={<CaseLinkPage />} />
            <Route path="/case-import" element={<ImportPage />} />
            <Route path="/case-map" element={<CaseMapPage />} />
            <Route path="/review" element={<ReviewPage />} />
            <Route path="/join-link" element={<JoinLinkPage />} />
            <Route path="/org" element={<OrgPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/categories" element={<CategoriesPage />} />
            <Route path="/calendar" element={<CalendarPage />} />
            <Route path="/notices" element={<NoticesPage />} />
            <Route path="/boards" element={<ModerationPage />} />
            <Route path="/affiliations" element={<AffiliationsPage />} />
            <Route path="/guides" element={<GuidesPage />} />
            <Route path="/registry" element={<RegistryPage />} />
            <Route path="/outreach" element={<OutreachPage />} />
            <Route path="/places" element={<PlacesPage />} />
            <Route path="/registry/tags" element={<TagsPage />} />
            <Route path="/registry/import" element={<RegistryImportPage />} />
            <Route path="/registry/exports" element={<RegistryExportsPage />} />
            <Route path="/developer" element={<DeveloperPage />} />
            <Route path="/deliberation" element={<DeliberationPage />} />
            <Route path="/votes" element={<VotesPage />} />
            <Route path="/collection" element={<FormsPage />} />
            <Route path="/form-corrections" element={<CorrectionsPage />} />
            <Route path="/form-burden" element={<BurdenRankingPage />} />
            <Route path="/votes/:id" element={<VoteDetailPage />} />
            <Route path="/deliberation/:id" element={<ProposalDetailPage />} />
            <Route path="*" element={null} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
