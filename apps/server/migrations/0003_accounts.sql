-- Accounts, sessions and role grants (roles are granted at an org node and cover its subtree).

CREATE TABLE app_user (
  id             uuid PRIMARY KEY,
  phone          text NOT NULL UNIQUE,
  name           text NOT NULL,
  password_hash  text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins  int NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  last_login_at  timestamptz,
  password_changed_at timestamptz NOT NULL,
  created_at     timestamptz NOT NULL
);

CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  idle_minutes int NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE role_grant (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role          text NOT NULL,
  node_id       bigint NOT NULL REFERENCES org_node (id),
  department_id bigint REFERENCES department (id),
  granted_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL,
  UNIQUE (user_id, role, node_id)
);
CREATE INDEX role_grant_node ON role_grant (node_id);
