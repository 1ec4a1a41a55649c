/** The notification centre (key `notifications`): console bell and resident page. `notifications.en.ts` has the same keys. */
const notifications = {
  title: '消息通知',
  bell: '消息通知',
  markAllRead: '全部已读',
  empty: '暂无通知',
  loadMore: '加载更多',
  unread: '未读',
};

export default notifications;
export type NotificationsMessages = typeof notifications;
