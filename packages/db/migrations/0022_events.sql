-- Events (a förbund's own event days, seed 000): a recurring series, the figures of a day entered
-- afterwards, a budget with cost lines, and participants tied to a
-- member party. Existing rows keep their meaning: every new column is nullable and no row is rewritten.
CREATE TABLE event_series (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	organization_id uuid NOT NULL REFERENCES organizations(id),
	name text NOT NULL,
	description text,
	version integer DEFAULT 1 NOT NULL,
	created_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	updated_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT event_series_id_organization_key UNIQUE (id, organization_id)
);
--> statement-breakpoint
CREATE INDEX event_series_organization_id_idx ON event_series (organization_id);
--> statement-breakpoint
CREATE UNIQUE INDEX event_series_org_name_key ON event_series (organization_id, lower(name));
--> statement-breakpoint
ALTER TABLE trainings ADD COLUMN series_id uuid;
--> statement-breakpoint
-- A series holds only its own förbund's events.
ALTER TABLE trainings ADD CONSTRAINT trainings_series_fk FOREIGN KEY (series_id, organization_id)
  REFERENCES event_series (id, organization_id);
--> statement-breakpoint
ALTER TABLE trainings ADD CONSTRAINT trainings_series_only_events CHECK (series_id IS NULL OR kind = 'event');
--> statement-breakpoint
CREATE INDEX trainings_series_idx ON trainings (series_id) WHERE series_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE event_figures (
	training_id uuid PRIMARY KEY NOT NULL,
	organization_id uuid NOT NULL REFERENCES organizations(id),
	registered integer NOT NULL,
	attended integer NOT NULL,
	attended_women integer DEFAULT 0 NOT NULL,
	attended_men integer DEFAULT 0 NOT NULL,
	attended_other integer DEFAULT 0 NOT NULL,
	survey_responses integer,
	satisfaction_tenths integer,
	note text,
	version integer DEFAULT 1 NOT NULL,
	created_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	updated_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT event_figures_training_fk FOREIGN KEY (training_id, organization_id)
	  REFERENCES trainings (id, organization_id),
	CONSTRAINT event_figures_counts CHECK (registered >= 0 AND attended >= 0 AND attended_women >= 0
	  AND attended_men >= 0 AND attended_other >= 0
	  AND attended_women + attended_men + attended_other <= attended),
	CONSTRAINT event_figures_satisfaction CHECK (
	  (satisfaction_tenths IS NULL OR satisfaction_tenths BETWEEN 10 AND 50)
	  AND (survey_responses IS NULL OR survey_responses BETWEEN 0 AND attended))
);
--> statement-breakpoint
CREATE INDEX event_figures_organization_id_idx ON event_figures (organization_id);
--> statement-breakpoint
CREATE TABLE event_budget_lines (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	organization_id uuid NOT NULL REFERENCES organizations(id),
	training_id uuid NOT NULL,
	category text NOT NULL,
	description text NOT NULL,
	budget_ore bigint DEFAULT 0 NOT NULL,
	actual_ore bigint,
	vat_rate_basis_points integer NOT NULL,
	removed_at timestamp (3) with time zone,
	version integer DEFAULT 1 NOT NULL,
	created_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	updated_at timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT event_budget_lines_training_fk FOREIGN KEY (training_id, organization_id)
	  REFERENCES trainings (id, organization_id),
	CONSTRAINT event_budget_lines_category CHECK (category IN ('venue', 'catering', 'speaker', 'other')),
	CONSTRAINT event_budget_lines_amounts CHECK (budget_ore >= 0 AND (actual_ore IS NULL OR actual_ore >= 0)),
	CONSTRAINT event_budget_lines_vat CHECK (vat_rate_basis_points BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE INDEX event_budget_lines_organization_id_idx ON event_budget_lines (organization_id, training_id);
--> statement-breakpoint
CREATE INDEX event_budget_lines_training_idx ON event_budget_lines (training_id);
--> statement-breakpoint
-- A participant's member party is one of its own förbund's huvudmän: the composite key says so.
ALTER TABLE organization_member_parties ADD CONSTRAINT organization_member_parties_id_organization_key
  UNIQUE (id, organization_id);
--> statement-breakpoint
ALTER TABLE training_participants ADD COLUMN member_party_id uuid;
--> statement-breakpoint
ALTER TABLE training_participants ADD CONSTRAINT training_participants_member_party_fk
  FOREIGN KEY (member_party_id, organization_id) REFERENCES organization_member_parties (id, organization_id);
--> statement-breakpoint
CREATE TRIGGER event_series_immutable_organization BEFORE UPDATE ON event_series
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER event_figures_immutable_organization BEFORE UPDATE ON event_figures
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER event_budget_lines_immutable_organization BEFORE UPDATE ON event_budget_lines
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE event_series ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_series
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE event_figures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_figures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_figures
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY party_reads ON event_figures FOR SELECT USING (app_is_training_party(training_id));
--> statement-breakpoint
ALTER TABLE event_budget_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_budget_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_budget_lines
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY party_reads ON event_budget_lines FOR SELECT USING (app_is_training_party(training_id));
