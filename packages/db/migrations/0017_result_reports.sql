-- Result reports with explicit semantics, editorial review and RESAM's full content (decision 0023).
--
-- kind: 'interval' (only its own period, added up) or 'cumulative' (from its start to its end, the
-- latest replaces earlier overlapping ones). Backfill: a report whose period overlaps another report of
-- the same intervention was reported from a common start, as RESAM's were, so it is 'cumulative';
-- a report that overlaps none is 'interval'. Both readings give the same totals for a lone report.
ALTER TABLE "intervention_results" ADD COLUMN "kind" text;
--> statement-breakpoint
UPDATE "intervention_results" r SET "kind" = CASE WHEN EXISTS (
  SELECT 1 FROM "intervention_results" o
  WHERE o.intervention_id = r.intervention_id AND o.id <> r.id
    AND o.period_start <= r.period_end AND r.period_start <= o.period_end
) THEN 'cumulative' ELSE 'interval' END;
--> statement-breakpoint
ALTER TABLE "intervention_results" ALTER COLUMN "kind" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD CONSTRAINT "intervention_results_kind"
  CHECK ("kind" IN ('interval', 'cumulative'));
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "budget_lines" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "sub_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "assessed_not_enrolled" integer;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD CONSTRAINT "intervention_results_assessed"
  CHECK ("assessed_not_enrolled" IS NULL OR "assessed_not_enrolled" >= 0);
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "survey" jsonb;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "socio_economic" jsonb;
--> statement-breakpoint
-- Review: 'submitted' waits for NNS's editors, 'published' is public. `published` holds the figures as
-- last published, so a correction waiting for review leaves the public figures as they were.
ALTER TABLE "intervention_results" ADD COLUMN "state" text DEFAULT 'published' NOT NULL;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD CONSTRAINT "intervention_results_state"
  CHECK ("state" IN ('submitted', 'published'));
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "submitted_at" timestamp (3) with time zone;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "published_at" timestamp (3) with time zone;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "published_by_label" text;
--> statement-breakpoint
ALTER TABLE "intervention_results" ADD COLUMN "published" jsonb;
--> statement-breakpoint
-- Every existing report was public the moment it was recorded: it stays public, as it is.
UPDATE "intervention_results" SET "published_at" = "created_at", "published" = jsonb_build_object(
  'periodStart', period_start, 'periodEnd', period_end, 'kind', kind,
  'participantsWomen', participants_women, 'participantsMen', participants_men,
  'participantsOther', participants_other, 'outcomes', outcomes,
  'averageEnrolmentMonths', average_enrolment_months, 'costOre', cost_ore, 'budgetOre', budget_ore,
  'budgetLines', budget_lines, 'subOutcomes', sub_outcomes, 'assessedNotEnrolled', assessed_not_enrolled,
  'survey', survey, 'socioEconomic', socio_economic);
--> statement-breakpoint
-- The public snapshots get each report's id, kind and (empty) details, so readers see one shape.
UPDATE "catalog_entries" c SET "results" = (
  SELECT coalesce(jsonb_agg(x.e || jsonb_build_object(
    'id', r.id, 'kind', coalesce(r.kind, 'interval'), 'budgetLines', '[]'::jsonb, 'subOutcomes', '[]'::jsonb,
    'assessedNotEnrolled', null, 'survey', null, 'socioEconomic', null) ORDER BY x.ord), '[]'::jsonb)
  FROM jsonb_array_elements(c.results) WITH ORDINALITY AS x(e, ord)
  LEFT JOIN "intervention_results" r ON r.intervention_id = c.intervention_id
    AND r.period_start::text = x.e->>'periodStart' AND r.period_end::text = x.e->>'periodEnd'
);
--> statement-breakpoint
CREATE INDEX "intervention_results_submitted_idx" ON "intervention_results" ("submitted_at")
  WHERE "state" = 'submitted';
--> statement-breakpoint
-- NNS's editorial queue of reports, as for entries (editorial_queue on interventions, 0006): readable
-- only in a transaction where the service has checked the editorial capability.
CREATE POLICY editorial_queue ON intervention_results FOR SELECT
  USING (state = 'submitted' AND current_setting('app.catalog_editorial', true) = 'on');
