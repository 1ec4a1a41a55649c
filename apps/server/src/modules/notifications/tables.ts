import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type NotificationTables = {
  notification: {
    user_id: string;
    id: Generated<string>;
    at: Ts;
    kind: string;
    params: Json;
    link: string;
    community_id: string | null;
    read_at: Ts | null;
  };
  outbound_message: {
    id: Generated<string>;
    channel: 'sms' | 'wechat';
    user_id: string | null;
    phone: string | null;
    template: string;
    params: Json;
    created_at: Ts;
    available_at: Ts;
    sent_at: Ts | null;
    attempts: Generated<number>;
    last_error: string | null;
  };
};
