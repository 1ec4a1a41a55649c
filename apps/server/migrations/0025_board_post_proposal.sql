-- 身边事 → 议题: a neighbour's post raised as a deliberation proposal keeps the link (the proposal's id).
ALTER TABLE board_post ADD COLUMN proposal_id uuid;
CREATE INDEX board_post_proposal ON board_post (proposal_id) WHERE proposal_id IS NOT NULL;
