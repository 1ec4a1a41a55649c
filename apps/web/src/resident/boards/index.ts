export { NoticeListPage } from './NoticeListPage.tsx';
export { NoticePage } from './NoticePage.tsx';
