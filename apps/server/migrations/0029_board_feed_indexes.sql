-- The community feed at 100,000 posts (bench: BENCH_ONLY=boards). Its page of posts is the community's visible
-- posts plus the reader's own held or hidden ones (status = 'visible' OR author_id = me), which the partial
-- index on visible posts cannot serve: PostgreSQL read every post of the community and sorted them (150 ms).
-- One index over every status serves that page, newest first, stopping after a page; status and author ride
-- along so the filter, and the unread count (visible posts by others since the last look), need not visit
-- the table.
DROP INDEX board_post_feed;
CREATE INDEX board_post_feed ON board_post (community_id, created_at DESC, id DESC) INCLUDE (status, author_id);
-- Pinned posts are a handful among thousands: scanning the feed index for them read the whole community (60 ms).
CREATE INDEX board_post_pinned ON board_post (community_id, created_at DESC) WHERE pinned AND status = 'visible';
