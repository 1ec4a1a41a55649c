-- Policy counts (政策找人) over a whole district (issue 6, docs/adr/0009-registry.md).
--
-- A live count reads every person in reach: the heap is some 290 bytes a person (ciphertext, blind index,
-- names, timestamps), and a household condition reads it twice. The household index now also carries the
-- columns rules test on a person, so a count is an index-only scan of a third of the size, already in
-- household order for household sizes and members' ages. It replaces the plain household index: same key,
-- one index entry per person as before.
DROP INDEX person_household;
CREATE INDEX person_household ON person (community_id, household_id)
  INCLUDE (id, birth_date, sex, residence_status, moved_out_at);

-- Communities under a path prefix (a street's, a district's): the unique path index follows the database's
-- collation, which cannot serve LIKE 'prefix%'; by type first, so a district's 300 communities are a range,
-- not a walk over its 400,000 rooms.
CREATE INDEX org_node_type_path ON org_node (type, path text_pattern_ops);

-- The registry's listing is in address order: a district's first page no longer sorts its 370,000 households.
CREATE INDEX household_address_order ON household (address_text);

-- Pinyin initials across many communities are served by the per-community index, the communities in reach
-- given as a list (one short descent each): the global prefix index misled the planner for one community
-- (initials are far from evenly spread: 'wgy' is 1,700 people of a million, estimated at 58), which then read
-- the district's matches to keep a community's ten. One index entry less per imported person.
DROP INDEX person_initials_prefix;
