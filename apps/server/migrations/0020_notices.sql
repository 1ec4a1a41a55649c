-- Notices (公告). A notice belongs to the org node it was published at (district, street, community or grid)
-- and is read by that node's whole subtree, so it is not one community's row: keyed by node, with the path
-- denormalised for "ancestors of my home" and "inside my subtree" lookups (both C-collated prefix tests).
CREATE TABLE notice (
  id           uuid PRIMARY KEY,
  node_id      bigint NOT NULL REFERENCES org_node (id),
  node_path    text COLLATE "C" NOT NULL,
  level        text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  category     text NOT NULL CHECK (category IN ('notice', 'activity', 'affairs_public', 'work_result', 'policy')),
  title        text NOT NULL,
  body         text NOT NULL,
  attachments  text[] NOT NULL DEFAULT '{}',
  pinned       boolean NOT NULL DEFAULT false,
  must_read    boolean NOT NULL DEFAULT false,
  published_at timestamptz NOT NULL,
  expires_at   timestamptz,
  withdrawn_at timestamptz,
  created_by   uuid NOT NULL REFERENCES app_user (id),
  author_name  text NOT NULL,
  search       tsvector NOT NULL,
  version      int NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL
);
-- Ancestors of a home are few exact paths; a cadre's subtree is a prefix range. Newest first in both.
CREATE INDEX notice_node ON notice (node_path, published_at DESC, id DESC);
CREATE INDEX notice_search ON notice USING gin (search);

-- Who opened (seen_at) and who confirmed a must-read notice (confirmed_at). Keyed by user first, like the
-- notification table (Citus: distribute by user_id); community_id is the reader's community when they have one,
-- so read rates group by the reader's household without reading other modules' tables.
CREATE TABLE notice_read (
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  notice_id    uuid NOT NULL REFERENCES notice (id),
  community_id bigint,
  seen_at      timestamptz NOT NULL,
  confirmed_at timestamptz,
  PRIMARY KEY (user_id, notice_id)
);
CREATE INDEX notice_read_notice ON notice_read (notice_id) WHERE confirmed_at IS NOT NULL;
