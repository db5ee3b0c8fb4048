CREATE TABLE "catalog_entries" (
	"intervention_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"parent_id" uuid,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"place_names" text NOT NULL,
	"orientation" text NOT NULL,
	"focus_area" text NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"organization_ids" uuid[] NOT NULL,
	"county_codes" text[] NOT NULL,
	"municipality_codes" text[] NOT NULL,
	"target_groups" text[] NOT NULL,
	"methods" text[] NOT NULL,
	"member_parties" text[] NOT NULL,
	"document" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '') || ' ' || coalesce(place_names, '')), 'B') || setweight(to_tsvector('swedish', coalesce(description, '')), 'C')) STORED NOT NULL,
	"first_published_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_focus_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"orientation" text NOT NULL,
	"label_sv" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_methods" (
	"code" text PRIMARY KEY NOT NULL,
	"label_sv" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_outcome_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"label_sv" text NOT NULL,
	"positive" boolean NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_self_publishing" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"granted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"granted_by_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_target_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"label_sv" text NOT NULL,
	"retired_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "intervention_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"participants_women" integer NOT NULL,
	"participants_men" integer NOT NULL,
	"participants_other" integer NOT NULL,
	"outcomes" jsonb NOT NULL,
	"average_enrolment_months" numeric(5, 1),
	"cost_ore" bigint,
	"budget_ore" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_results_period_order" CHECK (period_end >= period_start),
	CONSTRAINT "intervention_results_counts" CHECK (participants_women >= 0 AND participants_men >= 0 AND participants_other >= 0)
);
--> statement-breakpoint
CREATE TABLE "intervention_versions" (
	"intervention_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"author_organization_id" uuid,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by_label" text,
	CONSTRAINT "intervention_versions_intervention_id_revision_pk" PRIMARY KEY("intervention_id","revision")
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"parent_id" uuid,
	"state" text NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_revision" integer,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	CONSTRAINT "interventions_state_check" CHECK (state IN ('draft', 'submitted', 'returned', 'published', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_self_publishing" ADD CONSTRAINT "catalog_self_publishing_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_results" ADD CONSTRAINT "intervention_results_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_results" ADD CONSTRAINT "intervention_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_versions" ADD CONSTRAINT "intervention_versions_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_versions" ADD CONSTRAINT "intervention_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_versions" ADD CONSTRAINT "intervention_versions_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_versions" ADD CONSTRAINT "intervention_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_parent_id_interventions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_entries_organization_id_idx" ON "catalog_entries" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "catalog_entries_search_idx" ON "catalog_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "catalog_entries_municipality_codes_idx" ON "catalog_entries" USING gin ("municipality_codes");--> statement-breakpoint
CREATE INDEX "catalog_entries_target_groups_idx" ON "catalog_entries" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "catalog_entries_updated_idx" ON "catalog_entries" USING btree ("updated_at","intervention_id");--> statement-breakpoint
CREATE INDEX "catalog_self_publishing_organization_id_idx" ON "catalog_self_publishing" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "intervention_results_organization_id_idx" ON "intervention_results" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_results_period_key" ON "intervention_results" USING btree ("intervention_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "intervention_versions_organization_id_idx" ON "intervention_versions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "interventions_organization_id_idx" ON "interventions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "interventions_state_idx" ON "interventions" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "interventions_parent_id_idx" ON "interventions" USING btree ("parent_id");