import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export type OutreachTables = {
  outreach_policy: {
    id: string;
    node_id: string;
    node_path: string;
    name: string;
    description: string;
    rule: Json;
    task_count: number;
    created_by: string;
    created_at: Ts;
  };
  outreach_task: {
    community_id: string;
    policy_id: string;
    person_id: string;
    grid_id: string | null;
    place_path: string;
    status: ColumnType<string, string | undefined, string>;
    note: string | null;
    outcome_by: string | null;
    outcome_at: TsNull;
    version: ColumnType<number, number | undefined, number>;
    created_at: Ts;
  };
};
