-- The insatskatalog: row-level security, grants, guards and the seeded vocabularies.
-- Self-contained on purpose: it relies only on app_current_org(), app_immutable_organization() and
-- app_resource_shared_with_current_org() from the tenancy migrations.

-- Vocabularies are written by migrations, except target groups, which NNS maintains through a service.
REVOKE INSERT, UPDATE, DELETE ON catalog_focus_areas, catalog_methods, catalog_outcome_categories FROM nns_app;
--> statement-breakpoint
REVOKE DELETE ON catalog_target_groups FROM nns_app;
--> statement-breakpoint
-- Versions are the record of what was written and published: never deleted.
REVOKE DELETE ON intervention_versions FROM nns_app;
--> statement-breakpoint
ALTER TABLE catalog_focus_areas ADD CONSTRAINT catalog_focus_areas_orientation_check
  CHECK (orientation IN ('individual', 'structural'));
--> statement-breakpoint
ALTER TABLE interventions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE interventions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON interventions
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- A co-owner that accepted the invitation reads and edits the intervention, never moves it (trigger below).
CREATE POLICY co_owner_reads ON interventions FOR SELECT
  USING (app_resource_shared_with_current_org('intervention', id, organization_id));
--> statement-breakpoint
CREATE POLICY co_owner_edits ON interventions FOR UPDATE
  USING (app_resource_shared_with_current_org('intervention', id, organization_id, true))
  WITH CHECK (app_resource_shared_with_current_org('intervention', id, organization_id, true));
--> statement-breakpoint
-- The NNS editorial queue: submitted entries of every förbund, visible only in a transaction where the
-- service has checked the editorial capability and set app.catalog_editorial.
CREATE POLICY editorial_queue ON interventions FOR SELECT
  USING (state = 'submitted' AND current_setting('app.catalog_editorial', true) = 'on');
--> statement-breakpoint
CREATE TRIGGER interventions_immutable_organization BEFORE UPDATE ON interventions
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE intervention_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intervention_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON intervention_versions
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_owner_reads ON intervention_versions FOR SELECT
  USING (app_resource_shared_with_current_org('intervention', intervention_id, organization_id));
--> statement-breakpoint
CREATE POLICY co_owner_writes ON intervention_versions FOR INSERT
  WITH CHECK (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER intervention_versions_immutable_organization BEFORE UPDATE ON intervention_versions
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE intervention_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intervention_results FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON intervention_results
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_owner_reads ON intervention_results FOR SELECT
  USING (app_resource_shared_with_current_org('intervention', intervention_id, organization_id));
--> statement-breakpoint
CREATE POLICY co_owner_inserts ON intervention_results FOR INSERT
  WITH CHECK (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true));
--> statement-breakpoint
CREATE POLICY co_owner_updates ON intervention_results FOR UPDATE
  USING (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true))
  WITH CHECK (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER intervention_results_immutable_organization BEFORE UPDATE ON intervention_results
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE catalog_self_publishing ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog_self_publishing FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog_self_publishing
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- The public catalogue holds published content only, so anyone may read it; only the owner writes.
ALTER TABLE catalog_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_read ON catalog_entries FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY owner_writes ON catalog_entries FOR ALL
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Results a co-owner reports reach the published entry too.
CREATE POLICY co_owner_refreshes ON catalog_entries FOR UPDATE
  USING (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true))
  WITH CHECK (app_resource_shared_with_current_org('intervention', intervention_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER catalog_entries_immutable_organization BEFORE UPDATE ON catalog_entries
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE INDEX catalog_entries_organization_ids_idx ON catalog_entries USING gin (organization_ids);
--> statement-breakpoint
CREATE INDEX catalog_entries_county_codes_idx ON catalog_entries USING gin (county_codes);
--> statement-breakpoint
-- Preciserad inriktning per inriktning, after the categories of the national follow-up (Uppföljning Finsam).
INSERT INTO catalog_focus_areas (code, orientation, label_sv) VALUES
  ('pre_rehabilitation', 'individual', 'Förberedande och motiverande insatser'),
  ('vocational_rehabilitation', 'individual', 'Arbetslivsinriktad rehabilitering'),
  ('work_ability_assessment', 'individual', 'Kartläggning och bedömning av arbetsförmåga'),
  ('coordination_individual', 'individual', 'Samordning kring individen'),
  ('competence_development', 'structural', 'Kompetensutveckling'),
  ('methods_development', 'structural', 'Metod- och verksamhetsutveckling'),
  ('needs_mapping', 'structural', 'Kartläggning av behov och målgrupp'),
  ('collaboration_structures', 'structural', 'Samverkansstrukturer och informationsinsatser')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO catalog_target_groups (code, label_sv) VALUES
  ('young_adults', 'Unga vuxna 16–29 år'),
  ('mental_ill_health', 'Personer med psykisk ohälsa'),
  ('long_term_sick', 'Långtidssjukskrivna'),
  ('newly_arrived', 'Nyanlända'),
  ('income_support', 'Personer med försörjningsstöd'),
  ('activity_compensation', 'Personer med aktivitetsersättning'),
  ('disability', 'Personer med funktionsnedsättning'),
  ('far_from_labour_market', 'Personer långt från arbetsmarknaden')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO catalog_methods (code, label_sv) VALUES
  ('solution_focused', 'Lösningsfokuserat arbetssätt'),
  ('motivational_interviewing', 'Motiverande samtal'),
  ('supported_employment_ips', 'Supported Employment/IPS'),
  ('bip_skapa', 'BIP/SKAPA'),
  ('work_training', 'Arbetsträning'),
  ('work_ability_assessment', 'Arbetsförmågebedömning')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Seed 002 (RESAM): the six categories of its results table, in its order; the report counts the first
-- three as positive.
INSERT INTO catalog_outcome_categories (code, label_sv, positive, position) VALUES
  ('vocational_rehabilitation', 'Till arbetslivsinriktad rehabilitering', true, 1),
  ('reduced_sick_leave', 'Minskad sjukfrånvaro: anpassning av pågående arbete', true, 2),
  ('job_seeking_studies_work', 'Till Arbetsförmedlingen som arbetssökande, studier, arbete eller eget företag', true, 3),
  ('back_to_fk', 'Tillbaka till Försäkringskassan', false, 4),
  ('dropped_out', 'Avhopp', false, 5),
  ('social_services', 'Till socialtjänsten', false, 6)
ON CONFLICT (code) DO NOTHING;
