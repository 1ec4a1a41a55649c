-- Changes written in the same instant (registering a household, then moving it, in one clock tick) need a
-- stable order in the history: the order they were written.
ALTER TABLE person_change ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
