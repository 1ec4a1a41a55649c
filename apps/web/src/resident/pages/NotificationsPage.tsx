import { Badge, Button, ErrorBlock, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import {
  linkTarget,
  type NotificationItem,
  useMarkRead,
  useNotifications,
  useUnreadCount,
} from '../../shared/notifications.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

/** The "消息通知" row on `/me`, with the unread count; opens `/notifications`. */
export function NotificationsEntry() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const count = useUnreadCount();
  return (
    <List.Item
      clickable
      onClick={() => nav('/notifications')}
      extra={count.data ? <Badge content={count.data > 99 ? '99+' : count.data} /> : null}
      {...tid('me-notifications')}
      data-unread={count.data ?? 0}
    >
      {t('notifications.title')}
    </List.Item>
  );
}

/** `/notifications`: the resident's notifications, newest first; tap one to open its page, or mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const list = useNotifications();
  const count = useUnreadCount();
  const mark = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: NotificationItem) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
    const target = linkTarget(n.link, 'resident');
    if (target && 'route' in target) nav(target.route);
    else if (target) window.location.assign(target.href);
  };
  const markAll = () =>
    mark.mutate({ all: true }, { onError: (e) => Toast.show({ content: errorText(e), icon: 'fail' }) });

  return (
    <Frame title={t('notifications.title')} backTo="/me">
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('notifications.empty')} description="" {...tid('notifications-empty')} />
      ) : (
        <>
          <Button
            block
            fill="outline"
            color="primary"
            disabled={!count.data}
            loading={mark.isPending}
            onClick={markAll}
            {...tid('notifications-mark-all')}
          >
            {t('notifications.markAllRead')}
          </Button>
          <List className="card-gap" style={{ marginTop: 12 }} {...tid('notifications-list')}>
            {items.map((n) => (
              <List.Item
                key={n.id}
                clickable
                onClick={() => open(n)}
                prefix={n.readAt ? null : <Badge content={Badge.dot} aria-label={t('notifications.unread')} />}
                description={formatTime(n.at)}
                {...tid('notification-item')}
                data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}
              >
                <span style={{ fontWeight: n.readAt ? 400 : 600 }} {...tid('notification-text')}>
                  {n.text}
                </span>
              </List.Item>
            ))}
          </List>
          {list.hasNextPage && (
            <Button
              block
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
              {...tid('notifications-more')}
            >
              {t('notifications.loadMore')}
            </Button>
          )}
        </>
      )}
    </Frame>
  );
}
