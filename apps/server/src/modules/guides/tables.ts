import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type GuideTables = {
  service_guide: {
    id: string;
    node_id: string;
    node_path: string;
    base_id: string | null;
    category: string;
    title: string;
    audience: string;
    materials: string[];
    steps: string[];
    place: string;
    hours: string;
    fees: string;
    online_url: string | null;
    faqs: ColumnType<unknown, string, string>;
    search: ColumnType<string, unknown, unknown>;
    initials: string;
    active: Generated<boolean>;
    version: Generated<number>;
    updated_at: Ts;
    updated_by: string | null;
  };
};
