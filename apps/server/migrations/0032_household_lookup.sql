-- Households are addressed by id alone in registry routes (moving a household); the key leads with community_id.
CREATE INDEX household_id ON household (id);
