-- Events people sign up for themselves: the förbund's public sign-up settings per event, and the consent
-- each self-registered participant accepted (decision 0025).
CREATE TABLE "event_signups" (
	"organization_id" uuid NOT NULL,
	"training_id" uuid PRIMARY KEY NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"closes_at" timestamp (3) with time zone,
	"consent_text" text NOT NULL,
	"consent_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_signups_consent_text" CHECK (length("event_signups"."consent_text") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "event_signup_consents" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"training_id" uuid NOT NULL,
	"consent_text" text NOT NULL,
	"consent_version" integer NOT NULL,
	"consented_at" timestamp (3) with time zone NOT NULL,
	"member_party_id" uuid
);
--> statement-breakpoint
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_training_id_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "event_signup_consents" ADD CONSTRAINT "event_signup_consents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "event_signup_consents" ADD CONSTRAINT "event_signup_consents_member_party_id_organization_member_parties_id_fk" FOREIGN KEY ("member_party_id") REFERENCES "public"."organization_member_parties"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "event_signup_consents" ADD CONSTRAINT "event_signup_consents_participant_fk" FOREIGN KEY ("participant_id","organization_id","training_id") REFERENCES "public"."training_participants"("id","organization_id","training_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "event_signups_organization_id_idx" ON "event_signups" USING btree ("organization_id");
--> statement-breakpoint
CREATE INDEX "event_signup_consents_organization_id_idx" ON "event_signup_consents" USING btree ("organization_id","training_id");
--> statement-breakpoint
ALTER TABLE event_signups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_signups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_signups
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- The public page finds an open event before it knows its förbund (like the newsletter's public setting).
CREATE POLICY public_open_events ON event_signups FOR SELECT
  USING (opened_at IS NOT NULL AND current_setting('app.event_signup_public', true) = 'on');
--> statement-breakpoint
CREATE TRIGGER event_signups_immutable_organization BEFORE UPDATE ON event_signups
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE event_signup_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event_signup_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_signup_consents
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE TRIGGER event_signup_consents_immutable_organization BEFORE UPDATE ON event_signup_consents
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
