-- The "all cases" inbox of a district, street or community is its newest cases first. Without these the
-- scope's every case is read and sorted (44,000 rows for a street at 1,000,000 cases); with them, 31 rows.
CREATE INDEX case_record_district_recent ON case_record (district_id, created_at DESC, id DESC);
CREATE INDEX case_record_street_recent ON case_record (street_id, created_at DESC, id DESC);
CREATE INDEX case_record_community_recent ON case_record (community_id, created_at DESC, id DESC);
