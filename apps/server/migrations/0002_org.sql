-- The org tree is a small shared reference table: district → street → community → grid → building → unit → room.
-- `path` is the materialized path (/1/4/9/); "this node and everything under it" is `path LIKE '/1/4/%'`,
-- an index range scan under the C collation.

CREATE TABLE org_node (
  id           bigint PRIMARY KEY,
  parent_id    bigint REFERENCES org_node (id),
  type         text NOT NULL CHECK (type IN ('district','street','community','grid','building','unit','room')),
  kind         text,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  code         text,
  path         text COLLATE "C" NOT NULL UNIQUE,
  depth        int NOT NULL,
  community_id bigint REFERENCES org_node (id),
  sort_key     int NOT NULL DEFAULT 0,
  version      int NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX org_node_parent ON org_node (parent_id, sort_key, id);
CREATE INDEX org_node_community ON org_node (community_id);
-- Official codes (statistical codes, CJ/T 349 grid codes) are unique; building/unit/room numbers are local.
CREATE UNIQUE INDEX org_node_code ON org_node (code)
  WHERE code IS NOT NULL AND type IN ('district', 'street', 'community', 'grid');
CREATE SEQUENCE org_node_id_seq START 1000;

-- Departments (城管, 住建, 市场监管 ...) serve a set of streets.
CREATE TABLE department (
  id          bigint PRIMARY KEY,
  district_id bigint NOT NULL REFERENCES org_node (id),
  name        text NOT NULL,
  code        text NOT NULL UNIQUE
);
CREATE TABLE department_street (
  department_id bigint NOT NULL REFERENCES department (id),
  street_id     bigint NOT NULL REFERENCES org_node (id),
  PRIMARY KEY (department_id, street_id)
);
