-- National and cross-organization projects (decision 0024). NNS's entries are tenant rows of NNS's own
-- organization, under the same tenant_isolation policies as every förbund's, so nothing about row-level
-- security changes here. A delprojekt's running body lives in the versioned content (and the published
-- document), so no data moves either: existing rows keep their content and simply name no running body.

-- A project page lists the published delprojekt of an entry from the public catalogue.
CREATE INDEX catalog_entries_parent_id_idx ON catalog_entries (parent_id);
--> statement-breakpoint
-- The service refuses an entry that is its own delprojekt; the table says so too. No existing row breaks it.
ALTER TABLE interventions ADD CONSTRAINT interventions_not_own_parent CHECK (parent_id IS DISTINCT FROM id);
