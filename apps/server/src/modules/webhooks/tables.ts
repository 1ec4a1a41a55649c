import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date, Date>;
type TsNull = ColumnType<Date | null, Date | null, Date | null>;

export type WebhookTables = {
  webhook_subscription: {
    id: string;
    name: string;
    url: string;
    secret_box: string;
    node_id: string;
    node_path: string;
    events: string[];
    active: Generated<boolean>;
    disabled_reason: string | null;
    consecutive_failures: Generated<number>;
    created_by: string;
    created_at: Ts;
    version: Generated<number>;
  };
  webhook_delivery: {
    id: string;
    subscription_id: string;
    event_id: string;
    event: string;
    case_no: string;
    body: string;
    status: string;
    attempts: Generated<number>;
    next_attempt_at: TsNull;
    last_status: number | null;
    last_error: string | null;
    delivered_at: TsNull;
    created_at: Ts;
  };
};
