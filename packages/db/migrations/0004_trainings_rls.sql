-- Trainings: row-level security. NNS-kept registries are tenant-isolated as usual. Rows that a förbund
-- keeps about a training owned by another organization (its seats, print costs, participants and their
-- registrations, survey answers) are visible to that förbund and to the training's owner, never to the
-- other förbund in the same training.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO nns_app;
--> statement-breakpoint
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer', 'trainer'));
--> statement-breakpoint
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer', 'trainer'));
--> statement-breakpoint
-- Like nns_admin, the trainer role exists only in the NNS organization.
CREATE OR REPLACE FUNCTION memberships_nns_admin_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role IN ('nns_admin', 'trainer') AND NOT EXISTS (
    SELECT 1 FROM organizations o WHERE o.id = NEW.organization_id AND o.kind = 'nns'
  ) THEN
    RAISE EXCEPTION '% is only a role in the NNS organization', NEW.role USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
ALTER TABLE trainings ADD CONSTRAINT trainings_kind_check CHECK (kind IN ('bip_skapa', 'event'));
--> statement-breakpoint
-- BIP/SKAPA is delivered through NNS; a förbund's own trainings are events.
CREATE FUNCTION trainings_bip_skapa_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'bip_skapa' AND NOT EXISTS (
    SELECT 1 FROM organizations o WHERE o.id = NEW.organization_id AND o.kind = 'nns'
  ) THEN
    RAISE EXCEPTION 'BIP/SKAPA trainings are owned by NNS' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER trainings_bip_skapa_guard BEFORE INSERT OR UPDATE ON trainings
  FOR EACH ROW EXECUTE FUNCTION trainings_bip_skapa_guard();
--> statement-breakpoint
ALTER TABLE session_registrations ADD CONSTRAINT session_registrations_status_check CHECK (status IN ('confirmed', 'waitlisted', 'cancelled'));
--> statement-breakpoint
ALTER TABLE trainings ADD CONSTRAINT trainings_status_check CHECK (status IN ('requested', 'planned', 'confirmed', 'completed', 'cancelled'));
--> statement-breakpoint
ALTER TABLE trainings ADD CONSTRAINT trainings_cancellation CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL));
--> statement-breakpoint
-- True when the current organization takes part in the training. Evaluated with the caller's rights, so
-- it sees only the caller's own party row.
CREATE FUNCTION app_is_training_party(p_training uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM training_parties p WHERE p.training_id = p_training AND p.organization_id = app_current_org()
  )
$$;
--> statement-breakpoint
ALTER TABLE trainers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE trainers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON trainers
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE trainer_certifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE trainer_certifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON trainer_certifications
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE price_list_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE price_list_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON price_list_items
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE training_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_templates
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE training_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_requests
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- The request is addressed to the coordinator, who reads it and records the decision on it.
CREATE POLICY coordinator_reads ON training_requests FOR SELECT
  USING (coordinator_organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY coordinator_decides ON training_requests FOR UPDATE
  USING (coordinator_organization_id = app_current_org())
  WITH CHECK (coordinator_organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE trainings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE trainings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON trainings
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY party_reads ON trainings FOR SELECT USING (app_is_training_party(id));
--> statement-breakpoint
ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_sessions
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY party_reads ON training_sessions FOR SELECT USING (app_is_training_party(training_id));
--> statement-breakpoint
ALTER TABLE training_cost_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_cost_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_cost_lines
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY party_reads ON training_cost_lines FOR SELECT USING (app_is_training_party(training_id));
--> statement-breakpoint
ALTER TABLE training_session_trainers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_session_trainers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_session_trainers
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Per-förbund rows of a training: the förbund's own, and the owner's view across förbund.
ALTER TABLE training_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON training_parties FOR SELECT USING (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY owner_manages ON training_parties
  USING (owner_organization_id = app_current_org()) WITH CHECK (owner_organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE training_print_costs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_print_costs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON training_print_costs
  USING (organization_id = app_current_org())
  WITH CHECK (organization_id = app_current_org() AND app_is_training_party(training_id));
--> statement-breakpoint
CREATE POLICY owner_reads ON training_print_costs FOR SELECT USING (owner_organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE training_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON training_participants
  USING (organization_id = app_current_org())
  WITH CHECK (organization_id = app_current_org() AND app_is_training_party(training_id));
--> statement-breakpoint
CREATE POLICY owner_manages ON training_participants
  USING (owner_organization_id = app_current_org()) WITH CHECK (owner_organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE session_registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_registrations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON session_registrations
  USING (organization_id = app_current_org())
  WITH CHECK (organization_id = app_current_org() AND app_is_training_party(training_id));
--> statement-breakpoint
CREATE POLICY owner_manages ON session_registrations
  USING (owner_organization_id = app_current_org()) WITH CHECK (owner_organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE survey_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE survey_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON survey_responses FOR SELECT USING (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY owner_manages ON survey_responses
  USING (owner_organization_id = app_current_org()) WITH CHECK (owner_organization_id = app_current_org());
--> statement-breakpoint
-- Whoever holds the emailed survey link may read and answer that one survey.
CREATE POLICY token_holder_reads ON survey_responses FOR SELECT
  USING (token_hash = decode(nullif(current_setting('app.survey_token_hash', true), ''), 'hex'));
--> statement-breakpoint
CREATE POLICY token_holder_answers ON survey_responses FOR UPDATE
  USING (token_hash = decode(nullif(current_setting('app.survey_token_hash', true), ''), 'hex'))
  WITH CHECK (token_hash = decode(nullif(current_setting('app.survey_token_hash', true), ''), 'hex'));
--> statement-breakpoint
-- The survey page shows the training's title to whoever holds a link for it.
CREATE POLICY survey_token_holder_reads ON trainings FOR SELECT
  USING (EXISTS (
    SELECT 1 FROM survey_responses s
    WHERE s.training_id = trainings.id
      AND s.token_hash = decode(nullif(current_setting('app.survey_token_hash', true), ''), 'hex')
  ));
--> statement-breakpoint
CREATE TRIGGER trainers_immutable_organization BEFORE UPDATE ON trainers
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER training_requests_immutable_organization BEFORE UPDATE ON training_requests
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER trainings_immutable_organization BEFORE UPDATE ON trainings
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER training_participants_immutable_organization BEFORE UPDATE ON training_participants
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER session_registrations_immutable_organization BEFORE UPDATE ON session_registrations
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER survey_responses_immutable_organization BEFORE UPDATE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
