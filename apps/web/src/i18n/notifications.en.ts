import type { NotificationsMessages } from './notifications.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English for the notification centre (key `notifications`). */
const notifications: Strings<NotificationsMessages> = {
  title: 'Notifications',
  bell: 'Notifications',
  markAllRead: 'Mark all read',
  empty: 'No notifications',
  loadMore: 'Load more',
  unread: 'Unread',
};

export default notifications;
