-- Platform tables: audit log (append-only) and the transactional outbox of domain events.

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_name  text,
  actor_role  text,
  node_id     bigint,
  -- The org path the entry belongs to; scoped reads filter on it like any other listing.
  node_path   text COLLATE "C",
  action      text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  ip          text,
  request_id  text,
  detail      jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_node_path ON audit_log (node_path);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);

-- Append-only: updates are always refused; deletes only by the retention job, which sets
-- linli.audit_retention for its own transaction.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('linli.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic        text NOT NULL,
  payload      jsonb NOT NULL,
  community_id bigint,
  created_at   timestamptz NOT NULL,
  published_at timestamptz,
  attempts     int NOT NULL DEFAULT 0,
  -- A failed delivery is retried after an exponential backoff.
  available_at timestamptz NOT NULL,
  last_error   text
);
CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE published_at IS NULL;
