import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type NoticeTables = {
  notice: {
    id: string;
    node_id: string;
    node_path: string;
    level: string;
    category: string;
    title: string;
    body: string;
    attachments: string[];
    pinned: boolean;
    must_read: boolean;
    published_at: Ts;
    expires_at: Ts | null;
    withdrawn_at: Ts | null;
    created_by: string;
    author_name: string;
    search: ColumnType<string, unknown, unknown>;
    version: Generated<number>;
    updated_at: Ts;
  };
  notice_read: {
    user_id: string;
    notice_id: string;
    community_id: string | null;
    seen_at: Ts;
    confirmed_at: Ts | null;
  };
};
