-- Webhook subscriptions and their delivery log (docs/adr/0010-open-platform.md). District-level
-- configuration keyed by its own id. The signing secret must be readable to sign, so it is kept encrypted
-- (AES-256-GCM, platform/crypto), never in clear.
CREATE TABLE webhook_subscription (
  id                   uuid PRIMARY KEY,
  name                 text NOT NULL,
  url                  text NOT NULL,
  secret_box           text NOT NULL,
  node_id              bigint NOT NULL REFERENCES org_node (id),
  node_path            text COLLATE "C" NOT NULL,
  events               text[] NOT NULL,
  active               boolean NOT NULL DEFAULT true,
  disabled_reason      text CHECK (disabled_reason IN ('failures', 'admin')),
  consecutive_failures int NOT NULL DEFAULT 0,
  created_by           uuid NOT NULL REFERENCES app_user (id),
  created_at           timestamptz NOT NULL,
  version              int NOT NULL DEFAULT 1
);
CREATE INDEX webhook_subscription_path ON webhook_subscription (node_path text_pattern_ops);

-- One row per (subscription, event): the outbox subscriber inserts it (idempotently), the delivery job
-- sends it with exponential backoff until it succeeds or runs out of attempts.
CREATE TABLE webhook_delivery (
  id              uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES webhook_subscription (id),
  event_id        text NOT NULL,
  event           text NOT NULL,
  case_no         text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_status     int,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL,
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at DESC);
