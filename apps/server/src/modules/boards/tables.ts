import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type BoardTables = {
  board_post: {
    community_id: string;
    id: string;
    board: string;
    kind: string;
    title: string;
    body: string;
    attachments: string[];
    author_id: string;
    author_label: string;
    status: string;
    stage: string;
    taker_id: string | null;
    taker_label: string | null;
    thanks: string | null;
    case_id: string | null;
    case_no: string | null;
    proposal_id: Generated<string | null>;
    held_words: string[];
    moderation_reason: string | null;
    comment_count: Generated<number>;
    like_count: Generated<number>;
    report_count: Generated<number>;
    pinned: Generated<boolean>;
    party_badge: Generated<boolean>;
    created_at: Ts;
    updated_at: Ts;
    version: Generated<number>;
  };
  board_comment: {
    community_id: string;
    post_id: string;
    id: string;
    author_id: string;
    author_label: string;
    official: boolean;
    party_badge: Generated<boolean>;
    body: string;
    status: string;
    held_words: string[];
    created_at: Ts;
  };
  board_like: { community_id: string; post_id: string; user_id: string; created_at: Ts };
  board_report: { community_id: string; post_id: string; user_id: string; reason: string; created_at: Ts };
  board_word: { id: Generated<string>; node_id: string; word: string; created_at: Ts };
  board_follow: { community_id: string; post_id: string; user_id: string; created_at: Ts };
  board_feed_seen: { user_id: string; community_id: string; seen_at: Ts };
};
