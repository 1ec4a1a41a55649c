-- Registry search and policy matching over a whole district (issue 6, docs/adr/0009-registry.md).
--
-- Names and addresses are matched by substring. pg_trgm cannot serve Chinese names: most are two characters,
-- and a LIKE '%张伟%' pattern yields no trigram, so its index would be read whole. Instead names and addresses
-- are indexed by their characters (GIN over string_to_array(x, NULL), one element per character): a search
-- intersects the lists of the characters typed and checks the few candidates with the LIKE itself. Built in
-- to PostgreSQL, so PGlite serves it the same way without an extension, and cheap to maintain on import.
-- New entries wait in a small pending list and are merged in bulk (an address is some 25 entries: inserted one
-- by one they were a quarter of an import's time); every search also reads that list, so it is kept to 256 kB.
CREATE INDEX person_name_chars ON person USING gin (string_to_array(name, NULL))
  WITH (fastupdate = on, gin_pending_list_limit = 256);
CREATE INDEX household_address_chars ON household USING gin (string_to_array(address_text, NULL))
  WITH (fastupdate = on, gin_pending_list_limit = 256);

-- The btree on (community_id, name) served no search (a name is matched by substring, never by prefix) and
-- cost every imported person an index entry.
DROP INDEX person_name;

-- Pinyin initials by prefix ('zs' for 张三, 张帅…): the pattern operator class lets LIKE 'zs%' be a range of the
-- index whatever the database's collation; within a community, and across the district (where the planner
-- otherwise walked every household of the district to find a few thousand people).
DROP INDEX person_initials;
CREATE INDEX person_initials ON person (community_id, name_initials text_pattern_ops);
CREATE INDEX person_initials_prefix ON person (name_initials text_pattern_ops);

-- The last four digits of a phone or an ID number (the 尾号 search).
CREATE INDEX person_phone_tail ON person (right(phone, 4)) WHERE phone IS NOT NULL;
CREATE INDEX person_id_tail ON person (right(id_masked, 4));
