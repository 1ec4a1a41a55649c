-- Following a post (关注): followers hear about new visible comments. Community-owned like the post.
CREATE TABLE board_follow (
  community_id bigint NOT NULL,
  post_id      uuid NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, post_id, user_id),
  FOREIGN KEY (community_id, post_id) REFERENCES board_post (community_id, id)
);
