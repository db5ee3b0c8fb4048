-- Citus-ready keys (decision 0030, docs/scale-out.md): every key of a table distributed by organization_id
-- starts with organization_id, and foreign keys between distributed tables join on the tenant first.
-- Rows are kept: each new key is the old one with the tenant added, so it cannot be violated by existing data.
-- The single-column foreign keys to training_participants(id) go: the composite ones already cover them.
ALTER TABLE session_registrations DROP CONSTRAINT session_registrations_participant_id_training_participants_id_f;
--> statement-breakpoint
ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_participant_id_training_participants_id_fk;
--> statement-breakpoint
ALTER TABLE session_registrations DROP CONSTRAINT session_registrations_participant_id_organization_id_training_i;
--> statement-breakpoint
ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_participant_id_organization_id_training_id_tra;
--> statement-breakpoint
ALTER TABLE event_signup_consents DROP CONSTRAINT event_signup_consents_participant_fk;
--> statement-breakpoint
ALTER TABLE training_participants DROP CONSTRAINT training_participants_id_org_training_key;
--> statement-breakpoint
ALTER TABLE training_participants DROP CONSTRAINT training_participants_pkey;
--> statement-breakpoint
ALTER TABLE training_participants ADD CONSTRAINT training_participants_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
ALTER TABLE training_participants ADD CONSTRAINT training_participants_org_id_training_key UNIQUE (organization_id, id, training_id);
--> statement-breakpoint
DROP INDEX training_participants_training_email_key;
--> statement-breakpoint
CREATE UNIQUE INDEX training_participants_training_email_key ON training_participants (organization_id, training_id, lower(email));
--> statement-breakpoint
ALTER TABLE session_registrations ADD CONSTRAINT session_registrations_participant_fk
  FOREIGN KEY (organization_id, participant_id, training_id) REFERENCES training_participants (organization_id, id, training_id);
--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_participant_fk
  FOREIGN KEY (organization_id, participant_id, training_id) REFERENCES training_participants (organization_id, id, training_id);
--> statement-breakpoint
ALTER TABLE event_signup_consents ADD CONSTRAINT event_signup_consents_participant_fk
  FOREIGN KEY (organization_id, participant_id, training_id) REFERENCES training_participants (organization_id, id, training_id);
--> statement-breakpoint
ALTER TABLE session_registrations DROP CONSTRAINT session_registrations_pkey;
--> statement-breakpoint
ALTER TABLE session_registrations ADD CONSTRAINT session_registrations_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
-- A participant belongs to one förbund, so adding its tenant keeps "one live registration per person".
DROP INDEX session_registrations_one_live_per_person;
--> statement-breakpoint
CREATE UNIQUE INDEX session_registrations_one_live_per_person ON session_registrations (organization_id, session_id, participant_id)
  WHERE status <> 'cancelled';
--> statement-breakpoint
ALTER TABLE event_signup_consents DROP CONSTRAINT event_signup_consents_pkey;
--> statement-breakpoint
ALTER TABLE event_signup_consents ADD CONSTRAINT event_signup_consents_pkey PRIMARY KEY (organization_id, participant_id);
--> statement-breakpoint
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
--> statement-breakpoint
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
ALTER TABLE event_budget_lines DROP CONSTRAINT event_budget_lines_pkey;
--> statement-breakpoint
ALTER TABLE event_budget_lines ADD CONSTRAINT event_budget_lines_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
ALTER TABLE event_figures DROP CONSTRAINT event_figures_pkey;
--> statement-breakpoint
ALTER TABLE event_figures ADD CONSTRAINT event_figures_pkey PRIMARY KEY (organization_id, training_id);
--> statement-breakpoint
ALTER TABLE event_signups DROP CONSTRAINT event_signups_pkey;
--> statement-breakpoint
ALTER TABLE event_signups ADD CONSTRAINT event_signups_pkey PRIMARY KEY (organization_id, training_id);
--> statement-breakpoint
ALTER TABLE resource_shares DROP CONSTRAINT resource_shares_resource_type_resource_id_organization_id_pk;
--> statement-breakpoint
ALTER TABLE resource_shares ADD CONSTRAINT resource_shares_pkey PRIMARY KEY (organization_id, resource_type, resource_id);
--> statement-breakpoint
ALTER TABLE training_cost_lines DROP CONSTRAINT training_cost_lines_pkey;
--> statement-breakpoint
ALTER TABLE training_cost_lines ADD CONSTRAINT training_cost_lines_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
ALTER TABLE training_parties DROP CONSTRAINT training_parties_training_id_organization_id_pk;
--> statement-breakpoint
ALTER TABLE training_parties ADD CONSTRAINT training_parties_pkey PRIMARY KEY (organization_id, training_id);
--> statement-breakpoint
ALTER TABLE training_print_costs DROP CONSTRAINT training_print_costs_pkey;
--> statement-breakpoint
ALTER TABLE training_print_costs ADD CONSTRAINT training_print_costs_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
ALTER TABLE training_requests DROP CONSTRAINT training_requests_pkey;
--> statement-breakpoint
ALTER TABLE training_requests ADD CONSTRAINT training_requests_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
-- survey_responses keeps its token unique across tenants (pending re-key, src/distribution.ts); the rest moves.
ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_pkey;
--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_pkey PRIMARY KEY (organization_id, id);
--> statement-breakpoint
DROP INDEX survey_responses_participant_key;
--> statement-breakpoint
CREATE UNIQUE INDEX survey_responses_participant_key ON survey_responses (organization_id, participant_id);
--> statement-breakpoint
-- Lookups by the old key alone (an id from a URL, a training's parties, a resource's shares) keep an index:
-- plain, not unique, which Citus allows without the tenant.
CREATE INDEX audit_log_id_idx ON audit_log (id);
--> statement-breakpoint
CREATE INDEX event_budget_lines_id_idx ON event_budget_lines (id);
--> statement-breakpoint
CREATE INDEX event_figures_training_id_idx ON event_figures (training_id);
--> statement-breakpoint
CREATE INDEX event_signups_training_id_idx ON event_signups (training_id);
--> statement-breakpoint
CREATE INDEX event_signup_consents_participant_id_idx ON event_signup_consents (participant_id);
--> statement-breakpoint
CREATE INDEX resource_shares_resource_idx ON resource_shares (resource_type, resource_id);
--> statement-breakpoint
CREATE INDEX session_registrations_id_idx ON session_registrations (id);
--> statement-breakpoint
CREATE INDEX survey_responses_id_idx ON survey_responses (id);
--> statement-breakpoint
CREATE INDEX survey_responses_participant_id_idx ON survey_responses (participant_id);
--> statement-breakpoint
CREATE INDEX training_cost_lines_id_idx ON training_cost_lines (id);
--> statement-breakpoint
CREATE INDEX training_parties_training_id_idx ON training_parties (training_id);
--> statement-breakpoint
CREATE INDEX training_participants_id_idx ON training_participants (id);
--> statement-breakpoint
CREATE INDEX training_print_costs_id_idx ON training_print_costs (id);
--> statement-breakpoint
CREATE INDEX training_requests_id_idx ON training_requests (id);
