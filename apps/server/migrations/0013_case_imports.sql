-- 12345 hotline imports (热线工单导入): a spreadsheet a street's grid centre uploaded, kept as a file named by
-- its sha256 under <dataDir>/imports/, and the outcome of its last run. Street-level work, not community-owned
-- data: a small table keyed by its own id (the cases it creates carry their community as usual).
CREATE TABLE case_import (
  id           uuid PRIMARY KEY,
  uploaded_by  uuid NOT NULL REFERENCES app_user (id),
  file_hash    text NOT NULL,
  file_type    text NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
  file_size    int NOT NULL,
  row_count    int NOT NULL,
  headers      jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'imported')),
  -- The street of the last real run and its counts ({ total, created, duplicates, failed }).
  street_id    bigint REFERENCES org_node (id),
  result       jsonb,
  created_at   timestamptz NOT NULL,
  imported_at  timestamptz
);
CREATE INDEX case_import_uploader ON case_import (uploaded_by, created_at DESC);
