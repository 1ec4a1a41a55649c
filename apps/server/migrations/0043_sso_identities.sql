-- Single sign-on (docs/adr/0013-single-sign-on-and-openapi-contract.md). An external identity (the OIDC
-- issuer and its subject) belongs to one Linli account: pre-linked by a district admin, or linked on the
-- first sign-in whose verified phone number matches the account. District-level, not community-owned.
CREATE TABLE user_external_identity (
  issuer        text NOT NULL,
  subject       text NOT NULL,
  user_id       uuid NOT NULL REFERENCES app_user (id),
  -- How the link was made: 'admin' (pre-linked) or 'phone' (first sign-in by verified phone number).
  linked_via    text NOT NULL CHECK (linked_via IN ('admin', 'phone')),
  linked_by     uuid REFERENCES app_user (id),
  linked_at     timestamptz NOT NULL,
  last_login_at timestamptz,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_external_identity_user ON user_external_identity (user_id);

-- One sign-in attempt: kept server-side, looked up by the hash of `state`, deleted when used (single use)
-- and worthless after `expires_at`. The PKCE verifier is encrypted like other secrets at rest.
CREATE TABLE oidc_login_attempt (
  state_hash    text PRIMARY KEY,
  nonce         text NOT NULL,
  verifier_box  text NOT NULL,
  return_to     text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_login_attempt_expiry ON oidc_login_attempt (expires_at);
