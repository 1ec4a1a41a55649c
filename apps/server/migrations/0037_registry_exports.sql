-- Registry exports (ADR 0009): a request to export the people of an area, decided by a higher role over it;
-- the approval lets the requester download until `expires_at`. Like outreach_policy, keyed by the request
-- (an area may be a street or the district), found by the path of its node.
CREATE TABLE registry_export (
  id              uuid PRIMARY KEY,
  node_id         bigint NOT NULL REFERENCES org_node (id),
  node_path       text COLLATE "C" NOT NULL,
  columns         text[] NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 4 AND 200),
  requested_by    uuid NOT NULL REFERENCES app_user (id),
  requested_by_name text NOT NULL,
  requested_at    timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by      uuid REFERENCES app_user (id),
  decided_by_name text,
  decided_at      timestamptz,
  note            text,
  expires_at      timestamptz,
  downloads       int NOT NULL DEFAULT 0,
  version         int NOT NULL DEFAULT 1,
  -- Nobody decides their own request.
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX registry_export_requester ON registry_export (requested_by, requested_at DESC);
CREATE INDEX registry_export_path ON registry_export (node_path, requested_at DESC);
