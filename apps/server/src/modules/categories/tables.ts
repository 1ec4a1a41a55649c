import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export type CategoryTables = {
  case_category: {
    id: string;
    parent_id: string | null;
    code: string;
    name: string;
    name_en: string;
    kind: string;
    default_level: string;
    default_department_code: string | null;
    limits: Json;
    yellow_at: ColumnType<string, number, number>;
    urgent: boolean;
    auto_escalate: Generated<boolean>;
    active: Generated<boolean>;
    sort_key: Generated<number>;
    version: Generated<number>;
  };
};
