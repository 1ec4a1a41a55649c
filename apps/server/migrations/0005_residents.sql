-- Households and the people in them (one resident database per community).

CREATE TABLE household (
  community_id    bigint NOT NULL REFERENCES org_node (id),
  id              uuid NOT NULL,
  address_node_id bigint REFERENCES org_node (id),
  address_text    text NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (community_id, id)
);
CREATE UNIQUE INDEX household_address ON household (community_id, address_node_id) WHERE address_node_id IS NOT NULL;

CREATE TABLE person (
  community_id  bigint NOT NULL REFERENCES org_node (id),
  id            uuid NOT NULL,
  household_id  uuid NOT NULL,
  user_id       uuid REFERENCES app_user (id),
  name          text NOT NULL,
  relation      text NOT NULL,
  phone         text,
  id_cipher     text NOT NULL,
  id_blind      text NOT NULL,
  id_masked     text NOT NULL,
  sex           text NOT NULL,
  birth_date    text NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, household_id) REFERENCES household (community_id, id),
  UNIQUE (community_id, id_blind)
);
CREATE INDEX person_household ON person (community_id, household_id);
CREATE INDEX person_user ON person (user_id) WHERE user_id IS NOT NULL;
