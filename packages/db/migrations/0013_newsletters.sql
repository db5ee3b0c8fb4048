CREATE TABLE "newsletter_bounces" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"diagnostic" text,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_bounces_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_deliveries" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"issue_id" uuid NOT NULL,
	"subscriber_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"leased_until" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_deliveries_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "newsletter_deliveries_once_key" UNIQUE("organization_id","issue_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_issues" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"send_started_at" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"rendered_html" text,
	"rendered_text" text,
	"recipients_total" integer,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_issues_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "newsletter_issues_number_key" UNIQUE("organization_id","publication_id","number")
);
--> statement-breakpoint
CREATE TABLE "newsletter_publications" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"reply_to" text,
	"logo_url" text,
	"logo_alt" text,
	"click_tracking" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_publications_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_publishers" (
	"organization_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"publisher_organization_id" uuid NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_publishers_organization_id_publication_id_publisher_organization_id_pk" PRIMARY KEY("organization_id","publication_id","publisher_organization_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_sections" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"issue_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"author_organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading" text NOT NULL,
	"body_markdown" text DEFAULT '' NOT NULL,
	"image_url" text,
	"image_alt" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approved_at" timestamp (3) with time zone,
	"approved_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_sections_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"consent_at" timestamp (3) with time zone,
	"consent_text" text,
	"consent_source" text NOT NULL,
	"consent_attested_by_user_id" uuid,
	"confirmation_sent_at" timestamp (3) with time zone,
	"confirmed_at" timestamp (3) with time zone,
	"unsubscribed_at" timestamp (3) with time zone,
	"blocklisted_at" timestamp (3) with time zone,
	"blocklist_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_subscribers_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "newsletter_subscribers_email_key" UNIQUE("organization_id","publication_id","email")
);
--> statement-breakpoint
CREATE TABLE "newsletter_suppressions" (
	"organization_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_suppressions_organization_id_publication_id_email_hash_pk" PRIMARY KEY("organization_id","publication_id","email_hash")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "newsletter_bounces" ADD CONSTRAINT "newsletter_bounces_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_bounces" ADD CONSTRAINT "newsletter_bounces_subscriber_fk" FOREIGN KEY ("organization_id","subscriber_id") REFERENCES "public"."newsletter_subscribers"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_issue_fk" FOREIGN KEY ("organization_id","issue_id") REFERENCES "public"."newsletter_issues"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_publication_fk" FOREIGN KEY ("organization_id","publication_id") REFERENCES "public"."newsletter_publications"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_publications" ADD CONSTRAINT "newsletter_publications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_publishers" ADD CONSTRAINT "newsletter_publishers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_publishers" ADD CONSTRAINT "newsletter_publishers_publisher_organization_id_organizations_id_fk" FOREIGN KEY ("publisher_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_publishers" ADD CONSTRAINT "newsletter_publishers_publication_fk" FOREIGN KEY ("organization_id","publication_id") REFERENCES "public"."newsletter_publications"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sections" ADD CONSTRAINT "newsletter_sections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sections" ADD CONSTRAINT "newsletter_sections_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sections" ADD CONSTRAINT "newsletter_sections_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sections" ADD CONSTRAINT "newsletter_sections_issue_fk" FOREIGN KEY ("organization_id","issue_id") REFERENCES "public"."newsletter_issues"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_consent_attested_by_user_id_users_id_fk" FOREIGN KEY ("consent_attested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_publication_fk" FOREIGN KEY ("organization_id","publication_id") REFERENCES "public"."newsletter_publications"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_suppressions" ADD CONSTRAINT "newsletter_suppressions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newsletter_bounces_subscriber_idx" ON "newsletter_bounces" USING btree ("organization_id","subscriber_id","received_at");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_due_idx" ON "newsletter_deliveries" USING btree ("organization_id","issue_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "newsletter_issues_due_idx" ON "newsletter_issues" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_publications_slug_key" ON "newsletter_publications" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "newsletter_sections_issue_idx" ON "newsletter_sections" USING btree ("organization_id","issue_id","position");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_status_idx" ON "newsletter_subscribers" USING btree ("organization_id","publication_id","status","id");--> statement-breakpoint
-- Joint newsletters: every table belongs to the publication's owner. Co-publishers reach a publication
-- through resource_shares (type 'newsletter_publication', write access once accepted): they read it all,
-- write only what is theirs (their footer line, their sections), and manage the subscriber list together.
ALTER TABLE newsletter_publications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_publications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_publications
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_reads ON newsletter_publications FOR SELECT
  USING (app_resource_shared_with_current_org('newsletter_publication', id, organization_id));
--> statement-breakpoint
-- The public archive and the sign-up form: set by the public newsletter service only, for reading.
CREATE POLICY public_archive ON newsletter_publications FOR SELECT
  USING (archived_at IS NULL AND current_setting('app.newsletter_public', true) = 'on');
--> statement-breakpoint
CREATE TRIGGER newsletter_publications_immutable_organization BEFORE UPDATE ON newsletter_publications
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE newsletter_publishers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_publishers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_publishers
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_reads ON newsletter_publishers FOR SELECT
  USING (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id)
    OR current_setting('app.newsletter_public', true) = 'on');
--> statement-breakpoint
CREATE POLICY publisher_writes_own ON newsletter_publishers FOR ALL
  USING (publisher_organization_id = app_current_org()
    AND app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true))
  WITH CHECK (publisher_organization_id = app_current_org()
    AND app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER newsletter_publishers_immutable_organization BEFORE UPDATE ON newsletter_publishers
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE newsletter_issues ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_issues FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_issues
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_reads ON newsletter_issues FOR SELECT
  USING (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id));
--> statement-breakpoint
CREATE POLICY public_archive ON newsletter_issues FOR SELECT
  USING (status = 'sent' AND current_setting('app.newsletter_public', true) = 'on');
--> statement-breakpoint
CREATE TRIGGER newsletter_issues_immutable_organization BEFORE UPDATE ON newsletter_issues
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE newsletter_sections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_sections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_sections
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_reads ON newsletter_sections FOR SELECT
  USING (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id));
--> statement-breakpoint
CREATE POLICY author_writes ON newsletter_sections FOR ALL
  USING (author_organization_id = app_current_org()
    AND app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true))
  WITH CHECK (author_organization_id = app_current_org()
    AND app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER newsletter_sections_immutable_organization BEFORE UPDATE ON newsletter_sections
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE newsletter_subscribers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_subscribers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_subscribers
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_manages ON newsletter_subscribers FOR ALL
  USING (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true))
  WITH CHECK (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true));
--> statement-breakpoint
CREATE TRIGGER newsletter_subscribers_immutable_organization BEFORE UPDATE ON newsletter_subscribers
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
ALTER TABLE newsletter_suppressions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_suppressions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_suppressions
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_manages ON newsletter_suppressions FOR ALL
  USING (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true))
  WITH CHECK (app_resource_shared_with_current_org('newsletter_publication', publication_id, organization_id, true));
--> statement-breakpoint
ALTER TABLE newsletter_bounces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_bounces FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_bounces
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE newsletter_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE newsletter_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON newsletter_deliveries
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY co_publisher_reads ON newsletter_deliveries FOR SELECT
  USING (EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.organization_id = newsletter_deliveries.organization_id
    AND i.id = newsletter_deliveries.issue_id
    AND app_resource_shared_with_current_org('newsletter_publication', i.publication_id, i.organization_id)));
--> statement-breakpoint
ALTER TABLE newsletter_issues ADD CONSTRAINT newsletter_issues_status_check
  CHECK (status IN ('draft', 'ready', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'));
--> statement-breakpoint
ALTER TABLE newsletter_subscribers ADD CONSTRAINT newsletter_subscribers_status_check
  CHECK (status IN ('unconfirmed', 'confirmed', 'unsubscribed', 'blocklisted'));
--> statement-breakpoint
ALTER TABLE newsletter_subscribers ADD CONSTRAINT newsletter_subscribers_email_lower_check
  CHECK (email = lower(email));
--> statement-breakpoint
ALTER TABLE newsletter_deliveries ADD CONSTRAINT newsletter_deliveries_status_check
  CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'cancelled'));
--> statement-breakpoint
-- Signing keys are the server's, not a tenant's: the application role reads and adds them, never changes them.
REVOKE UPDATE, DELETE ON signing_keys FROM nns_app;
