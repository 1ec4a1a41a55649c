-- Moving a household to another community (迁出/迁入, docs/adr/0009-registry.md). Rows are community-owned, so
-- the move copies the household and its people to the new community with new ids; the old rows stay as a
-- tombstone (moved_out_at set): kept with their history for the old community, no longer counted or listed.

ALTER TABLE household
  ADD COLUMN moved_out_at timestamptz,
  ADD COLUMN moved_to_community_id bigint REFERENCES org_node (id),
  ADD COLUMN moved_to_household_id uuid;
ALTER TABLE person
  ADD COLUMN moved_out_at timestamptz,
  ADD COLUMN moved_to_community_id bigint REFERENCES org_node (id),
  ADD COLUMN moved_to_person_id uuid;

-- A moved-out household leaves its room free, and a moved-out person is no longer registered there: both
-- uniqueness rules apply to current rows only (same names, so conflicts still map to their problem codes).
DROP INDEX household_address;
CREATE UNIQUE INDEX household_address ON household (community_id, address_node_id)
  WHERE address_node_id IS NOT NULL AND moved_out_at IS NULL;
ALTER TABLE person DROP CONSTRAINT person_community_id_id_blind_key;
CREATE UNIQUE INDEX person_community_id_id_blind_key ON person (community_id, id_blind) WHERE moved_out_at IS NULL;

-- A transfer belongs to the community the household leaves (the row that starts it); the receiving community
-- finds its incoming ones by (to_community_id, status).
CREATE TABLE household_transfer (
  from_community_id bigint NOT NULL REFERENCES org_node (id),
  id                uuid NOT NULL,
  household_id      uuid NOT NULL,
  to_community_id   bigint NOT NULL REFERENCES org_node (id),
  status            text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'cancelled')),
  reason            text NOT NULL,
  from_address      text NOT NULL,
  members           int NOT NULL,
  requested_by      uuid NOT NULL REFERENCES app_user (id),
  requested_by_name text NOT NULL,
  requested_at      timestamptz NOT NULL,
  decided_by        uuid REFERENCES app_user (id),
  decided_by_name   text,
  decided_at        timestamptz,
  note              text,
  to_room_id        bigint REFERENCES org_node (id) ON DELETE SET NULL,
  to_address        text,
  new_household_id  uuid,
  version           int NOT NULL DEFAULT 1,
  PRIMARY KEY (from_community_id, id),
  FOREIGN KEY (from_community_id, household_id) REFERENCES household (community_id, id),
  CHECK (to_community_id <> from_community_id)
);
-- One open transfer per household: a second start (or a double click) collides here.
CREATE UNIQUE INDEX household_transfer_pending ON household_transfer (from_community_id, household_id)
  WHERE status = 'pending';
CREATE INDEX household_transfer_incoming ON household_transfer (to_community_id, status, requested_at DESC);
CREATE INDEX household_transfer_outgoing ON household_transfer (from_community_id, requested_at DESC);
CREATE INDEX household_transfer_id ON household_transfer (id);
