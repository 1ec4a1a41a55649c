import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type JoinTables = {
  join_link: { community_id: string; token_version: number; rotated_at: Ts; rotated_by: string | null };
  join_application: {
    community_id: string;
    id: string;
    user_id: string;
    name: string;
    phone: string;
    id_cipher: string;
    id_blind: string;
    id_masked: string;
    sex: string;
    birth_date: string;
    address_node_id: string | null;
    address_text: string;
    status: string;
    reason: string | null;
    decided_at: Ts | null;
    decided_by: string | null;
    created_at: Ts;
    version: Generated<number>;
  };
};
