import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type ResidentTables = {
  household: {
    community_id: string;
    id: string;
    address_node_id: string | null;
    address_text: string;
    created_at: Ts;
  };
  person: {
    community_id: string;
    id: string;
    household_id: string;
    user_id: string | null;
    name: string;
    relation: string;
    phone: string | null;
    id_cipher: string;
    id_blind: string;
    id_masked: string;
    sex: string;
    birth_date: string;
    created_at: Ts;
  };
};
