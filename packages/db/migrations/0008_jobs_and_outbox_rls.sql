ALTER TABLE "emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "last_attempt_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "leased_until" timestamp (3) with time zone;--> statement-breakpoint
-- The outbox holds invitation and reset links: isolate it like every tenant table.
ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE emails FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Any transaction may queue an email, also to another organization (NNS notifying a förbund) or to no
-- organization (password reset); reading it back is what isolation guards, so inserts name no RETURNING.
CREATE POLICY queue_any ON emails FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY tenant_reads ON emails FOR SELECT USING (organization_id = app_current_org());
--> statement-breakpoint
-- NNS admins read every email in NNS's outbox, including resets that belong to no organization; the
-- outbox service sets this only for them.
CREATE POLICY nns_outbox_reads ON emails FOR SELECT
  USING (app_current_org() IS NOT NULL AND current_setting('app.outbox_all', true) = 'on');
--> statement-breakpoint
-- The delivery job reads and updates exactly the email it was handed.
CREATE POLICY delivery_job_reads ON emails FOR SELECT
  USING (id = nullif(current_setting('app.email_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY delivery_job_updates ON emails FOR UPDATE
  USING (id = nullif(current_setting('app.email_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.email_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE organization_member_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organization_member_parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Which huvudmän form a förbund is public information; only the förbund itself changes its own list.
CREATE POLICY public_reads ON organization_member_parties FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_inserts ON organization_member_parties FOR INSERT
  WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY tenant_updates ON organization_member_parties FOR UPDATE
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY tenant_deletes ON organization_member_parties FOR DELETE
  USING (organization_id = app_current_org());
