-- What an Open311 GeoReport v2 request carried beyond the case itself (docs/adr/0010-open-platform.md):
-- the submitting token, the attributes as sent, the reporter's e-mail (encrypted) and names, and the media
-- URL. Community-owned: the community is part of the key, like the case it belongs to.
CREATE TABLE open311_request (
  community_id bigint NOT NULL REFERENCES org_node (id),
  case_id      uuid NOT NULL,
  token_id     uuid NOT NULL REFERENCES api_token (id),
  attributes   jsonb NOT NULL,
  email        text,
  first_name   text,
  last_name    text,
  media_url    text,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, case_id),
  FOREIGN KEY (community_id, case_id) REFERENCES case_record (community_id, id)
);
CREATE INDEX open311_request_token ON open311_request (token_id, created_at DESC);
