CREATE TABLE "progression_access_log" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid,
	"participant_code" text NOT NULL,
	"action" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_access_log_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "progression_instrument_versions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"change_note" text,
	"published_at" timestamp (3) with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_instrument_versions_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "progression_instrument_versions_number" UNIQUE("organization_id","instrument_id","number"),
	CONSTRAINT "progression_instrument_versions_status_check" CHECK (status IN ('draft', 'published', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "progression_instruments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"national" boolean DEFAULT false NOT NULL,
	"placeholder" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_instruments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "progression_instruments_key" UNIQUE("organization_id","key")
);
--> statement-breakpoint
CREATE TABLE "progression_intervention_instruments" (
	"organization_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"instrument_organization_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_intervention_instruments_organization_id_intervention_id_instrument_version_id_pk" PRIMARY KEY("organization_id","intervention_id","instrument_version_id")
);
--> statement-breakpoint
CREATE TABLE "progression_item_mappings" (
	"organization_id" uuid NOT NULL,
	"from_version_id" uuid NOT NULL,
	"from_item_code" text NOT NULL,
	"to_version_id" uuid NOT NULL,
	"to_item_code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_item_mappings_organization_id_from_version_id_from_item_code_to_version_id_pk" PRIMARY KEY("organization_id","from_version_id","from_item_code","to_version_id")
);
--> statement-breakpoint
CREATE TABLE "progression_measurements" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_organization_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"measured_on" date NOT NULL,
	"answers" smallint[] NOT NULL,
	"comment" text,
	"source" text NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_measurements_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "progression_measurements_respondent_check" CHECK (respondent IN ('participant', 'coach')),
	CONSTRAINT "progression_measurements_source_check" CHECK (source IN ('coach', 'self_rating'))
);
--> statement-breakpoint
CREATE TABLE "progression_participants" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"intervention_id" uuid NOT NULL,
	"coach_user_id" uuid,
	"gender" text NOT NULL,
	"birth_year" integer,
	"age_band" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_participants_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "progression_participants_code" UNIQUE("organization_id","code"),
	CONSTRAINT "progression_participants_gender_check" CHECK (gender IN ('woman', 'man', 'other', 'not_stated')),
	CONSTRAINT "progression_participants_dates_check" CHECK (end_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "progression_progress" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"measurement_count" integer NOT NULL,
	"first_measurement_id" uuid NOT NULL,
	"first_on" date NOT NULL,
	"first_answers" smallint[] NOT NULL,
	"latest_measurement_id" uuid NOT NULL,
	"latest_on" date NOT NULL,
	"latest_answers" smallint[] NOT NULL,
	CONSTRAINT "progression_progress_organization_id_participant_id_instrument_version_id_respondent_pk" PRIMARY KEY("organization_id","participant_id","instrument_version_id","respondent")
);
--> statement-breakpoint
CREATE TABLE "progression_self_rating_links" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_organization_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"measurement_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_self_rating_links_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "progression_self_rating_links_token" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "progression_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" integer DEFAULT 36 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "progression_access_log" ADD CONSTRAINT "progression_access_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instrument_versions" ADD CONSTRAINT "progression_instrument_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instrument_versions" ADD CONSTRAINT "progression_instrument_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instrument_versions" ADD CONSTRAINT "progression_instrument_versions_instrument_fk" FOREIGN KEY ("organization_id","instrument_id") REFERENCES "public"."progression_instruments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_instruments" ADD CONSTRAINT "progression_instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_intervention_instruments" ADD CONSTRAINT "progression_intervention_instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_intervention_instruments" ADD CONSTRAINT "progression_intervention_instruments_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_intervention_instruments" ADD CONSTRAINT "progression_intervention_instruments_version_fk" FOREIGN KEY ("instrument_organization_id","instrument_version_id") REFERENCES "public"."progression_instrument_versions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_item_mappings" ADD CONSTRAINT "progression_item_mappings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_item_mappings" ADD CONSTRAINT "progression_item_mappings_from_fk" FOREIGN KEY ("organization_id","from_version_id") REFERENCES "public"."progression_instrument_versions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_item_mappings" ADD CONSTRAINT "progression_item_mappings_to_fk" FOREIGN KEY ("organization_id","to_version_id") REFERENCES "public"."progression_instrument_versions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_measurements" ADD CONSTRAINT "progression_measurements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_measurements" ADD CONSTRAINT "progression_measurements_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_measurements" ADD CONSTRAINT "progression_measurements_participant_fk" FOREIGN KEY ("organization_id","participant_id") REFERENCES "public"."progression_participants"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_measurements" ADD CONSTRAINT "progression_measurements_version_fk" FOREIGN KEY ("instrument_organization_id","instrument_version_id") REFERENCES "public"."progression_instrument_versions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_participants" ADD CONSTRAINT "progression_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_participants" ADD CONSTRAINT "progression_participants_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_participants" ADD CONSTRAINT "progression_participants_coach_user_id_users_id_fk" FOREIGN KEY ("coach_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_progress" ADD CONSTRAINT "progression_progress_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_progress" ADD CONSTRAINT "progression_progress_participant_fk" FOREIGN KEY ("organization_id","participant_id") REFERENCES "public"."progression_participants"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_self_rating_links" ADD CONSTRAINT "progression_self_rating_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_self_rating_links" ADD CONSTRAINT "progression_self_rating_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_self_rating_links" ADD CONSTRAINT "progression_self_rating_links_participant_fk" FOREIGN KEY ("organization_id","participant_id") REFERENCES "public"."progression_participants"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_self_rating_links" ADD CONSTRAINT "progression_self_rating_links_version_fk" FOREIGN KEY ("instrument_organization_id","instrument_version_id") REFERENCES "public"."progression_instrument_versions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progression_access_log_at_idx" ON "progression_access_log" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "progression_access_log_participant_idx" ON "progression_access_log" USING btree ("organization_id","participant_id","at");--> statement-breakpoint
CREATE INDEX "progression_measurements_participant_idx" ON "progression_measurements" USING btree ("organization_id","participant_id","measured_on");--> statement-breakpoint
CREATE INDEX "progression_participants_coach_idx" ON "progression_participants" USING btree ("organization_id","coach_user_id");--> statement-breakpoint
CREATE INDEX "progression_participants_intervention_idx" ON "progression_participants" USING btree ("organization_id","intervention_id");--> statement-breakpoint
CREATE INDEX "progression_participants_end_idx" ON "progression_participants" USING btree ("organization_id","end_date");--> statement-breakpoint
CREATE INDEX "progression_progress_version_idx" ON "progression_progress" USING btree ("instrument_version_id","respondent");--> statement-breakpoint
-- Progression measurement (docs/progression.md). A förbund's handledare (role coach) sees only the
-- participants assigned to them; the förbund's progression managers see all of its own (the service sets
-- app.progression_all for them); NNS reads no individual row, only what progression_aggregate returns.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer', 'trainer', 'coach'));
--> statement-breakpoint
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer', 'trainer', 'coach'));
--> statement-breakpoint
ALTER TABLE progression_participants ADD CONSTRAINT progression_participants_age_band_check
  CHECK (age_band IS NULL OR age_band IN ('16-19', '20-29', '30-39', '40-49', '50-59', '60-'));
--> statement-breakpoint
ALTER TABLE progression_access_log ADD CONSTRAINT progression_access_log_actor_type_check
  CHECK (actor_type IN ('user', 'api_key', 'system'));
--> statement-breakpoint
REVOKE UPDATE, DELETE ON progression_access_log FROM nns_app;
--> statement-breakpoint
REVOKE UPDATE ON progression_measurements FROM nns_app;
--> statement-breakpoint
-- Instruments, their versions and mappings: the keeper's own, and every national one for reading.
ALTER TABLE progression_instruments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_instruments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_instruments
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY national_reads ON progression_instruments FOR SELECT USING (national);
--> statement-breakpoint
CREATE TRIGGER progression_instruments_immutable_organization BEFORE UPDATE ON progression_instruments
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE progression_instrument_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_instrument_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_instrument_versions
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY national_reads ON progression_instrument_versions FOR SELECT
  USING (status <> 'draft' AND EXISTS (SELECT 1 FROM progression_instruments i
    WHERE i.organization_id = progression_instrument_versions.organization_id
      AND i.id = progression_instrument_versions.instrument_id AND i.national));
--> statement-breakpoint
CREATE FUNCTION progression_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'a published instrument version cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition
      OR NEW.instrument_id IS DISTINCT FROM OLD.instrument_id OR NEW.number IS DISTINCT FROM OLD.number
      OR NEW.status = 'draft') THEN
    RAISE EXCEPTION 'a published instrument version is immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER progression_instrument_versions_frozen BEFORE UPDATE OR DELETE ON progression_instrument_versions
  FOR EACH ROW EXECUTE FUNCTION progression_version_frozen();
--> statement-breakpoint
CREATE TRIGGER progression_instrument_versions_immutable_organization BEFORE UPDATE ON progression_instrument_versions
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE progression_item_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_item_mappings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_item_mappings
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY national_reads ON progression_item_mappings FOR SELECT
  USING (EXISTS (SELECT 1 FROM progression_instrument_versions v JOIN progression_instruments i
      ON i.organization_id = v.organization_id AND i.id = v.instrument_id
    WHERE v.organization_id = progression_item_mappings.organization_id
      AND v.id = progression_item_mappings.to_version_id AND i.national));
--> statement-breakpoint
ALTER TABLE progression_intervention_instruments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_intervention_instruments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_intervention_instruments
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE progression_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_settings
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE progression_access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_access_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON progression_access_log
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Individual-level data: a coach's own participants, or all of the förbund's for its managers.
CREATE FUNCTION app_progression_participant_visible(p_organization uuid, p_coach uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT p_organization = app_current_org()
    AND (current_setting('app.progression_all', true) = 'on' OR p_coach = app_current_user())
$$;
--> statement-breakpoint
ALTER TABLE progression_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_or_all ON progression_participants
  USING (app_progression_participant_visible(organization_id, coach_user_id))
  WITH CHECK (app_progression_participant_visible(organization_id, coach_user_id));
--> statement-breakpoint
-- progression_aggregate and progression_activity run as the tables' owner, which FORCE subjects to policies too.
CREATE POLICY aggregate_function ON progression_participants FOR SELECT USING (current_user <> 'nns_app');
--> statement-breakpoint
CREATE TRIGGER progression_participants_immutable_organization BEFORE UPDATE ON progression_participants
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE FUNCTION app_progression_participant_reachable(p_organization uuid, p_participant uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT p_organization = app_current_org() AND EXISTS (SELECT 1 FROM progression_participants p
    WHERE p.organization_id = p_organization AND p.id = p_participant)
$$;
--> statement-breakpoint
ALTER TABLE progression_measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_measurements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY through_participant ON progression_measurements
  USING (app_progression_participant_reachable(organization_id, participant_id))
  WITH CHECK (app_progression_participant_reachable(organization_id, participant_id));
--> statement-breakpoint
ALTER TABLE progression_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_progress FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY through_participant ON progression_progress
  USING (app_progression_participant_reachable(organization_id, participant_id))
  WITH CHECK (app_progression_participant_reachable(organization_id, participant_id));
--> statement-breakpoint
CREATE POLICY aggregate_function ON progression_progress FOR SELECT USING (current_user <> 'nns_app');
--> statement-breakpoint
ALTER TABLE progression_self_rating_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE progression_self_rating_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY through_participant ON progression_self_rating_links
  USING (app_progression_participant_reachable(organization_id, participant_id))
  WITH CHECK (app_progression_participant_reachable(organization_id, participant_id));
--> statement-breakpoint
-- The participant's own phone, holding the link: the public self-rating page finds its one row by hash.
CREATE POLICY link_holder ON progression_self_rating_links FOR SELECT
  USING (token_hash = decode(nullif(current_setting('app.self_rating_token_hash', true), ''), 'hex'));
--> statement-breakpoint
-- First and latest reading per participant, version and respondent, recomputed for the keys a statement
-- touched. Measurements are never updated (the application role may not), so inserts and deletions
-- are all there is to follow.
CREATE FUNCTION progression_refresh_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Two transactions writing readings of one participant at once (a coach's and a self-rating) would each
  -- rebuild the row from what it sees and collide on its key. One at a time per participant, in a fixed
  -- order; the statements below then read with a fresh snapshot that includes the other's committed work.
  PERFORM pg_advisory_xact_lock(hashtextextended('progression/' || k.organization_id || '/' || k.participant_id, 0))
    FROM (SELECT DISTINCT organization_id, participant_id FROM changed ORDER BY 1, 2) k;
  DELETE FROM progression_progress p
    USING (SELECT DISTINCT organization_id, participant_id, instrument_version_id, respondent FROM changed) k
    WHERE p.organization_id = k.organization_id AND p.participant_id = k.participant_id
      AND p.instrument_version_id = k.instrument_version_id AND p.respondent = k.respondent;
  INSERT INTO progression_progress (organization_id, participant_id, instrument_version_id, respondent,
      measurement_count, first_measurement_id, first_on, first_answers, latest_measurement_id, latest_on, latest_answers)
    SELECT k.organization_id, k.participant_id, k.instrument_version_id, k.respondent, c.n,
      f.id, f.measured_on, f.answers, l.id, l.measured_on, l.answers
    FROM (SELECT DISTINCT organization_id, participant_id, instrument_version_id, respondent FROM changed) k
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM progression_measurements m
      WHERE m.organization_id = k.organization_id AND m.participant_id = k.participant_id
        AND m.instrument_version_id = k.instrument_version_id AND m.respondent = k.respondent) c
    CROSS JOIN LATERAL (SELECT m.id, m.measured_on, m.answers FROM progression_measurements m
      WHERE m.organization_id = k.organization_id AND m.participant_id = k.participant_id
        AND m.instrument_version_id = k.instrument_version_id AND m.respondent = k.respondent
      ORDER BY m.measured_on, m.created_at, m.id LIMIT 1) f
    CROSS JOIN LATERAL (SELECT m.id, m.measured_on, m.answers FROM progression_measurements m
      WHERE m.organization_id = k.organization_id AND m.participant_id = k.participant_id
        AND m.instrument_version_id = k.instrument_version_id AND m.respondent = k.respondent
      ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT 1) l
    -- A participant being deleted takes its progress rows with it; recreating them would break its key.
    WHERE EXISTS (SELECT 1 FROM progression_participants p
      WHERE p.organization_id = k.organization_id AND p.id = k.participant_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER progression_measurements_inserted AFTER INSERT ON progression_measurements
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION progression_refresh_progress();
--> statement-breakpoint
CREATE TRIGGER progression_measurements_deleted AFTER DELETE ON progression_measurements
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION progression_refresh_progress();
--> statement-breakpoint
-- The age band a participant is counted in, as @nns/domain participantAgeBand: from the birth year at the
-- start date when known (under 16: no band), else the recorded band; 'unknown' when neither gives one.
CREATE FUNCTION progression_age_band(p_birth_year int, p_age_band text, p_start date) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_birth_year IS NULL THEN coalesce(p_age_band, 'unknown')
    WHEN extract(year FROM p_start)::int - p_birth_year < 16 THEN 'unknown'
    WHEN extract(year FROM p_start)::int - p_birth_year < 20 THEN '16-19'
    WHEN extract(year FROM p_start)::int - p_birth_year >= 60 THEN '60-'
    ELSE ((extract(year FROM p_start)::int - p_birth_year) / 10 * 10)::text || '-'
      || ((extract(year FROM p_start)::int - p_birth_year) / 10 * 10 + 9)::text
  END
$$;
--> statement-breakpoint
-- The caller of an aggregate function, checked: an organization must be set, the national scope is for the
-- NNS organization only, and scope and breakdown must be known ones. The aggregate functions run as the
-- owner, so this is where the caller's rights are decided.
CREATE FUNCTION progression_aggregate_caller(p_scope text, p_dimension text) RETURNS uuid
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  caller uuid := app_current_org();
BEGIN
  IF caller IS NULL THEN
    RAISE EXCEPTION 'progression aggregates need an organization' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_scope = 'national' AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = caller AND o.kind = 'nns') THEN
    RAISE EXCEPTION 'national progression aggregates are for NNS' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_scope NOT IN ('national', 'organization', 'intervention') THEN
    RAISE EXCEPTION 'unknown scope %', p_scope USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_dimension NOT IN ('none', 'gender', 'age_band', 'start_quarter', 'organization', 'intervention') THEN
    RAISE EXCEPTION 'unknown dimension %', p_dimension USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN caller;
END
$$;
--> statement-breakpoint
-- Aggregates without row access: sums and counts per group and item over participants with at least two
-- readings, never a row about one person. Runs as the owner (not nns_app), so it checks the caller
-- itself: the national scope only for the NNS organization, every other scope only within the caller's
-- own förbund. Groups under the minimum size are suppressed by the service (complementary suppression
-- needs the whole table, @nns/domain progression/aggregates.ts) before anything leaves it.
-- p_signs: +1 where a higher answer is better, -1 where lower is, per item in answer order.
-- One pass over the first/latest rows with one aggregate per item and figure, written out for the
-- version's item count: unnesting every answer into its own row took twice as long at national size
-- (docs/performance.md).
CREATE FUNCTION progression_aggregate(
  p_scope text, p_intervention_id uuid, p_version_id uuid, p_respondent text, p_dimension text,
  p_signs int[], p_threshold int
) RETURNS TABLE (group_key text, item_index int, n int, first_sum int, latest_sum int,
  improved int, unchanged int, worse int)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  caller uuid := progression_aggregate_caller(p_scope, p_dimension);
  items int := coalesce(array_length(p_signs, 1), 0);
  firsts text;
  latests text;
  better text;
  worsened text;
BEGIN
  -- Unchanged is what is neither better nor worse, which needs a threshold of at least one step.
  IF p_threshold IS NULL OR p_threshold < 1 OR items = 0 OR items > 60
      OR EXISTS (SELECT 1 FROM unnest(p_signs) AS s WHERE s IS NULL OR s NOT IN (1, -1)) THEN
    RAISE EXCEPTION 'signs must be 1 or -1 for 1 to 60 items, the threshold at least 1'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT 'ARRAY[' || string_agg(format('sum(r.f[%s])', i), ', ') || ']::int[]',
    'ARRAY[' || string_agg(format('sum(r.l[%s])', i), ', ') || ']::int[]',
    'ARRAY[' || string_agg(format('count(*) FILTER (WHERE (r.l[%1$s] - r.f[%1$s]) * %2$s >= $6)', i, p_signs[i]), ', ') || ']::int[]',
    'ARRAY[' || string_agg(format('count(*) FILTER (WHERE (r.l[%1$s] - r.f[%1$s]) * %2$s <= -$6)', i, p_signs[i]), ', ') || ']::int[]'
    INTO firsts, latests, better, worsened
    FROM generate_series(1, items) AS i;
  RETURN QUERY EXECUTE format($query$
    WITH r AS (
      SELECT CASE $5
          WHEN 'gender' THEN p.gender
          WHEN 'age_band' THEN progression_age_band(p.birth_year, p.age_band, p.start_date)
          WHEN 'start_quarter' THEN to_char(p.start_date, 'YYYY-"Q"Q')
          WHEN 'organization' THEN p.organization_id::text
          WHEN 'intervention' THEN p.intervention_id::text
          ELSE 'all' END AS g,
        pr.first_answers AS f, pr.latest_answers AS l
      FROM progression_progress pr
      JOIN progression_participants p ON p.organization_id = pr.organization_id AND p.id = pr.participant_id
      WHERE pr.instrument_version_id = $3 AND pr.respondent = $4 AND pr.measurement_count >= 2
        AND ($1 = 'national' OR pr.organization_id = $7)
        AND ($1 <> 'intervention' OR p.intervention_id = $2)
    ), a AS (
      SELECT CASE WHEN grouping(r.g) = 1 THEN NULL ELSE r.g END AS g, count(*)::int AS n,
        %s AS fs, %s AS ls, %s AS up, %s AS down
      FROM r GROUP BY GROUPING SETS ((r.g), ()) HAVING count(*) > 0
    )
    SELECT a.g, i, a.n, a.fs[i], a.ls[i], a.up[i], a.n - a.up[i] - a.down[i], a.down[i]
    FROM a CROSS JOIN generate_series(1, $8) AS i
  $query$, firsts, latests, better, worsened)
  USING p_scope, p_intervention_id, p_version_id, p_respondent, p_dimension, p_threshold, caller, items;
END
$$;
--> statement-breakpoint
-- Participants and measurements per group in the same scopes and under the same checks. The group key is
-- written out here as in progression_aggregate: a shared SQL function taking the participant row was not
-- inlined and made the national report twice as slow.
CREATE FUNCTION progression_activity(p_scope text, p_intervention_id uuid, p_dimension text)
  RETURNS TABLE (group_key text, participants int, measured_participants int, measurements int)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  caller uuid := progression_aggregate_caller(p_scope, p_dimension);
BEGIN
  RETURN QUERY
  WITH m AS (
    SELECT pr.organization_id, pr.participant_id, sum(pr.measurement_count) AS m FROM progression_progress pr
    WHERE p_scope = 'national' OR pr.organization_id = caller
    GROUP BY pr.organization_id, pr.participant_id
  ), rows AS (
    SELECT CASE p_dimension
        WHEN 'gender' THEN p.gender
        WHEN 'age_band' THEN progression_age_band(p.birth_year, p.age_band, p.start_date)
        WHEN 'start_quarter' THEN to_char(p.start_date, 'YYYY-"Q"Q')
        WHEN 'organization' THEN p.organization_id::text
        WHEN 'intervention' THEN p.intervention_id::text
        ELSE 'all' END AS g,
      m.m
    FROM progression_participants p
    LEFT JOIN m ON m.organization_id = p.organization_id AND m.participant_id = p.id
    WHERE (p_scope = 'national' OR p.organization_id = caller)
      AND (p_scope <> 'intervention' OR p.intervention_id = p_intervention_id)
  )
  SELECT CASE WHEN grouping(rows.g) = 1 THEN NULL ELSE rows.g END, count(*)::int,
    (count(*) FILTER (WHERE rows.m > 0))::int, coalesce(sum(rows.m), 0)::int
  FROM rows GROUP BY GROUPING SETS ((rows.g), ());
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION progression_aggregate(text, uuid, uuid, text, text, int[], int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION progression_aggregate(text, uuid, uuid, text, text, int[], int) TO nns_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION progression_activity(text, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION progression_activity(text, uuid, text) TO nns_app;
--> statement-breakpoint
-- Which instrument versions and respondents have readings in the caller's reach (national for NNS, else
-- its own förbund): what a report can be asked about. Pairs only, no counts.
CREATE FUNCTION progression_report_versions() RETURNS TABLE (instrument_version_id uuid, respondent text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  caller uuid := app_current_org();
  national boolean;
BEGIN
  IF caller IS NULL THEN
    RAISE EXCEPTION 'progression aggregates need an organization' USING ERRCODE = 'insufficient_privilege';
  END IF;
  national := EXISTS (SELECT 1 FROM organizations o WHERE o.id = caller AND o.kind = 'nns');
  RETURN QUERY
  SELECT DISTINCT pr.instrument_version_id, pr.respondent FROM progression_progress pr
    WHERE national OR pr.organization_id = caller;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION progression_report_versions() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION progression_report_versions() TO nns_app;
