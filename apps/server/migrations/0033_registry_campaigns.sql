-- Update campaigns (e.g. quarterly): everyone registered under a node becomes an item for their grid's workers,
-- who confirm each record or change it on a phone (only changed fields are written, with history).
CREATE TABLE registry_campaign (
  id          uuid PRIMARY KEY,
  node_id     bigint NOT NULL REFERENCES org_node (id),
  node_path   text COLLATE "C" NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  item_count  int NOT NULL,
  created_by  uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL
);
CREATE INDEX registry_campaign_path ON registry_campaign (node_path, created_at DESC);

CREATE TABLE registry_campaign_item (
  community_id bigint NOT NULL REFERENCES org_node (id),
  campaign_id  uuid NOT NULL REFERENCES registry_campaign (id),
  person_id    uuid NOT NULL,
  grid_id      bigint REFERENCES org_node (id),
  place_path   text COLLATE "C" NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'changed')),
  done_by      uuid REFERENCES app_user (id),
  done_at      timestamptz,
  version      int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, campaign_id, person_id),
  FOREIGN KEY (community_id, person_id) REFERENCES person (community_id, id)
);
CREATE INDEX registry_campaign_item_place ON registry_campaign_item (place_path, status);
CREATE INDEX registry_campaign_item_campaign ON registry_campaign_item (campaign_id, status);
