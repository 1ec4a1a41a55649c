-- Real-name join. Community-owned tables carry community_id in every key (Citus-ready distribution column).

CREATE TABLE join_link (
  community_id bigint PRIMARY KEY REFERENCES org_node (id),
  token_version int NOT NULL,
  rotated_at   timestamptz NOT NULL,
  rotated_by   uuid REFERENCES app_user (id)
);

CREATE TABLE join_application (
  community_id    bigint NOT NULL REFERENCES org_node (id),
  id              uuid NOT NULL,
  user_id         uuid NOT NULL REFERENCES app_user (id),
  name            text NOT NULL,
  phone           text NOT NULL,
  id_cipher       text NOT NULL,
  id_blind        text NOT NULL,
  id_masked       text NOT NULL,
  sex             text NOT NULL,
  birth_date      text NOT NULL,
  address_node_id bigint REFERENCES org_node (id),
  address_text    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending','approved','rejected')),
  reason          text,
  decided_at      timestamptz,
  decided_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL,
  version         int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
-- One live application or membership per person per community; a rejected one may be retried.
CREATE UNIQUE INDEX join_application_one_per_person ON join_application (community_id, id_blind)
  WHERE status IN ('pending','approved');
CREATE INDEX join_application_queue ON join_application (community_id, status, created_at DESC);
CREATE INDEX join_application_id ON join_application (id);
CREATE INDEX join_application_user ON join_application (user_id);
