import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type Day = ColumnType<string, string, string>;

export type DelibTables = {
  delib_proposal: {
    community_id: string;
    id: string;
    title: string;
    background: string;
    question: string;
    options: string[];
    attachments: string[];
    scope_kind: string;
    scope_node_ids: string[];
    scope_labels: string[];
    proposer_id: string;
    proposer_label: string;
    by_committee: boolean;
    stage: string;
    screen_reason: string | null;
    screened_at: Ts | null;
    screened_by: string | null;
    merged_into: string | null;
    summary: string | null;
    summarised_at: Ts | null;
    vote_id: string | null;
    voting_at: Ts | null;
    decided_at: Ts | null;
    comment_count: Generated<number>;
    created_at: Ts;
    updated_at: Ts;
    version: Generated<number>;
  };
  delib_comment: {
    community_id: string;
    proposal_id: string;
    id: string;
    parent_id: string | null;
    quote_id: string | null;
    quote_text: string | null;
    stance: string;
    body: string;
    author_id: string;
    author_label: string;
    official: boolean;
    status: string;
    hidden_reason: string | null;
    created_at: Ts;
    seq: Generated<string>;
  };
  delib_meeting: {
    community_id: string;
    proposal_id: string;
    id: string;
    held_on: Day;
    attendees: string;
    minutes: string;
    photos: string[];
    author_label: string;
    created_at: Ts;
  };
  delib_project: {
    community_id: string;
    id: string;
    proposal_id: string;
    title: string;
    owner: string;
    plan: string;
    budget_fen: ColumnType<string, number | string, number | string>;
    status: string;
    started_at: Ts | null;
    completed_at: Ts | null;
    created_at: Ts;
    updated_at: Ts;
    version: Generated<number>;
  };
  delib_milestone: {
    community_id: string;
    project_id: string;
    id: string;
    position: number;
    title: string;
    due_on: Day | null;
    done_at: Ts | null;
  };
  delib_progress: {
    community_id: string;
    project_id: string;
    id: string;
    body: string;
    photos: string[];
    author_label: string;
    created_at: Ts;
  };
  delib_project_follow: { community_id: string; project_id: string; user_id: string; created_at: Ts };
  delib_evaluation: {
    community_id: string;
    project_id: string;
    user_id: string;
    rating: number;
    comment: string;
    created_at: Ts;
  };
  delib_covenant: {
    community_id: string;
    id: string;
    proposal_id: string | null;
    title: string;
    body: string;
    current_no: number;
    search: unknown;
    published_at: Ts;
    updated_at: Ts;
    version: Generated<number>;
  };
  delib_covenant_version: {
    community_id: string;
    covenant_id: string;
    no: number;
    title: string;
    body: string;
    author_label: string;
    published_at: Ts;
  };
  delib_covenant_ack: { community_id: string; covenant_id: string; no: number; user_id: string; acked_at: Ts };
};
