-- 形成项目 / 推动实施 / 效果评估: an adopted proposal becomes one project; its survey is one answer per resident.
CREATE TABLE delib_project (
  community_id bigint NOT NULL,
  id           uuid NOT NULL,
  proposal_id  uuid NOT NULL,
  title        text NOT NULL,
  owner        text NOT NULL,
  plan         text NOT NULL,
  -- Budget in fen (分), exact.
  budget_fen   bigint NOT NULL CHECK (budget_fen >= 0),
  status       text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed')),
  started_at   timestamptz,
  completed_at timestamptz,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, proposal_id),
  FOREIGN KEY (community_id, proposal_id) REFERENCES delib_proposal (community_id, id)
);
CREATE INDEX delib_project_id ON delib_project (id);

CREATE TABLE delib_milestone (
  community_id bigint NOT NULL,
  project_id   uuid NOT NULL,
  id           uuid NOT NULL,
  position     int NOT NULL,
  title        text NOT NULL,
  due_on       date,
  done_at      timestamptz,
  PRIMARY KEY (community_id, project_id, id),
  FOREIGN KEY (community_id, project_id) REFERENCES delib_project (community_id, id)
);

CREATE TABLE delib_progress (
  community_id bigint NOT NULL,
  project_id   uuid NOT NULL,
  id           uuid NOT NULL,
  body         text NOT NULL,
  photos       text[] NOT NULL DEFAULT '{}',
  author_label text NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, project_id, id),
  FOREIGN KEY (community_id, project_id) REFERENCES delib_project (community_id, id)
);

CREATE TABLE delib_project_follow (
  community_id bigint NOT NULL,
  project_id   uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, project_id, user_id),
  FOREIGN KEY (community_id, project_id) REFERENCES delib_project (community_id, id)
);

-- One answer per resident: the primary key is the rule.
CREATE TABLE delib_evaluation (
  community_id bigint NOT NULL,
  project_id   uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment      text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, project_id, user_id),
  FOREIGN KEY (community_id, project_id) REFERENCES delib_project (community_id, id)
);
