-- The catalogue's vocabularies become data NNS keeps (decision 0027): every list gets an order and a
-- retirement date instead of deletion, outcome categories a positive/negative/neutral class in place of the
-- boolean `positive`, and the app role may add and edit terms (never delete them) through the service
-- that checks NNS's permission.
ALTER TABLE catalog_focus_areas ADD COLUMN position integer;
--> statement-breakpoint
ALTER TABLE catalog_focus_areas ADD COLUMN retired_at timestamp (3) with time zone;
--> statement-breakpoint
ALTER TABLE catalog_methods ADD COLUMN position integer;
--> statement-breakpoint
ALTER TABLE catalog_methods ADD COLUMN retired_at timestamp (3) with time zone;
--> statement-breakpoint
ALTER TABLE catalog_target_groups ADD COLUMN position integer;
--> statement-breakpoint
ALTER TABLE catalog_outcome_categories ADD COLUMN outcome_class text;
--> statement-breakpoint
ALTER TABLE catalog_outcome_categories ADD COLUMN retired_at timestamp (3) with time zone;
--> statement-breakpoint
-- RESAM's report (seed 002) contrasts the positive categories with all the others, so the rest were
-- not-positive outcomes: negative. NNS may mark one neutral afterwards.
UPDATE catalog_outcome_categories SET outcome_class = CASE WHEN positive THEN 'positive' ELSE 'negative' END;
--> statement-breakpoint
ALTER TABLE catalog_outcome_categories ALTER COLUMN outcome_class SET NOT NULL;
--> statement-breakpoint
ALTER TABLE catalog_outcome_categories ADD CONSTRAINT catalog_outcome_categories_class_check
  CHECK (outcome_class IN ('positive', 'negative', 'neutral'));
--> statement-breakpoint
ALTER TABLE catalog_outcome_categories DROP COLUMN positive;
--> statement-breakpoint
-- Focus areas keep the order of the national follow-up they were seeded in; the other lists the order
-- they were shown in until now (by label). Terms added later go last.
UPDATE catalog_focus_areas f SET position = o.position FROM (VALUES
  ('pre_rehabilitation', 1), ('vocational_rehabilitation', 2), ('work_ability_assessment', 3),
  ('coordination_individual', 4), ('competence_development', 5), ('methods_development', 6),
  ('needs_mapping', 7), ('collaboration_structures', 8)) AS o(code, position)
WHERE f.code = o.code;
--> statement-breakpoint
UPDATE catalog_focus_areas f SET position = 8 + o.n
FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM catalog_focus_areas WHERE position IS NULL) o
WHERE f.code = o.code;
--> statement-breakpoint
UPDATE catalog_methods m SET position = o.n
FROM (SELECT code, row_number() OVER (ORDER BY label_sv, code) AS n FROM catalog_methods) o
WHERE m.code = o.code;
--> statement-breakpoint
UPDATE catalog_target_groups g SET position = o.n
FROM (SELECT code, row_number() OVER (ORDER BY label_sv, code) AS n FROM catalog_target_groups) o
WHERE g.code = o.code;
--> statement-breakpoint
ALTER TABLE catalog_focus_areas ALTER COLUMN position SET NOT NULL;
--> statement-breakpoint
ALTER TABLE catalog_methods ALTER COLUMN position SET NOT NULL;
--> statement-breakpoint
ALTER TABLE catalog_target_groups ALTER COLUMN position SET NOT NULL;
--> statement-breakpoint
-- Seed 004 (the national project's delprojekt): the methods its local parts describe.
INSERT INTO catalog_methods (code, label_sv, position)
SELECT v.code, v.label_sv, (SELECT coalesce(max(position), 0) FROM catalog_methods) + v.n
FROM (VALUES
  ('suggestopedi', 'Suggestopedi', 1),
  ('basal_kroppskannedom', 'Basal kroppskännedom', 2),
  ('sprakpraktik', 'Språkpraktik', 3),
  ('halsosamtal', 'Hälsosamtal', 4),
  ('supported_training', 'Supported Training', 5)) AS v(code, label_sv, n)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Terms are retired, never deleted: entries and reports keep naming them.
GRANT INSERT, UPDATE ON catalog_focus_areas, catalog_methods, catalog_outcome_categories TO nns_app;
--> statement-breakpoint
REVOKE DELETE ON catalog_focus_areas, catalog_methods, catalog_outcome_categories, catalog_target_groups FROM nns_app;
--> statement-breakpoint
CREATE TRIGGER catalog_focus_areas_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_focus_areas
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
CREATE TRIGGER catalog_outcome_categories_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_outcome_categories
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
-- Published entries store their labels (the public read path reads nothing else), so a renamed term is
-- relabelled in every entry in the rename's transaction, whichever förbund owns the entry. The function
-- runs as its owner, which only this policy lets past the entries' row-level security.
CREATE POLICY relabelled_by_trigger ON catalog_entries FOR UPDATE
  USING (current_user <> 'nns_app') WITH CHECK (current_user <> 'nns_app');
--> statement-breakpoint
CREATE FUNCTION relabel_catalog_entries() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  term jsonb := jsonb_build_object('code', NEW.code, 'label', NEW.label_sv);
BEGIN
  IF TG_TABLE_NAME = 'catalog_focus_areas' THEN
    UPDATE catalog_entries SET document = jsonb_set(document, '{focusArea}', term)
      WHERE focus_area = NEW.code;
  ELSIF TG_TABLE_NAME = 'catalog_target_groups' THEN
    UPDATE catalog_entries SET document = jsonb_set(document, '{targetGroups}', coalesce((
      SELECT jsonb_agg(CASE WHEN t->>'code' = NEW.code THEN term ELSE t END ORDER BY i)
      FROM jsonb_array_elements(coalesce(document->'targetGroups', '[]')) WITH ORDINALITY AS x(t, i)), '[]'))
      WHERE NEW.code = ANY (target_groups);
  ELSIF TG_TABLE_NAME = 'catalog_methods' THEN
    UPDATE catalog_entries SET document = jsonb_set(document, '{methods}', coalesce((
      SELECT jsonb_agg(CASE WHEN t->>'code' = NEW.code THEN term ELSE t END ORDER BY i)
      FROM jsonb_array_elements(coalesce(document->'methods', '[]')) WITH ORDINALITY AS x(t, i)), '[]'))
      WHERE NEW.code = ANY (methods);
  ELSE
    UPDATE catalog_entries SET results = (
      SELECT jsonb_agg(jsonb_set(r, '{outcomes}', (
        SELECT jsonb_agg(CASE WHEN o->>'code' = NEW.code THEN jsonb_set(o, '{label}', to_jsonb(NEW.label_sv))
          ELSE o END ORDER BY i)
        FROM jsonb_array_elements(r->'outcomes') WITH ORDINALITY AS x(o, i))) ORDER BY j)
      FROM jsonb_array_elements(results) WITH ORDINALITY AS y(r, j))
      WHERE results @> jsonb_build_array(jsonb_build_object('outcomes', jsonb_build_array(jsonb_build_object('code', NEW.code))));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_focus_areas_relabel AFTER UPDATE OF label_sv ON catalog_focus_areas
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION relabel_catalog_entries();
--> statement-breakpoint
CREATE TRIGGER catalog_target_groups_relabel AFTER UPDATE OF label_sv ON catalog_target_groups
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION relabel_catalog_entries();
--> statement-breakpoint
CREATE TRIGGER catalog_methods_relabel AFTER UPDATE OF label_sv ON catalog_methods
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION relabel_catalog_entries();
--> statement-breakpoint
CREATE TRIGGER catalog_outcome_categories_relabel AFTER UPDATE OF label_sv ON catalog_outcome_categories
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION relabel_catalog_entries();
