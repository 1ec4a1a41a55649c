-- Organisations in the community and compound profiles (issue 6 §1, ADR 0009): both hang on the org tree and
-- are community-owned (community_id leads every key, Citus-ready).

-- Shops, firms, social organisations and institutions at a grid, building/courtyard, unit or room.
CREATE TABLE registry_organisation (
  community_id  bigint NOT NULL REFERENCES org_node (id),
  id            uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('shop', 'firm', 'social_org', 'institution', 'other')),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  -- 统一社会信用代码 (GB 32100-2015); the check character is verified by the service.
  credit_code   text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  -- No cascade: deleting a node that still has organisations must fail, not lose them.
  node_id       bigint NOT NULL REFERENCES org_node (id),
  address       text CHECK (length(address) <= 100),
  contact_name  text CHECK (length(contact_name) <= 40),
  contact_phone text CHECK (length(contact_phone) <= 16),
  employees     int CHECK (employees BETWEEN 0 AND 1000000),
  party_org     boolean NOT NULL DEFAULT false,
  notes         text CHECK (length(notes) <= 500),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL,
  updated_by    uuid REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL,
  version       int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
-- One record per registered entity in a community.
CREATE UNIQUE INDEX registry_organisation_code ON registry_organisation (community_id, credit_code)
  WHERE credit_code IS NOT NULL;
-- Found by id alone from a URL (like person_blind for people).
CREATE INDEX registry_organisation_id ON registry_organisation (id);
CREATE INDEX registry_organisation_node ON registry_organisation (community_id, node_id);
CREATE INDEX registry_organisation_name ON registry_organisation (community_id, name);

-- The profile of a compound (小区/院落): a building or courtyard node. Lists are small and edited as one
-- profile under one version, so they are JSON arrays; their shape is checked by the API schema.
CREATE TABLE registry_compound (
  community_id  bigint NOT NULL REFERENCES org_node (id),
  node_id       bigint NOT NULL REFERENCES org_node (id) ON DELETE CASCADE,
  management    text NOT NULL CHECK (management IN ('company', 'self', 'none')),
  company_name  text CHECK (length(company_name) <= 60),
  contact_name  text CHECK (length(contact_name) <= 40),
  contact_phone text CHECK (length(contact_phone) <= 16),
  entrances     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(entrances) = 'array'),
  facilities    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(facilities) = 'array'),
  providers     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(providers) = 'array'),
  notes         text CHECK (length(notes) <= 500),
  updated_by    uuid REFERENCES app_user (id),
  updated_by_name text,
  updated_at    timestamptz NOT NULL,
  version       int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, node_id),
  -- A property company has a name; self-managed and unmanaged compounds have none.
  CHECK ((management = 'company') = (company_name IS NOT NULL))
);
