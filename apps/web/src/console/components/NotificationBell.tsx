import { App, Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
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

const BellIcon = () => (
  <svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" aria-hidden="true">
    <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
  </svg>
);

function Row({ n, onOpen }: { n: NotificationItem; onOpen: (n: NotificationItem) => void }) {
  const unread = !n.readAt;
  return (
    <button
      type="button"
      className="notification-row"
      onClick={() => onOpen(n)}
      style={{
        display: 'flex',
        gap: 8,
        width: '100%',
        padding: '8px 4px',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        background: 'none',
        textAlign: 'start',
        cursor: 'pointer',
      }}
      {...tid('notification-item')}
      data-kind={n.kind}
      data-read={unread ? 'false' : 'true'}
    >
      <Badge status={unread ? 'processing' : 'default'} style={{ visibility: unread ? 'visible' : 'hidden' }} />
      <span style={{ minWidth: 0 }}>
        <Typography.Text strong={unread} {...tid('notification-text')}>
          {n.text}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(n.at)}
        </Typography.Text>
      </span>
    </button>
  );
}

/** Header bell: unread badge (polled every 30 s); click for the latest notifications, click one to open it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const list = useNotifications({ limit: 10, enabled: open });
  const mark = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = count.data ?? 0;

  const onOpen = (n: NotificationItem) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
    setOpen(false);
    const target = linkTarget(n.link, 'console');
    if (target && 'route' in target) nav(target.route);
    else if (target) window.location.assign(target.href);
  };
  const markAll = () => mark.mutate({ all: true }, { onError: (e) => void message.error(errorText(e)) });

  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} {...tid('notification-panel')}>
      {list.isPending ? (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      ) : list.error ? (
        <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notifications.empty')}
          {...tid('notification-empty')}
        />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <Row key={n.id} n={n} onOpen={onOpen} />
          ))}
          {list.hasNextPage && (
            <Button
              type="link"
              block
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
              {...tid('notification-more')}
            >
              {t('notifications.loadMore')}
            </Button>
          )}
        </div>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('notifications.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            loading={mark.isPending}
            onClick={markAll}
            {...tid('notification-mark-all')}
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          size="small"
          icon={<BellIcon />}
          aria-label={t('notifications.bell')}
          {...tid('notification-bell')}
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}
