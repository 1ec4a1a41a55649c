export { FeedPage } from './FeedPage.tsx';
export { HomeFeed } from './HomeFeed.tsx';
export { NoticeListPage } from './NoticeListPage.tsx';
export { NoticePage } from './NoticePage.tsx';
export { PostFormPage } from './PostFormPage.tsx';
export { PostListPage } from './PostListPage.tsx';
export { PostPage } from './PostPage.tsx';
