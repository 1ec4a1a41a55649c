-- Votes (表决) of the deliberation hall: docs/adr/0012-votes.md. A vote is drafted, opened (its electorate is
-- snapshot then, so later registry edits cannot change an open vote) and closed (by the committee or at the
-- deadline). Ballots form a hash chain; the voter link lives in vote_cast, apart from the published chain.

CREATE TABLE vote (
  community_id   bigint NOT NULL REFERENCES org_node (id),
  id             uuid NOT NULL,
  -- The deliberation proposal this vote decides, or null for a stand-alone community question.
  proposal_id    uuid,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  question       text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  kind           text NOT NULL CHECK (kind IN ('yes_no', 'single', 'multiple')),
  options        jsonb NOT NULL,
  max_choices    int NOT NULL CHECK (max_choices >= 1),
  electorate     text NOT NULL CHECK (electorate IN ('residents', 'households', 'owners')),
  scope_node_ids text[] NOT NULL,
  scope_paths    text[] NOT NULL,
  secret         boolean NOT NULL,
  changeable     boolean NOT NULL,
  proxy_allowed  boolean NOT NULL,
  preset         text NOT NULL,
  thresholds     jsonb NOT NULL,
  deadline       timestamptz NOT NULL,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  -- Electorate totals at opening: head count and exclusive floor area in hundredths of m².
  elector_count  int NOT NULL DEFAULT 0,
  total_area     bigint NOT NULL DEFAULT 0,
  -- Rooms of the scope left out of an owners' vote because the registry has no floor area for them.
  rooms_without_area int NOT NULL DEFAULT 0,
  ballot_seq     int NOT NULL DEFAULT 0,
  chain_head     text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
  result         jsonb,
  closed_reason  text CHECK (closed_reason IN ('manual', 'deadline')),
  opened_at      timestamptz,
  closed_at      timestamptz,
  created_by     uuid NOT NULL REFERENCES app_user (id),
  created_at     timestamptz NOT NULL,
  version        int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
CREATE INDEX vote_id ON vote (id);
CREATE INDEX vote_list ON vote (community_id, created_at DESC);
CREATE INDEX vote_proposal ON vote (community_id, proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX vote_due ON vote (deadline) WHERE status = 'open';

-- The electorate snapshot: one row per elector (a resident, a household or an owned room) with its weights.
CREATE TABLE vote_elector (
  community_id   bigint NOT NULL,
  vote_id        uuid NOT NULL,
  elector_no     int NOT NULL,
  building_id    bigint,
  building_name  text NOT NULL,
  -- "3号楼 1单元 502室" — shown with open ballots; never with secret ones.
  label          text NOT NULL,
  head_weight    int NOT NULL DEFAULT 1 CHECK (head_weight = 1),
  area           bigint NOT NULL DEFAULT 0 CHECK (area >= 0),
  PRIMARY KEY (community_id, vote_id, elector_no),
  FOREIGN KEY (community_id, vote_id) REFERENCES vote (community_id, id)
);

-- Who may cast for which elector; `proxy` marks a household member voting for the household or owner.
CREATE TABLE vote_voter (
  community_id   bigint NOT NULL,
  vote_id        uuid NOT NULL,
  user_id        uuid NOT NULL REFERENCES app_user (id),
  elector_no     int NOT NULL,
  proxy          boolean NOT NULL,
  PRIMARY KEY (community_id, vote_id, user_id),
  FOREIGN KEY (community_id, vote_id, elector_no) REFERENCES vote_elector (community_id, vote_id, elector_no)
);

-- One row per elector who voted: the primary key is the database's guarantee of one ballot per elector.
-- `entry` points at the elector's current chain entry — sealed (encrypted) for secret ballots, so the
-- database alone does not link a voter to a choice.
CREATE TABLE vote_cast (
  community_id   bigint NOT NULL,
  vote_id        uuid NOT NULL,
  elector_no     int NOT NULL,
  cast_by        uuid NOT NULL REFERENCES app_user (id),
  proxy          boolean NOT NULL,
  entry          text NOT NULL,
  changes        int NOT NULL DEFAULT 0,
  cast_at        timestamptz NOT NULL,
  PRIMARY KEY (community_id, vote_id, elector_no),
  FOREIGN KEY (community_id, vote_id, elector_no) REFERENCES vote_elector (community_id, vote_id, elector_no)
);

-- The published hash chain. Append-only; a changed ballot is a new entry naming the one it supersedes.
CREATE TABLE vote_ballot (
  community_id   bigint NOT NULL,
  vote_id        uuid NOT NULL,
  seq            int NOT NULL CHECK (seq >= 1),
  commitment     text NOT NULL,
  choices        int[] NOT NULL,
  head_weight    int NOT NULL,
  area           bigint NOT NULL,
  supersedes     int,
  voter          text,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  PRIMARY KEY (community_id, vote_id, seq),
  UNIQUE (community_id, vote_id, commitment),
  -- An entry is superseded at most once.
  UNIQUE (community_id, vote_id, supersedes),
  FOREIGN KEY (community_id, vote_id) REFERENCES vote (community_id, id)
);

-- A closed vote cannot change, whatever the application does: ballots and casts of a vote that is not open
-- are refused, the chain is append-only, and a closed vote's row is frozen.
CREATE FUNCTION vote_open_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s text;
BEGIN
  IF TG_TABLE_NAME = 'vote_ballot' AND TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'vote ballots are append-only' USING ERRCODE = 'check_violation';
  END IF;
  SELECT status INTO s FROM vote WHERE community_id = COALESCE(NEW.community_id, OLD.community_id)
    AND id = COALESCE(NEW.vote_id, OLD.vote_id);
  IF s IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION 'vote is not open' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER vote_ballot_open BEFORE INSERT OR UPDATE OR DELETE ON vote_ballot
  FOR EACH ROW EXECUTE FUNCTION vote_open_guard();
CREATE TRIGGER vote_cast_open BEFORE INSERT OR UPDATE OR DELETE ON vote_cast
  FOR EACH ROW EXECUTE FUNCTION vote_open_guard();

CREATE FUNCTION vote_closed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'only a draft vote can be deleted' USING ERRCODE = 'check_violation'; END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'a closed vote cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'open' AND NEW.status = 'draft' THEN
    RAISE EXCEPTION 'an open vote cannot return to draft' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER vote_frozen BEFORE UPDATE OR DELETE ON vote
  FOR EACH ROW EXECUTE FUNCTION vote_closed_guard();
