-- Outlines of org nodes for the case map (drawn without a tile server) and for refusing a map pin outside
-- its community: a GeoJSON Polygon in WGS84 (`{"type":"Polygon","coordinates":[[[lng,lat],…]]}`), outer
-- ring first, then holes. Districts, streets, communities, grids and buildings may have one; units and rooms
-- do not. A node without an outline is simply not drawn and does not restrict pins.
ALTER TABLE org_node ADD COLUMN geometry jsonb
  CHECK (geometry IS NULL OR (geometry ->> 'type' = 'Polygon' AND jsonb_typeof(geometry -> 'coordinates') = 'array'));
