-- Notifications: the in-app notification centre (console bell, resident 消息 page) and the outbound message
-- outbox an SMS/WeChat gateway adapter drains. Both are written in the transaction of the change they report.

-- Keyed by user first: a user's notifications stay together (Citus: distribute by user_id). `kind` and
-- `params` are rendered into a sentence at read time, in the reader's language.
CREATE TABLE notification (
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  at           timestamptz NOT NULL,
  kind         text NOT NULL,
  params       jsonb NOT NULL DEFAULT '{}',
  link         text NOT NULL,
  community_id bigint,
  read_at      timestamptz,
  PRIMARY KEY (user_id, id)
);
-- "Mine, newest first" and "my unread, newest first" (also counts the badge).
CREATE INDEX notification_mine ON notification (user_id, at DESC, id DESC);
CREATE INDEX notification_unread ON notification (user_id, at DESC, id DESC) WHERE read_at IS NULL;

-- Durable outbox of messages leaving Linli (SMS, WeChat). A drainer claims due rows with
-- FOR UPDATE SKIP LOCKED, sends them and marks them sent, or records the error and backs off.
CREATE TABLE outbound_message (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel      text NOT NULL CHECK (channel IN ('sms', 'wechat')),
  user_id      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  phone        text,
  template     text NOT NULL,
  params       jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  sent_at      timestamptz,
  attempts     int NOT NULL DEFAULT 0,
  last_error   text
);
CREATE INDEX outbound_message_due ON outbound_message (available_at, id) WHERE sent_at IS NULL;
