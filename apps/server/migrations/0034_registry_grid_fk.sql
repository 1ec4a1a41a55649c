-- A grid removed from the tree (once empty) keeps the history of tasks and checks done there: the reference
-- to it is cleared rather than blocking the removal.
ALTER TABLE outreach_task DROP CONSTRAINT outreach_task_grid_id_fkey,
  ADD CONSTRAINT outreach_task_grid_id_fkey FOREIGN KEY (grid_id) REFERENCES org_node (id) ON DELETE SET NULL;
ALTER TABLE registry_campaign_item DROP CONSTRAINT registry_campaign_item_grid_id_fkey,
  ADD CONSTRAINT registry_campaign_item_grid_id_fkey FOREIGN KEY (grid_id) REFERENCES org_node (id) ON DELETE SET NULL;
