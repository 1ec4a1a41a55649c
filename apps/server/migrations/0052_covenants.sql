-- 建立公约: a covenant is published from a decision and versioned; residents acknowledge a version.
CREATE TABLE delib_covenant (
  community_id   bigint NOT NULL,
  id             uuid NOT NULL,
  proposal_id    uuid,
  title          text NOT NULL,
  body           text NOT NULL,
  current_no     int NOT NULL DEFAULT 1,
  -- Segmented words and Han bigrams of title and body (platform/text/tokens.ts).
  search         tsvector NOT NULL,
  published_at   timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  version        int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, proposal_id) REFERENCES delib_proposal (community_id, id)
);
CREATE INDEX delib_covenant_id ON delib_covenant (id);
CREATE INDEX delib_covenant_search ON delib_covenant USING gin (search);
CREATE UNIQUE INDEX delib_covenant_proposal ON delib_covenant (community_id, proposal_id) WHERE proposal_id IS NOT NULL;

CREATE TABLE delib_covenant_version (
  community_id bigint NOT NULL,
  covenant_id  uuid NOT NULL,
  no           int NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL,
  author_label text NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (community_id, covenant_id, no),
  FOREIGN KEY (community_id, covenant_id) REFERENCES delib_covenant (community_id, id)
);

CREATE TABLE delib_covenant_ack (
  community_id bigint NOT NULL,
  covenant_id  uuid NOT NULL,
  no           int NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  acked_at     timestamptz NOT NULL,
  PRIMARY KEY (community_id, covenant_id, no, user_id),
  FOREIGN KEY (community_id, covenant_id, no) REFERENCES delib_covenant_version (community_id, covenant_id, no)
);
