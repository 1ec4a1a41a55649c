import type { api, RouteOutput } from '@linli/contracts';
import { Badge, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { PartyBadge } from '../party/PartyBadge.tsx';
import { NoticeTags } from './NoticeTags.tsx';

export type FeedItem = RouteOutput<typeof api.boards.communityFeed>['items'][number];

/** One line of the home feed: a notice (with its level and flags) or a neighbour's post. */
export function FeedRow({ item }: { item: FeedItem }) {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const dot = item.unread ? <Badge content={Badge.dot} aria-label={t('notices.unread')} /> : null;
  if (item.type === 'notice') {
    const n = item.notice;
    return (
      <List.Item
        clickable
        prefix={dot}
        onClick={() => nav(`/notices/${n.id}`)}
        description={
          <>
            <NoticeTags n={n} />
            <div className="muted">
              {n.nodeName} · {formatTime(n.publishedAt)}
            </div>
          </>
        }
        {...tid('feed-item')}
        data-type="notice"
        data-id={n.id}
        data-unread={String(item.unread)}
      >
        <span style={{ fontWeight: item.unread ? 600 : 400 }}>{n.title}</span>
      </List.Item>
    );
  }
  const p = item.post;
  return (
    <List.Item
      clickable
      prefix={dot}
      onClick={() => nav(`/posts/${p.id}`)}
      description={
        <>
          <span className="notice-tags">
            <Tag color="primary" fill="outline">
              {t(`posts.board.${p.board}`)}
            </Tag>
            {p.board !== 'party' && p.board !== 'hometown' && <Tag fill="outline">{t(`posts.stage.${p.stage}`)}</Tag>}
          </span>
          <div className="muted">
            {p.authorLabel}
            <PartyBadge show={p.partyBadge} /> · {formatTime(p.createdAt)} · {t('posts.comments')} {p.commentCount} ·{' '}
            {t('posts.like')} {p.likeCount}
          </div>
        </>
      }
      {...tid('feed-item')}
      data-type="post"
      data-id={p.id}
      data-unread={String(item.unread)}
    >
      <span style={{ fontWeight: item.unread ? 600 : 400 }}>{p.title}</span>
    </List.Item>
  );
}
