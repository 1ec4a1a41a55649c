-- Streaming registry imports (ADR 0009): a file of any length is uploaded in parts, then imported by a
-- background job in batches, each its own transaction that also moves `rows_done` on. A crashed worker's
-- lease runs out and the next worker resumes after the last committed row; people are upserted by blind index,
-- so a batch replayed after a crash cannot create anyone twice.
ALTER TABLE registry_import
  ALTER COLUMN row_count DROP NOT NULL,
  ALTER COLUMN file_hash DROP NOT NULL,
  ADD COLUMN status text NOT NULL DEFAULT 'uploaded'
    CHECK (status IN ('uploading', 'uploaded', 'queued', 'running', 'done', 'failed')),
  -- Bytes received so far while uploading in parts.
  ADD COLUMN size bigint NOT NULL DEFAULT 0,
  -- The file's last data row number (progress is rows_done of it).
  ADD COLUMN last_row int,
  -- The node imported into (a community, or a street / district when a column names the community).
  ADD COLUMN node_id bigint REFERENCES org_node (id),
  ADD COLUMN mapping jsonb,
  ADD COLUMN mode text CHECK (mode IN ('all_or_nothing', 'valid_only')),
  ADD COLUMN dry_run boolean NOT NULL DEFAULT false,
  -- all_or_nothing first checks and stages every row ('check'), then writes them all in one transaction ('apply').
  ADD COLUMN phase text NOT NULL DEFAULT 'check' CHECK (phase IN ('check', 'apply')),
  -- The file's row number up to which the current phase has committed.
  ADD COLUMN rows_done int NOT NULL DEFAULT 0,
  ADD COLUMN created int NOT NULL DEFAULT 0,
  ADD COLUMN updated int NOT NULL DEFAULT 0,
  ADD COLUMN unchanged int NOT NULL DEFAULT 0,
  ADD COLUMN failed int NOT NULL DEFAULT 0,
  ADD COLUMN written boolean NOT NULL DEFAULT false,
  ADD COLUMN lease_until timestamptz,
  -- The worker holding the lease; a batch commits only while its worker still holds it.
  ADD COLUMN lease_owner uuid,
  ADD COLUMN attempts int NOT NULL DEFAULT 0,
  ADD COLUMN started_at timestamptz,
  ADD COLUMN finished_at timestamptz,
  ADD COLUMN failure text;
CREATE INDEX registry_import_pending ON registry_import (status, lease_until) WHERE status IN ('queued', 'running');

-- The row-level report, written with the batch that found it (a resumed import does not repeat it).
CREATE TABLE registry_import_error (
  import_id uuid NOT NULL REFERENCES registry_import (id) ON DELETE CASCADE,
  row_n     int NOT NULL,
  field     text NOT NULL,
  code      text NOT NULL,
  PRIMARY KEY (import_id, row_n, field)
);

-- ID numbers already met in this file (a later row with the same number is a duplicate), dropped at the end.
CREATE TABLE registry_import_key (
  import_id uuid NOT NULL REFERENCES registry_import (id) ON DELETE CASCADE,
  id_blind  text NOT NULL,
  PRIMARY KEY (import_id, id_blind)
);

-- all_or_nothing: checked rows waiting for the one transaction that writes them all.
CREATE TABLE registry_import_row (
  import_id    uuid NOT NULL REFERENCES registry_import (id) ON DELETE CASCADE,
  row_n        int NOT NULL,
  community_id bigint NOT NULL,
  room_id      bigint NOT NULL,
  name         text NOT NULL,
  id_cipher    text NOT NULL,
  id_blind     text NOT NULL,
  id_masked    text NOT NULL,
  sex          text NOT NULL,
  birth_date   text NOT NULL,
  phone        text,
  relation     text,
  residence    text,
  PRIMARY KEY (import_id, row_n)
);

-- Imports (and join checks) look people up by blind index across communities.
CREATE INDEX person_blind ON person (id_blind);
