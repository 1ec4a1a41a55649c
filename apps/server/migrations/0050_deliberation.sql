-- Deliberation hall (议事厅): proposal → screen → consult → (vote, module votes) → project → evaluation →
-- covenant. Community-owned: every table keys on community_id first (Citus distribution column), foreign keys
-- include it. The vote itself lives in the votes module; a proposal only remembers the vote's id.
CREATE TABLE delib_proposal (
  community_id   bigint NOT NULL REFERENCES org_node (id),
  id             uuid NOT NULL,
  title          text NOT NULL,
  background     text NOT NULL,
  question       text NOT NULL,
  options        text[] NOT NULL DEFAULT '{}',
  attachments    text[] NOT NULL DEFAULT '{}',
  -- Whom it concerns: the whole community, some buildings or one building (org node ids inside the community).
  scope_kind     text NOT NULL CHECK (scope_kind IN ('community', 'buildings', 'building')),
  scope_node_ids bigint[] NOT NULL DEFAULT '{}',
  scope_labels   text[] NOT NULL DEFAULT '{}',
  proposer_id    uuid NOT NULL REFERENCES app_user (id),
  proposer_label text NOT NULL,
  by_committee   boolean NOT NULL DEFAULT false,
  -- submitted → consulting | rejected | merged; consulting → summarised; consulting|summarised → voting
  -- (vote.opened) → adopted | not_adopted (vote.closed).
  stage          text NOT NULL CHECK (stage IN ('submitted', 'rejected', 'merged', 'consulting', 'summarised',
                                                'voting', 'adopted', 'not_adopted')),
  screen_reason  text,
  screened_at    timestamptz,
  screened_by    text,
  merged_into    uuid,
  summary        text,
  summarised_at  timestamptz,
  vote_id        uuid,
  voting_at      timestamptz,
  decided_at     timestamptz,
  comment_count  int NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  version        int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
CREATE INDEX delib_proposal_id ON delib_proposal (id);
CREATE INDEX delib_proposal_list ON delib_proposal (community_id, created_at DESC, id DESC);
-- The screening queue: what waits, oldest first.
CREATE INDEX delib_proposal_queue ON delib_proposal (community_id, created_at) WHERE stage = 'submitted';

-- Threaded consultation: a reply names its parent; a quote names the quoted comment and keeps its words.
CREATE TABLE delib_comment (
  community_id  bigint NOT NULL,
  proposal_id   uuid NOT NULL,
  id            uuid NOT NULL,
  parent_id     uuid,
  quote_id      uuid,
  quote_text    text,
  stance        text NOT NULL CHECK (stance IN ('for', 'against', 'neutral')),
  body          text NOT NULL,
  author_id     uuid NOT NULL REFERENCES app_user (id),
  author_label  text NOT NULL,
  official      boolean NOT NULL DEFAULT false,
  status        text NOT NULL CHECK (status IN ('visible', 'hidden')),
  hidden_reason text,
  created_at    timestamptz NOT NULL,
  -- Arrival order (several comments may share an instant).
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (community_id, proposal_id, id),
  FOREIGN KEY (community_id, proposal_id) REFERENCES delib_proposal (community_id, id)
);

-- Offline meetings (线下协商会): date, who came, minutes and photos.
CREATE TABLE delib_meeting (
  community_id bigint NOT NULL,
  proposal_id  uuid NOT NULL,
  id           uuid NOT NULL,
  held_on      date NOT NULL,
  attendees    text NOT NULL,
  minutes      text NOT NULL,
  photos       text[] NOT NULL DEFAULT '{}',
  author_label text NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, proposal_id, id),
  FOREIGN KEY (community_id, proposal_id) REFERENCES delib_proposal (community_id, id)
);
