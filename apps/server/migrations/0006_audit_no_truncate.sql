-- The append-only guard of 0001 is a row trigger, which TRUNCATE bypasses; refuse TRUNCATE as well.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
