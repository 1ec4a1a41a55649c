-- Service guides (办事指南): the district maintains the items; a community may override one (base_id) with its
-- own place, hours or materials, or add items of its own. A small reference table keyed by id, with the
-- node path for "this community and the district above it".
CREATE TABLE service_guide (
  id          uuid PRIMARY KEY,
  node_id     bigint NOT NULL REFERENCES org_node (id),
  node_path   text COLLATE "C" NOT NULL,
  base_id     uuid REFERENCES service_guide (id),
  category    text NOT NULL,
  title       text NOT NULL,
  audience    text NOT NULL,
  materials   text[] NOT NULL DEFAULT '{}',
  steps       text[] NOT NULL DEFAULT '{}',
  place       text NOT NULL DEFAULT '',
  hours       text NOT NULL DEFAULT '',
  fees        text NOT NULL DEFAULT '',
  online_url  text,
  faqs        jsonb NOT NULL DEFAULT '[]',
  -- Segmented words and Han bigrams (platform/text/tokens.ts), and the title's pinyin initials (怎么办居住证 → zmbjzz).
  search      tsvector NOT NULL,
  initials    text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  version     int NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES app_user (id),
  UNIQUE (node_id, base_id)
);
CREATE INDEX service_guide_node ON service_guide (node_path);
CREATE INDEX service_guide_search ON service_guide USING gin (search);
