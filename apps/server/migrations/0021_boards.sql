-- Community boards (左邻右舍): 身边事 local matters, 互助 mutual help, 闲置 give-aways. Community-owned: every
-- table keys on community_id first (Citus distribution column), foreign keys include it.
CREATE TABLE board_post (
  community_id  bigint NOT NULL REFERENCES org_node (id),
  id            uuid NOT NULL,
  board         text NOT NULL CHECK (board IN ('local', 'help', 'giveaway')),
  kind          text NOT NULL CHECK (kind IN ('matter', 'suggestion', 'complaint', 'request', 'offer', 'give', 'swap')),
  title         text NOT NULL,
  body          text NOT NULL,
  attachments   text[] NOT NULL DEFAULT '{}',
  author_id     uuid NOT NULL REFERENCES app_user (id),
  -- Real-name display (王女士·3号楼), fixed when posting so a move does not rewrite history.
  author_label  text NOT NULL,
  -- Visibility: visible to the community, held for review (sensitive words), hidden by a cadre.
  status        text NOT NULL CHECK (status IN ('visible', 'held', 'hidden')),
  -- Where the post stands: local open → replied; help open → taken → done → thanked;
  -- give-away open → reserved → handed_over → closed.
  stage         text NOT NULL,
  taker_id      uuid REFERENCES app_user (id),
  taker_label   text,
  thanks        text,
  case_id       uuid,
  case_no       text,
  held_words    text[] NOT NULL DEFAULT '{}',
  moderation_reason text,
  comment_count int NOT NULL DEFAULT 0,
  like_count    int NOT NULL DEFAULT 0,
  report_count  int NOT NULL DEFAULT 0,
  pinned        boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
CREATE INDEX board_post_id ON board_post (id);
-- The feed: a community's visible posts, newest first (cursor on created_at, id).
CREATE INDEX board_post_feed ON board_post (community_id, created_at DESC, id DESC) WHERE status = 'visible';
CREATE INDEX board_post_queue ON board_post (community_id, updated_at DESC) WHERE status = 'held' OR report_count > 0;
CREATE INDEX board_post_case ON board_post (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE board_comment (
  community_id bigint NOT NULL,
  post_id      uuid NOT NULL,
  id           uuid NOT NULL,
  author_id    uuid NOT NULL REFERENCES app_user (id),
  author_label text NOT NULL,
  -- A reply by someone who moderates the board (the committee answering 身边事).
  official     boolean NOT NULL DEFAULT false,
  body         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('visible', 'held', 'hidden')),
  held_words   text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, post_id, id),
  FOREIGN KEY (community_id, post_id) REFERENCES board_post (community_id, id)
);
CREATE INDEX board_comment_held ON board_comment (community_id, created_at) WHERE status = 'held';

CREATE TABLE board_like (
  community_id bigint NOT NULL,
  post_id      uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, post_id, user_id),
  FOREIGN KEY (community_id, post_id) REFERENCES board_post (community_id, id)
);

CREATE TABLE board_report (
  community_id bigint NOT NULL,
  post_id      uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, post_id, user_id),
  FOREIGN KEY (community_id, post_id) REFERENCES board_post (community_id, id)
);

-- Sensitive words, set at the district and extended by streets and communities (a small reference table).
CREATE TABLE board_word (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  node_id bigint NOT NULL REFERENCES org_node (id),
  word    text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (node_id, word)
);

-- When a user last looked at a community's feed: newer posts show as unread.
CREATE TABLE board_feed_seen (
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  community_id bigint NOT NULL,
  seen_at      timestamptz NOT NULL,
  PRIMARY KEY (user_id, community_id)
);
