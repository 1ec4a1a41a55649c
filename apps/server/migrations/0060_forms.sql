-- Data collection forms (一键采集/减表): docs/adr/0015-data-collection-forms.md.
-- Forms belong to the requester (a street, department or the district), not to a community; tasks are
-- community-owned rows (community_id first in the key) so they distribute with the community's data.
CREATE TABLE form (
  id              uuid PRIMARY KEY,
  owner_node_id   bigint NOT NULL REFERENCES org_node (id),
  owner_path      text NOT NULL,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  -- The requester's name as it was (the district's ranking names requesters without reading accounts).
  created_by_name text NOT NULL,
  title           text NOT NULL,
  current_version int NOT NULL DEFAULT 1,
  version         int NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX form_created_by ON form (created_by, created_at DESC);
CREATE INDEX form_owner_path ON form (owner_path text_pattern_ops);

-- One row per version; a version once sent is never changed (answers keep pointing at it).
CREATE TABLE form_version (
  form_id     uuid NOT NULL REFERENCES form (id),
  version_no  int NOT NULL,
  fields      jsonb NOT NULL,
  -- Hash of the canonical field definitions (keys, types, options, bindings): "the same form".
  fingerprint text NOT NULL,
  sent        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (form_id, version_no)
);

CREATE TABLE form_send (
  id         uuid PRIMARY KEY,
  form_id    uuid NOT NULL REFERENCES form (id),
  version_no int NOT NULL,
  deadline   timestamptz NOT NULL,
  sent_by    uuid NOT NULL REFERENCES app_user (id),
  sent_at    timestamptz NOT NULL,
  FOREIGN KEY (form_id, version_no) REFERENCES form_version (form_id, version_no)
);

CREATE TABLE form_task (
  community_id   bigint NOT NULL REFERENCES org_node (id),
  id             uuid NOT NULL,
  send_id        uuid NOT NULL REFERENCES form_send (id),
  form_id        uuid NOT NULL REFERENCES form (id),
  version_no     int NOT NULL,
  fingerprint    text NOT NULL,
  requester_id   uuid NOT NULL REFERENCES app_user (id),
  target_node_id bigint NOT NULL REFERENCES org_node (id),
  target_path    text NOT NULL,
  deadline       timestamptz NOT NULL,
  -- open → submitted → (reopened → submitted); 'registry' = answered from the registry at send time.
  status         text NOT NULL CHECK (status IN ('open', 'submitted', 'reopened', 'registry')),
  prefill        jsonb NOT NULL DEFAULT '{}',
  answers        jsonb NOT NULL DEFAULT '{}',
  corrections    jsonb NOT NULL DEFAULT '[]',
  version        int NOT NULL DEFAULT 1,
  submitted_at   timestamptz,
  submitted_by   uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, send_id, target_node_id)
);
CREATE INDEX form_task_target ON form_task (target_path text_pattern_ops, status);
CREATE INDEX form_task_form ON form_task (form_id, community_id);
-- The duplicate refusal looks up open tasks of a fingerprint at a target.
CREATE INDEX form_task_fingerprint ON form_task (community_id, target_node_id, fingerprint) WHERE status IN ('open', 'reopened');

-- A refused identical send, kept (committed with the 409) so the burden meter can count duplicates avoided.
CREATE TABLE form_duplicate_refusal (
  id           uuid PRIMARY KEY,
  form_id      uuid NOT NULL REFERENCES form (id),
  target_node_id bigint NOT NULL REFERENCES org_node (id),
  requester_id uuid NOT NULL REFERENCES app_user (id),
  refused_at   timestamptz NOT NULL
);
CREATE INDEX form_duplicate_refusal_form ON form_duplicate_refusal (form_id);
