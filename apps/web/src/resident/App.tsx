import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useIdleCheck, useSession } from '../shared/session.ts';
import {
  FeedPage,
  GuidePage,
  GuidesPage,
  NoticeListPage,
  NoticePage,
  PostFormPage,
  PostListPage,
  PostPage,
} from './boards/index.ts';
import { CasePage, MyCasesPage, PublicCasesPage, QrReportPage, ReportPage, TrackPage } from './cases/index.ts';
import { Frame } from './components/Frame.tsx';
import { LoadError, Loading } from './components/Loading.tsx';
import { HallPage, ProposalPage, ProposeFormPage } from './deliberation/index.ts';
import { FormTaskPage } from './forms/FormTaskPage.tsx';
import { FormTasksPage } from './forms/FormTasksPage.tsx';
import { HometownJoinPage } from './hometown/HometownJoinPage.tsx';
import { HometownPage } from './hometown/HometownPage.tsx';
import { CampaignListPage } from './outreach/CampaignListPage.tsx';
import { OutreachListPage } from './outreach/OutreachListPage.tsx';
import { ApplicationsPage } from './pages/ApplicationsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';
import { CheckInPage } from './party/CheckInPage.tsx';
import { PartyPage } from './party/PartyPage.tsx';
import { VotePage, VotesPage } from './votes/VotesPage.tsx';

/** Signed-in screens: sends visitors to sign in, and users with an initial password to change it. */
function RequireSession() {
  const { t } = useTranslation();
  const { me, loading, error, retry } = useSession();
  const { pathname } = useLocation();
  if (loading || error) {
    return (
      <Frame title={t('common.appName')}>{loading ? <Loading /> : <LoadError error={error} onRetry={retry} />}</Frame>
    );
  }
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (me.user.mustChangePassword && pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** `/`: the community home for members, a hometown member's village board, else the applications list. */
function Landing() {
  const { me } = useSession();
  const village = me?.grants.find((g) => g.role === 'hometown_member')?.nodeId;
  const to = me?.homeCommunityId ? '/home' : village ? `/hometown/${village}/board` : '/applications';
  return <Navigate to={to} replace />;
}

export function App() {
  const { i18n } = useTranslation();
  const { me } = useSession();
  useIdleCheck(me);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/join/:token" element={<JoinPage />} />
        <Route path="/r/:token" element={<QrReportPage />} />
        <Route path="/t/:key" element={<TrackPage />} />
        <Route path="/hometown/:id" element={<HometownJoinPage />} />
        <Route element={<RequireSession />}>
          <Route path="/" element={<Landing />} />
          <Route path="/home" element={<HomePage />} />
          <Route path="/applications" element={<ApplicationsPage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/report" element={<ReportPage />} />
          <Route path="/cases" element={<MyCasesPage />} />
          <Route path="/cases/public" element={<PublicCasesPage />} />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/password" element={<PasswordPage />} />
          <Route path="/notices" element={<NoticeListPage />} />
          <Route path="/notices/:id" element={<NoticePage />} />
          <Route path="/feed" element={<FeedPage />} />
          <Route path="/neighbours" element={<PostListPage />} />
          <Route path="/neighbours/new" element={<PostFormPage />} />
          <Route path="/posts/:id" element={<PostPage />} />
          <Route path="/guides" element={<GuidesPage />} />
          <Route path="/guides/:id" element={<GuidePage />} />
          <Route path="/outreach" element={<OutreachListPage />} />
          <Route path="/campaign" element={<CampaignListPage />} />
          <Route path="/form-tasks" element={<FormTasksPage />} />
          <Route path="/form-tasks/:id" element={<FormTaskPage />} />
          <Route path="/party" element={<PartyPage />} />
          <Route path="/party/checkin" element={<CheckInPage />} />
          <Route path="/hometown/:id/board" element={<HometownPage />} />
          <Route path="/hall" element={<HallPage />} />
          <Route path="/hall/new" element={<ProposeFormPage />} />
          <Route path="/proposals/:id" element={<ProposalPage />} />
          <Route path="/votes" element={<VotesPage />} />
          <Route path="/votes/:id" element={<VotePage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </ConfigProvider>
  );
}
