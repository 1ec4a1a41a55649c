-- Cases (诉求/工单/案件). Community-owned: every table keys on community_id first (Citus distribution column).
-- The workflow state (CaseState without its timeline) is one jsonb document written only through the pure
-- state machine; the columns beside it are projections of that state for inboxes, scoping and rates.

CREATE SEQUENCE case_no_seq;

CREATE TABLE case_record (
  community_id  bigint NOT NULL REFERENCES org_node (id),
  id            uuid NOT NULL,
  no            text NOT NULL,
  district_id   bigint NOT NULL,
  street_id     bigint NOT NULL,
  category_id   bigint NOT NULL REFERENCES case_category (id),
  source        text NOT NULL CHECK (source IN ('app', 'qr', 'patrol', 'phone', 'visit', 'hotline')),
  -- The hotline's own order number (12345): re-importing the same order is a no-op.
  external_no   text,
  place_id      bigint NOT NULL REFERENCES org_node (id),
  place_path    text COLLATE "C" NOT NULL,
  lat           double precision,
  lng           double precision,
  address       text NOT NULL DEFAULT '',
  description   text NOT NULL,
  is_public     boolean NOT NULL DEFAULT false,
  attachments   text[] NOT NULL DEFAULT '{}',
  -- Reporters without an account (QR, phone, hotline): name and encrypted phone (see ADR 0004).
  contact_name  text,
  contact_phone text,
  -- sha256 of the tracking key handed to a reporter without an account.
  tracking_hash text,
  created_by    uuid,
  status        text NOT NULL,
  level         text NOT NULL,
  state         jsonb NOT NULL,
  version       int NOT NULL,
  sla_stage     text,
  yellow_at     timestamptz,
  due_at        timestamptz,
  -- The last SLA colour notified for the current stage ('yellow' | 'red'), so each is sent once.
  sla_notified  text,
  urged         text,
  -- For the rates: the acceptance deadline the case started with, and how often a stage went overdue (red).
  accept_due_at timestamptz,
  overdue_count int NOT NULL DEFAULT 0,
  search        tsvector NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  accepted_at   timestamptz,
  resolved_at   timestamptz,
  closed_at     timestamptz,
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, no),
  UNIQUE (community_id, source, external_no)
);
CREATE INDEX case_record_id ON case_record (id);
CREATE INDEX case_record_no ON case_record (no);
CREATE INDEX case_record_community_inbox ON case_record (community_id, status, created_at DESC, id DESC);
CREATE INDEX case_record_street_inbox ON case_record (street_id, status, created_at DESC, id DESC);
CREATE INDEX case_record_place ON case_record (place_path, created_at DESC);
CREATE INDEX case_record_due ON case_record (street_id, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX case_record_public ON case_record (community_id, created_at DESC, id DESC) WHERE is_public;
CREATE INDEX case_record_search ON case_record USING gin (search);
CREATE INDEX case_record_tracking ON case_record (tracking_hash) WHERE tracking_hash IS NOT NULL;

-- The timeline: one row per state-machine version, never updated or deleted.
CREATE TABLE case_event (
  community_id bigint NOT NULL,
  case_id      uuid NOT NULL,
  version      int NOT NULL,
  type         text NOT NULL,
  actor_id     text NOT NULL,
  role         text NOT NULL,
  at           timestamptz NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  note         text NOT NULL DEFAULT '',
  attachments  text[] NOT NULL DEFAULT '{}',
  data         jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (community_id, case_id, version),
  FOREIGN KEY (community_id, case_id) REFERENCES case_record (community_id, id)
);
CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only';
END $$;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();

-- Reporters with an account (and those who follow it after a merge): "my cases".
CREATE TABLE case_reporter (
  community_id bigint NOT NULL,
  case_id      uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, case_id, user_id),
  FOREIGN KEY (community_id, case_id) REFERENCES case_record (community_id, id)
);
CREATE INDEX case_reporter_user ON case_reporter (user_id, created_at DESC, case_id);

-- Department assignments (派遣): the department inbox.
CREATE TABLE case_assignment (
  community_id  bigint NOT NULL,
  case_id       uuid NOT NULL,
  department_id bigint NOT NULL REFERENCES department (id),
  status        text NOT NULL,
  deadline      timestamptz NOT NULL,
  dispatched_at timestamptz NOT NULL,
  PRIMARY KEY (community_id, case_id, department_id),
  FOREIGN KEY (community_id, case_id) REFERENCES case_record (community_id, id)
);
CREATE INDEX case_assignment_department ON case_assignment (department_id, status, dispatched_at DESC);

-- Courtyard QR links: a signed token names the place; rotating bumps the version.
CREATE TABLE case_link (
  community_id bigint NOT NULL,
  place_id     bigint NOT NULL REFERENCES org_node (id),
  version      int NOT NULL DEFAULT 1,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, place_id)
);

-- Human-check answers already used (a challenge is single-use); pruned after they expire.
CREATE TABLE human_check_used (
  id         text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- Whether a missed acceptance moves the case one tier up by itself (SLA engine).
ALTER TABLE case_category ADD COLUMN auto_escalate boolean NOT NULL DEFAULT false;
UPDATE case_category SET auto_escalate = true WHERE kind = 'self_governance' OR urgent;
