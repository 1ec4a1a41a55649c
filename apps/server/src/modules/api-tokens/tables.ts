import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date, Date>;
type TsNull = ColumnType<Date | null, Date | null, Date | null>;

export type ApiTokenTables = {
  api_token: {
    id: string;
    name: string;
    node_id: string;
    node_path: string;
    scopes: string[];
    token_hash: string;
    prefix: string;
    rate_per_minute: number;
    expires_at: TsNull;
    revoked_at: TsNull;
    last_used_at: TsNull;
    created_by: string;
    created_at: Ts;
  };
  api_token_usage: { token_id: string; window_at: Ts; count: number };
};
