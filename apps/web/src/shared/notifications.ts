import { api, type RouteOutput } from '@linli/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from './api.ts';

export type NotificationItem = RouteOutput<typeof api.notifications.listNotifications>['items'][number];

/** How often the unread badge asks the server (only while the page is visible). */
export const UNREAD_POLL_MS = 30_000;

const KEY = ['notifications'] as const;
const COUNT_KEY = [...KEY, 'unread-count'] as const;

/** The caller's unread count for the bell and the "me" entry, polled every 30 s. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: COUNT_KEY,
    queryFn: () => call(api.notifications.unreadCount),
    select: (r) => r.count,
    refetchInterval: UNREAD_POLL_MS,
    enabled,
  });
}

/** The caller's notifications, newest first, a page at a time; `text` comes rendered in the current language. */
export function useNotifications(opts: { unread?: boolean; limit?: number; enabled?: boolean } = {}) {
  const { i18n } = useTranslation();
  const limit = opts.limit ?? 20;
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', i18n.language, !!opts.unread, limit],
    queryFn: ({ pageParam }) =>
      call(api.notifications.listNotifications, {
        query: { unread: opts.unread ? true : undefined, cursor: pageParam ?? undefined, limit },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: opts.enabled ?? true,
  });
}

/** Marks the given notifications (or all) read, then updates the badge and the lists. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => call(api.notifications.markRead, { body }),
    onSuccess: (r) => {
      qc.setQueryData(COUNT_KEY, { count: r.unread });
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

/**
 * Where a notification's link leads from one of the two apps: a client-side `route` inside this app, or an
 * `href` for a full page load into the other one (`/console/…` is the console, anything else the resident app).
 * Only same-origin paths are followed.
 */
export function linkTarget(link: string, app: 'console' | 'resident'): { route: string } | { href: string } | null {
  if (!link.startsWith('/') || link.startsWith('//')) return null;
  const inConsole = link === '/console' || link.startsWith('/console/');
  if (app === 'console') return inConsole ? { route: link.slice('/console'.length) || '/' } : { href: link };
  return inConsole ? { href: link } : { route: link };
}
