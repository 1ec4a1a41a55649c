import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type AffiliationTables = {
  affiliation: {
    community_id: string;
    id: string;
    user_id: string;
    kind: string;
    name: string;
    detail: ColumnType<Record<string, unknown>, string, string>;
    status: string;
    reason: string | null;
    decided_by: string | null;
    decided_at: Ts | null;
    created_at: Ts;
    version: Generated<number>;
  };
};
