CREATE TABLE "statistics_cut_points" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"gender" text NOT NULL,
	"age_group" text NOT NULL,
	"benefit" text NOT NULL,
	"p25" double precision NOT NULL,
	"p75" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"municipality_count" integer NOT NULL,
	CONSTRAINT "statistics_cut_points_import_id_period_benefit_gender_age_group_pk" PRIMARY KEY("import_id","period","benefit","gender","age_group")
);
--> statement-breakpoint
CREATE TABLE "statistics_figures" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"region_code" text NOT NULL,
	"region_level" text NOT NULL,
	"gender" text NOT NULL,
	"age_group" text NOT NULL,
	"benefit" text NOT NULL,
	"full_year_equivalents" numeric,
	"population" integer,
	CONSTRAINT "statistics_figures_import_id_period_region_code_benefit_gender_age_group_pk" PRIMARY KEY("import_id","period","region_code","benefit","gender","age_group"),
	CONSTRAINT "statistics_figures_period_format" CHECK (period ~ '^[0-9]{4}(M(0[1-9]|1[0-2]))?$'),
	CONSTRAINT "statistics_figures_age_group_format" CHECK (age_group ~ '^[0-9]{2}-[0-9]{2}$'),
	CONSTRAINT "statistics_figures_region_code" CHECK ((region_level = 'municipality' AND region_code ~ '^[0-9]{4}$') OR (region_level = 'county' AND region_code ~ '^[0-9]{2}$' AND region_code <> '00') OR (region_level = 'country' AND region_code = '00')),
	CONSTRAINT "statistics_figures_non_negative" CHECK (full_year_equivalents >= 0 AND population >= 0)
);
--> statement-breakpoint
CREATE TABLE "statistics_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_table" text NOT NULL,
	"file_name" text NOT NULL,
	"file_format" text NOT NULL,
	"file" "bytea",
	"status" text DEFAULT 'queued' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"periods" text[] DEFAULT '{}' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"figure_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "statistics_imports_progress" CHECK (progress_done >= 0 AND progress_done <= greatest(progress_total, 0))
);
--> statement-breakpoint
CREATE TABLE "statistics_periods" (
	"period" text PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "statistics_periods_period_format" CHECK (period ~ '^[0-9]{4}(M(0[1-9]|1[0-2]))?$')
);
--> statement-breakpoint
ALTER TABLE "statistics_cut_points" ADD CONSTRAINT "statistics_cut_points_import_id_statistics_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statistics_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_figures" ADD CONSTRAINT "statistics_figures_import_id_statistics_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statistics_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_periods" ADD CONSTRAINT "statistics_periods_import_id_statistics_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statistics_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistics_imports_created_at_idx" ON "statistics_imports" USING btree ("created_at");