import type { ColumnType, Generated } from 'kysely';
import type { ResidentTables } from './tables.ts';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** numeric and date columns arrive as strings on both engines (see platform/db/engine.ts). */
type Num = ColumnType<string | null, number | null, number | null>;

/** The registry's view of the resident tables: 0005's household and person plus 0030's additions. */
export type RecordTables = {
  household: ResidentTables['household'] & { version: ColumnType<number, number | undefined, number> };
  person: ResidentTables['person'] & {
    residence_status: ColumnType<string, string | undefined, string>;
    name_initials: string | null;
    version: ColumnType<number, number | undefined, number>;
    updated_at: TsNull;
    /** Set on the rows a household left behind when it moved to another community (0062). */
    moved_out_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  };
  housing_unit: {
    community_id: string;
    node_id: string;
    floor_area: Num;
    use: string;
    ownership: string;
    version: number;
    updated_at: Ts;
    updated_by: string | null;
  };
  person_change: {
    community_id: string;
    id: string;
    person_id: string;
    field: string;
    old_value: string | null;
    new_value: string | null;
    reason: string;
    changed_by: string | null;
    changed_by_name: string | null;
    changed_at: Ts;
    /** Write order, for changes made in the same instant. */
    seq: Generated<string>;
  };
  registry_tag: {
    code: string;
    name: string;
    name_en: string;
    category: string;
    sensitive: boolean;
    has_level: boolean;
    levels: string[];
    setter_roles: string[];
    viewer_roles: string[];
    min_age: number | null;
    max_age: number | null;
    active: boolean;
    sort_key: number;
    version: number;
  };
  person_tag: {
    community_id: string;
    person_id: string;
    tag_code: string;
    level: string | null;
    valid_from: string;
    valid_to: string | null;
    evidence: string;
    set_by: string | null;
    set_by_name: string | null;
    set_at: Ts;
  };
};
