-- Each district's working calendar (weekends, public holidays, make-up working days, office hours) that SLA
-- time limits count on. Without a row the district uses the built-in calendar (State Council 2026 schedule).

CREATE TABLE work_calendar (
  district_id bigint PRIMARY KEY REFERENCES org_node (id),
  calendar    jsonb NOT NULL,
  version     int NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL,
  updated_by  uuid REFERENCES app_user (id)
);
