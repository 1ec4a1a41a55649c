-- Registry imports (居民信息导入): an uploaded residents spreadsheet, kept as a file named by its sha256 (like
-- 0013's hotline imports), and the outcome of its last real run.
CREATE TABLE registry_import (
  id           uuid PRIMARY KEY,
  uploaded_by  uuid NOT NULL REFERENCES app_user (id),
  file_hash    text NOT NULL,
  file_type    text NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
  row_count    int NOT NULL,
  headers      jsonb NOT NULL,
  community_id bigint REFERENCES org_node (id),
  result       jsonb,
  created_at   timestamptz NOT NULL,
  imported_at  timestamptz
);
CREATE INDEX registry_import_uploader ON registry_import (uploaded_by, created_at DESC);
