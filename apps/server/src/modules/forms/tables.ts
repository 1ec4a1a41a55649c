import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export type FormTables = {
  form: {
    id: string;
    owner_node_id: string;
    owner_path: string;
    created_by: string;
    created_by_name: string;
    title: string;
    current_version: Generated<number>;
    version: Generated<number>;
    created_at: Ts;
    updated_at: Ts;
  };
  form_version: {
    form_id: string;
    version_no: number;
    fields: Json<unknown[]>;
    fingerprint: string;
    sent: Generated<boolean>;
    created_at: Ts;
  };
  form_send: {
    id: string;
    form_id: string;
    version_no: number;
    deadline: Ts;
    sent_by: string;
    sent_at: Ts;
  };
  form_task: {
    community_id: string;
    id: string;
    send_id: string;
    form_id: string;
    version_no: number;
    fingerprint: string;
    requester_id: string;
    target_node_id: string;
    target_path: string;
    deadline: Ts;
    status: string;
    prefill: JsonDefault<Record<string, unknown>>;
    answers: JsonDefault<Record<string, unknown>>;
    corrections: JsonDefault<{ key: string; registry: unknown; answer: unknown }[]>;
    version: Generated<number>;
    submitted_at: TsNull;
    submitted_by: string | null;
    created_at: Ts;
    updated_at: Ts;
  };
  form_duplicate_refusal: {
    id: string;
    form_id: string;
    target_node_id: string;
    requester_id: string;
    refused_at: Ts;
  };
};
