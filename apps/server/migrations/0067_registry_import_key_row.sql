-- The row at which an import first met an ID number. The duplicate check of a batch now commits ahead of the
-- batch's own transaction (it runs while the previous batch is written), so after a crash the keys of rows not
-- yet written are there too: a row is a duplicate only if its number was met at an earlier row. Keys written
-- before this column existed were all committed with their batches: row 0 ("earlier than any row") keeps them so.
ALTER TABLE registry_import_key ADD COLUMN row_n int NOT NULL DEFAULT 0;
