-- A counter that changes in the same transaction as anything a public catalogue search reads: the
-- published entries and the tables its labels come from. Caches of search results key on it, so a cached
-- answer is never served after the data under it changed, in any API process.
CREATE TABLE catalog_generation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO catalog_generation (id, generation) VALUES (true, 1);
--> statement-breakpoint
ALTER TABLE catalog_generation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog_generation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Anyone may read it; only the trigger below (running as the table's owner) changes it.
CREATE POLICY public_read ON catalog_generation FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY bumped_by_trigger ON catalog_generation FOR UPDATE
  USING (current_user <> 'nns_app') WITH CHECK (current_user <> 'nns_app');
--> statement-breakpoint
CREATE FUNCTION bump_catalog_generation() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE catalog_generation SET generation = generation + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_entries_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_entries
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER catalog_target_groups_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_target_groups
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER catalog_methods_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_methods
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER organizations_generation AFTER UPDATE OF name ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER municipalities_generation AFTER INSERT OR UPDATE OR DELETE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER counties_generation AFTER INSERT OR UPDATE OR DELETE ON counties
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
