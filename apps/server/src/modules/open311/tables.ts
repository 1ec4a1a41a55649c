import type { ColumnType } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Ts = ColumnType<Date, Date, Date>;

export type Open311Tables = {
  open311_request: {
    community_id: string;
    case_id: string;
    token_id: string;
    attributes: Json;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    media_url: string | null;
    created_at: Ts;
  };
};
