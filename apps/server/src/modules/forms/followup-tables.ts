/** Tables of the follow-up of tasks (migration 0064): reminders, manual reminders, correction decisions. */
import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type FollowupTables = {
  form_reminder: { community_id: string; task_id: string; stage: string; sent_at: Ts; recipients: Generated<number> };
  form_urge: {
    community_id: string;
    id: string;
    task_id: string;
    urged_by: string;
    urged_at: Ts;
    recipients: number;
  };
  form_correction_decision: {
    community_id: string;
    task_id: string;
    field_key: string;
    submitted_at: Ts;
    decision: string;
    note: string | null;
    outcome: ColumnType<Record<string, unknown>, string | undefined, string>;
    decided_by: string;
    decided_by_name: string;
    decided_at: Ts;
  };
};
