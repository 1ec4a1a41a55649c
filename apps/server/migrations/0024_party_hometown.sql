-- Party-building board (党建园地) and the village 乡愁乡音 board: two more boards on board_post, and the
-- affiliations that admit people to them. Community-owned tables key on community_id first (Citus-ready).

ALTER TABLE board_post DROP CONSTRAINT board_post_board_check;
ALTER TABLE board_post ADD CONSTRAINT board_post_board_check
  CHECK (board IN ('local', 'help', 'giveaway', 'party', 'hometown'));
ALTER TABLE board_post DROP CONSTRAINT board_post_kind_check;
ALTER TABLE board_post ADD CONSTRAINT board_post_kind_check
  CHECK (kind IN ('matter', 'suggestion', 'complaint', 'request', 'offer', 'give', 'swap',
                  'news', 'study', 'discussion', 'memory', 'voice'));
-- 亮身份: the author chose to show their party badge (only an approved party member may).
ALTER TABLE board_post ADD COLUMN party_badge boolean NOT NULL DEFAULT false;
ALTER TABLE board_comment ADD COLUMN party_badge boolean NOT NULL DEFAULT false;
-- The party board and the hometown board are read on their own pages.
CREATE INDEX board_post_board ON board_post (community_id, board, created_at DESC, id DESC) WHERE status = 'visible';

-- Affiliations a committee approves, each granting a role in the community: a party member's check-in (报到,
-- 双报到 with the workplace organisation; role party_member) and a villager who moved away joining the
-- village's hometown board (role hometown_member). What each kind asks is kept in `detail`.
CREATE TABLE affiliation (
  community_id   bigint NOT NULL REFERENCES org_node (id),
  id             uuid NOT NULL,
  user_id        uuid NOT NULL REFERENCES app_user (id),
  kind           text NOT NULL CHECK (kind IN ('party', 'hometown')),
  name           text NOT NULL,
  detail         jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  reason         text,
  decided_by     uuid REFERENCES app_user (id),
  decided_at     timestamptz,
  created_at     timestamptz NOT NULL,
  version        int NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, id)
);
-- One live affiliation of each kind per person and community; a rejected or withdrawn one may be filed again.
CREATE UNIQUE INDEX affiliation_live ON affiliation (community_id, user_id, kind) WHERE status IN ('pending', 'approved');
CREATE INDEX affiliation_queue ON affiliation (community_id, kind, status, created_at);
CREATE INDEX affiliation_id ON affiliation (id);
CREATE INDEX affiliation_user ON affiliation (user_id);
