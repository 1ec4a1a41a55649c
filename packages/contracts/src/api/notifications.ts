import Type from 'typebox';
import { IsoTime, NodeId } from './common.ts';
import { defineRoute } from './route.ts';

/** What a notification is about; the server renders each into a sentence in the reader's language. */
export const NOTIFICATION_KINDS = [
  'case.created',
  'case.accepted',
  'case.resolved',
  'case.closed',
  'case.returned',
  'case.dispatched',
  'case.sent_back',
  'case.escalated',
  'case.urged',
  'case.sla_yellow',
  'case.sla_red',
  'case.auto_escalated',
  'case.summoned',
  'case.reopened',
  'case.rated',
  'case.merged',
  'case.needs_check',
  'notice.must_read',
  'board.replied',
  'board.commented',
  'deliberation.screened',
  'deliberation.progress',
  'party.checkin_decided',
  'hometown.member_decided',
  'outreach.assigned',
  'registry.transfer_incoming',
  'registry.transfer_decided',
  'registry.resident_moved',
  'registry.export_requested',
  'registry.export_decided',
  'form.assigned',
  'form.reminder',
  'form.urged',
  'form.overdue',
  'form.corrections',
  'form.reopened',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Values filled into the sentence, e.g. `{ no: '2026112400012', category: '漏水渗水', categoryEn: 'Leaks',
 * place: '银杏社区 3号楼', due: '2026-11-26T17:30:00+08:00' }`.
 */
export const NotificationParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

const NotificationId = Type.String({ pattern: '^[0-9]{1,18}$' });

export const Notification = Type.Object({
  id: NotificationId,
  /** One of NOTIFICATION_KINDS (a newer server may send kinds an older client does not know). */
  kind: Type.String(),
  params: NotificationParams,
  /** Site path to open: `/console/…` in the console, anything else in the resident app. */
  link: Type.String(),
  communityId: Type.Union([NodeId, Type.Null()]),
  at: IsoTime,
  readAt: Type.Union([IsoTime, Type.Null()]),
  /** The sentence, rendered by the server in the request's language (Accept-Language). */
  text: Type.String(),
});

export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const listNotifications = defineRoute({
  method: 'GET',
  url: '/api/notifications',
  access: { auth: 'authenticated' },
  summary: "The caller's own notifications, newest first (`unread=true`: only unread ones)",
  tags: ['notifications'],
  querystring: Type.Object({
    unread: Type.Optional(Type.Boolean()),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}\\.[0-9]{1,18}$', maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  }),
  response: NotificationPage,
});

export const unreadCount = defineRoute({
  method: 'GET',
  url: '/api/notifications/unread-count',
  access: { auth: 'authenticated' },
  summary: "How many of the caller's notifications are unread (capped at 1000)",
  tags: ['notifications'],
  response: Type.Object({ count: Type.Integer() }),
});

export const markRead = defineRoute({
  method: 'POST',
  url: '/api/notifications/read',
  access: { auth: 'authenticated' },
  summary: "Mark the caller's notifications read: the given `ids`, or `all`. Others' ids are ignored.",
  tags: ['notifications'],
  body: Type.Object(
    {
      ids: Type.Optional(Type.Array(NotificationId, { maxItems: 200 })),
      all: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    /** How many notifications this call marked read. */
    updated: Type.Integer(),
    /** Unread notifications left (capped at 1000). */
    unread: Type.Integer(),
  }),
});
