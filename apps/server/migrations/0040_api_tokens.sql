-- API tokens of external systems (docs/adr/0010-open-platform.md). District-level configuration, not
-- community-owned data: a small table keyed by its own id. Only the SHA-256 of the secret is stored.
CREATE TABLE api_token (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  node_id         bigint NOT NULL REFERENCES org_node (id),
  node_path       text COLLATE "C" NOT NULL,
  scopes          text[] NOT NULL,
  token_hash      text NOT NULL UNIQUE,
  prefix          text NOT NULL,
  rate_per_minute int NOT NULL CHECK (rate_per_minute > 0),
  expires_at      timestamptz,
  revoked_at      timestamptz,
  last_used_at    timestamptz,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX api_token_path ON api_token (node_path text_pattern_ops);

-- Per-token rate limit: requests counted per minute window (kept small by the window key).
CREATE TABLE api_token_usage (
  token_id  uuid NOT NULL REFERENCES api_token (id),
  window_at timestamptz NOT NULL,
  count     int NOT NULL,
  PRIMARY KEY (token_id, window_at)
);

-- Cases may now arrive from external systems through Open311 GeoReport v2.
ALTER TABLE case_record DROP CONSTRAINT case_record_source_check;
ALTER TABLE case_record ADD CONSTRAINT case_record_source_check
  CHECK (source IN ('app', 'qr', 'patrol', 'phone', 'visit', 'hotline', 'open311'));
