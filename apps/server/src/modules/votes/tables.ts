import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** bigint columns are read as strings (exact) and written as strings. */
type Big = ColumnType<string, string | number, string | number>;

export interface ThresholdsJson {
  participation: { num: number; den: number; strict: boolean } | null;
  approval: { num: number; den: number; strict: boolean };
  measures: ('head' | 'area')[];
}

export type VoteTables = {
  vote: {
    community_id: string;
    id: string;
    proposal_id: string | null;
    title: string;
    question: string;
    kind: string;
    options: Json<string[]>;
    max_choices: number;
    electorate: string;
    scope_node_ids: string[];
    scope_paths: string[];
    secret: boolean;
    changeable: boolean;
    proxy_allowed: boolean;
    preset: string;
    thresholds: Json<ThresholdsJson>;
    deadline: Ts;
    status: Generated<string>;
    elector_count: Generated<number>;
    total_area: ColumnType<string, string | undefined, string>;
    rooms_without_area: Generated<number>;
    ballot_seq: Generated<number>;
    chain_head: Generated<string>;
    result: Json<unknown> | null;
    closed_reason: string | null;
    opened_at: Ts | null;
    closed_at: Ts | null;
    created_by: string;
    created_at: Ts;
    version: Generated<number>;
  };
  vote_elector: {
    community_id: string;
    vote_id: string;
    elector_no: number;
    building_id: string | null;
    building_name: string;
    label: string;
    head_weight: Generated<number>;
    area: Big;
  };
  vote_voter: {
    community_id: string;
    vote_id: string;
    user_id: string;
    elector_no: number;
    proxy: boolean;
  };
  vote_cast: {
    community_id: string;
    vote_id: string;
    elector_no: number;
    cast_by: string;
    proxy: boolean;
    entry: string;
    changes: Generated<number>;
    cast_at: Ts;
  };
  vote_ballot: {
    community_id: string;
    vote_id: string;
    seq: number;
    commitment: string;
    choices: number[];
    head_weight: number;
    area: Big;
    supersedes: number | null;
    voter: string | null;
    prev_hash: string;
    hash: string;
  };
};
