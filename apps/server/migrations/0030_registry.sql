-- Resident registry (居民信息库): builds on 0005's household and person tables, which stay the one place a
-- person lives. A person row belongs to exactly one household (household_id NOT NULL) and an ID number occurs
-- once per community (UNIQUE (community_id, id_blind)), so nobody is in two households of a community.

-- Housing facts of a room (floor area, use, ownership). Keyed by the room node; community-owned.
CREATE TABLE housing_unit (
  community_id bigint NOT NULL REFERENCES org_node (id),
  -- A room deleted from the tree (it must be empty of households first) takes its housing facts along.
  node_id      bigint NOT NULL REFERENCES org_node (id) ON DELETE CASCADE,
  floor_area   numeric(8, 2) CHECK (floor_area IS NULL OR (floor_area > 0 AND floor_area < 100000)),
  use          text NOT NULL DEFAULT 'residential' CHECK (use IN ('residential', 'commercial', 'mixed', 'other')),
  ownership    text NOT NULL DEFAULT 'owner_occupied' CHECK (ownership IN ('owner_occupied', 'rented', 'vacant')),
  version      int NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL,
  updated_by   uuid REFERENCES app_user (id),
  PRIMARY KEY (community_id, node_id)
);

ALTER TABLE household ADD COLUMN version int NOT NULL DEFAULT 1;

ALTER TABLE person
  ADD COLUMN residence_status text NOT NULL DEFAULT 'permanent'
    CHECK (residence_status IN ('registered', 'permanent', 'floating', 'away')),
  -- Pinyin initials of the name ("zs" for 张三), filled on write and by the registry's backfill job.
  ADD COLUMN name_initials text,
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz;
ALTER TABLE person ADD CONSTRAINT person_relation_known
  CHECK (relation IN ('head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'child_in_law', 'member', 'other'));
-- One head per household.
CREATE UNIQUE INDEX person_one_head ON person (community_id, household_id) WHERE relation = 'head';
CREATE INDEX person_name ON person (community_id, name);
CREATE INDEX person_initials ON person (community_id, name_initials);
CREATE INDEX person_initials_missing ON person (community_id) WHERE name_initials IS NULL;

-- Per-field history of person edits: who, when, why. ID numbers appear here only masked.
CREATE TABLE person_change (
  community_id bigint NOT NULL REFERENCES org_node (id),
  id           uuid NOT NULL,
  person_id    uuid NOT NULL,
  field        text NOT NULL,
  old_value    text,
  new_value    text,
  reason       text NOT NULL,
  changed_by   uuid REFERENCES app_user (id),
  changed_by_name text,
  changed_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, person_id) REFERENCES person (community_id, id)
);
CREATE INDEX person_change_person ON person_change (community_id, person_id, changed_at DESC);

-- The tag taxonomy: shared reference data (a few dozen rows). `setter_roles` may set the tag; a sensitive
-- tag is shown only to its setter and viewer roles; a derived tag follows from the birth date and is never
-- stored per person.
CREATE TABLE registry_tag (
  code          text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name          text NOT NULL,
  name_en       text NOT NULL,
  category      text NOT NULL CHECK (category IN ('identity', 'welfare', 'health', 'care', 'role', 'age')),
  sensitive     boolean NOT NULL DEFAULT false,
  has_level     boolean NOT NULL DEFAULT false,
  levels        text[] NOT NULL DEFAULT '{}',
  setter_roles  text[] NOT NULL DEFAULT '{}',
  -- Besides the setters, the roles that see a sensitive tag (need to know).
  viewer_roles  text[] NOT NULL DEFAULT '{}',
  min_age       int,
  max_age       int,
  active        boolean NOT NULL DEFAULT true,
  sort_key      int NOT NULL DEFAULT 0,
  version       int NOT NULL DEFAULT 1
);

INSERT INTO registry_tag (code, name, name_en, category, sensitive, has_level, levels, setter_roles, min_age, max_age, sort_key) VALUES
  ('party_member', '党员', 'Party member', 'identity', false, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 10),
  ('low_income', '低保', 'Low-income (dibao)', 'welfare', true, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 20),
  ('extreme_poverty', '特困', 'Extreme poverty', 'welfare', true, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 30),
  ('disabled', '残疾', 'Disabled', 'health', true, true, '{1,2,3,4}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 40),
  ('elderly_alone', '独居老人', 'Elderly living alone', 'care', false, false, '{}', '{grid_worker,committee_member,community_secretary,district_admin}', NULL, NULL, 50),
  ('elderly', '老年人', 'Elderly (60+)', 'age', false, false, '{}', '{}', 60, NULL, 60),
  ('advanced_age', '高龄', 'Advanced age (80+)', 'age', false, false, '{}', '{}', 80, NULL, 70),
  ('school_age', '适龄儿童', 'School-age child (6–15)', 'age', false, false, '{}', '{}', 6, 15, 80),
  ('veteran', '退役军人', 'Veteran', 'identity', false, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 90),
  ('volunteer', '志愿者', 'Volunteer', 'role', false, false, '{}', '{grid_worker,committee_member,community_secretary,district_admin}', NULL, NULL, 100),
  ('resident_rep', '居民代表', 'Residents'' representative', 'role', false, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 110),
  ('activity_leader', '文体骨干', 'Activity leader', 'role', false, false, '{}', '{grid_worker,committee_member,community_secretary,district_admin}', NULL, NULL, 120),
  ('key_care', '重点关爱', 'Needs special care', 'care', true, false, '{}', '{grid_worker,committee_member,community_secretary,district_admin}', NULL, NULL, 130),
  ('corrections', '社区矫正', 'Community corrections', 'care', true, false, '{}', '{community_secretary,district_admin}', NULL, NULL, 140),
  ('unemployed', '失业', 'Unemployed', 'welfare', true, false, '{}', '{committee_member,community_secretary,district_admin}', NULL, NULL, 150);

UPDATE registry_tag SET viewer_roles = '{grid_worker}' WHERE code IN ('low_income', 'extreme_poverty', 'disabled', 'key_care');

-- A person's tags: validity period and the evidence the setter recorded.
CREATE TABLE person_tag (
  community_id bigint NOT NULL REFERENCES org_node (id),
  person_id    uuid NOT NULL,
  tag_code     text NOT NULL REFERENCES registry_tag (code),
  level        text,
  valid_from   date NOT NULL,
  valid_to     date,
  evidence     text NOT NULL,
  set_by       uuid REFERENCES app_user (id),
  set_by_name  text,
  set_at       timestamptz NOT NULL,
  PRIMARY KEY (community_id, person_id, tag_code),
  FOREIGN KEY (community_id, person_id) REFERENCES person (community_id, id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX person_tag_code ON person_tag (community_id, tag_code);

-- 政策找人: a policy is defined at an org node (street, community, district) by whoever may manage policies
-- there; its rule is evaluated once, in the creator's scope, and every match becomes an outreach task.
CREATE TABLE outreach_policy (
  id          uuid PRIMARY KEY,
  node_id     bigint NOT NULL REFERENCES org_node (id),
  node_path   text COLLATE "C" NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  description text NOT NULL DEFAULT '',
  rule        jsonb NOT NULL,
  task_count  int NOT NULL,
  created_by  uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL
);
CREATE INDEX outreach_policy_path ON outreach_policy (node_path, created_at DESC);

CREATE TABLE outreach_task (
  community_id bigint NOT NULL REFERENCES org_node (id),
  policy_id    uuid NOT NULL REFERENCES outreach_policy (id),
  person_id    uuid NOT NULL,
  grid_id      bigint REFERENCES org_node (id),
  place_path   text COLLATE "C" NOT NULL,
  status       text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'informed', 'applied', 'not_eligible', 'unreachable')),
  note         text,
  outcome_by   uuid REFERENCES app_user (id),
  outcome_at   timestamptz,
  version      int NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, policy_id, person_id),
  FOREIGN KEY (community_id, person_id) REFERENCES person (community_id, id)
);
CREATE INDEX outreach_task_place ON outreach_task (place_path, status);
CREATE INDEX outreach_task_policy ON outreach_task (policy_id, status);
