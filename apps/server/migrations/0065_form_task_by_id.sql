-- A task is opened by its id alone (the URL carries no community): without this, every open of a task scanned
-- form_task, whose key is (community_id, id). Not unique on its own: ids are random UUIDs, the key stays
-- community-first for distribution (Citus), and uniqueness is the primary key's.
CREATE INDEX form_task_id ON form_task (id);
