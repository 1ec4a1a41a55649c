-- Photos for cases. The bytes live in files under <data dir>/attachments, named by the sha256 of what is
-- stored (metadata already stripped), so the same photo is kept once however often it is sent. A photo is
-- nobody's community data until a case refers to it, so these are small shared tables keyed by the hash.

CREATE TABLE attachment (
  id         text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  mime       text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  size       int NOT NULL CHECK (size > 0),
  width      int NOT NULL CHECK (width > 0),
  height     int NOT NULL CHECK (height > 0),
  created_at timestamptz NOT NULL
);

-- Every upload, so a case may attach only photos its reporter sent: by account, or for a report without an
-- account (uploaded_by NULL) from the same address within a day.
CREATE TABLE attachment_upload (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attachment_id text NOT NULL REFERENCES attachment (id),
  uploaded_by   uuid REFERENCES app_user (id),
  ip            text NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX attachment_upload_by ON attachment_upload (attachment_id, uploaded_by);
CREATE INDEX attachment_upload_anonymous ON attachment_upload (attachment_id, ip, at) WHERE uploaded_by IS NULL;
