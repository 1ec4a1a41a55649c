import './cases.css';

export { MyCasesPage, PublicCasesPage } from './CaseListPages.tsx';
export { CasePage } from './CasePage.tsx';
export { HomeCasesCard } from './HomeCasesCard.tsx';
export { QrReportPage } from './QrReportPage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { TrackPage } from './TrackPage.tsx';
