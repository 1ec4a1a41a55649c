-- Follow-up of data collection tasks (docs/adr/0015-data-collection-forms.md, "Follow-up"): deadline reminders
-- sent once per task and stage, the requester's manual reminders (催办), and the cadres' decisions on the
-- corrections a submitted task recorded. Community-owned rows: community_id first in every key.

-- One row per task and automatic stage, claimed before the notification is sent (never twice).
CREATE TABLE form_reminder (
  community_id bigint NOT NULL REFERENCES org_node (id),
  task_id      uuid NOT NULL,
  stage        text NOT NULL CHECK (stage IN ('before_24h', 'due_day', 'overdue')),
  sent_at      timestamptz NOT NULL,
  recipients   int NOT NULL DEFAULT 0,
  PRIMARY KEY (community_id, task_id, stage),
  FOREIGN KEY (community_id, task_id) REFERENCES form_task (community_id, id)
);

-- The requester's manual reminders; the latest one rate-limits the next.
CREATE TABLE form_urge (
  community_id bigint NOT NULL REFERENCES org_node (id),
  id           uuid NOT NULL,
  task_id      uuid NOT NULL,
  urged_by     uuid NOT NULL REFERENCES app_user (id),
  urged_at     timestamptz NOT NULL,
  recipients   int NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, task_id) REFERENCES form_task (community_id, id)
);
CREATE INDEX form_urge_task ON form_urge (community_id, task_id, urged_at DESC);

-- A cadre's decision on one correction of one submission (submitted_at tells a resubmission apart):
-- applied to the registry, sent for verification (信息核实), acknowledged with a note, or dismissed.
CREATE TABLE form_correction_decision (
  community_id bigint NOT NULL REFERENCES org_node (id),
  task_id      uuid NOT NULL,
  field_key    text NOT NULL,
  submitted_at timestamptz NOT NULL,
  decision     text NOT NULL CHECK (decision IN ('applied', 'verify', 'acknowledged', 'dismissed')),
  note         text,
  outcome      jsonb NOT NULL DEFAULT '{}',
  decided_by   uuid NOT NULL REFERENCES app_user (id),
  decided_by_name text NOT NULL,
  decided_at   timestamptz NOT NULL,
  PRIMARY KEY (community_id, task_id, field_key, submitted_at),
  FOREIGN KEY (community_id, task_id) REFERENCES form_task (community_id, id)
);
-- Pending corrections are looked up among submitted tasks that recorded any.
CREATE INDEX form_task_corrected ON form_task (community_id, submitted_at DESC)
  WHERE status = 'submitted' AND corrections <> '[]'::jsonb;
-- The reminder job scans pending tasks by deadline.
CREATE INDEX form_task_pending_deadline ON form_task (deadline) WHERE status IN ('open', 'reopened');
