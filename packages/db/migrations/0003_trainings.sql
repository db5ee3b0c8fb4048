CREATE TABLE "price_list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_price_ore" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"max_participants" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_list_items_price" CHECK ("price_list_items"."unit_price_ore" >= 0),
	CONSTRAINT "price_list_items_vat" CHECK ("price_list_items"."vat_rate_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "session_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"queue_position" bigserial NOT NULL,
	"promoted_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"cancelled_by" text,
	"attended" boolean,
	"attendance_recorded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"scores" jsonb,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "trainer_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"trainer_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"certified_on" date NOT NULL,
	"valid_until" date,
	"evidence" text,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainer_certifications_period" CHECK ("trainer_certifications"."valid_until" IS NULL OR "trainer_certifications"."valid_until" >= "trainer_certifications"."certified_on")
);
--> statement-breakpoint
CREATE TABLE "trainers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"county_codes" text[] DEFAULT '{}' NOT NULL,
	"delivery_modes" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"archived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_cost_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"price_item_code" text,
	"description" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_price_ore" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_cost_lines_amounts" CHECK ("training_cost_lines"."quantity" > 0 AND "training_cost_lines"."unit_price_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"employer" text,
	"job_title" text,
	"gender" text,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_participants_id_org_training_key" UNIQUE("id","organization_id","training_id")
);
--> statement-breakpoint
CREATE TABLE "training_parties" (
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"seats" integer,
	"contact_email" text,
	"join_order" bigserial NOT NULL,
	"joined_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_parties_training_id_organization_id_pk" PRIMARY KEY("training_id","organization_id"),
	CONSTRAINT "training_parties_seats" CHECK ("training_parties"."seats" IS NULL OR "training_parties"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_print_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"description" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_print_costs_amount" CHECK ("training_print_costs"."amount_ore" > 0),
	CONSTRAINT "training_print_costs_vat" CHECK ("training_print_costs"."vat_rate_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"coordinator_organization_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"expected_participants" integer NOT NULL,
	"delivery_preference" text NOT NULL,
	"open_to_sharing" boolean NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"notes" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"training_id" uuid,
	"decision_note" text,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_requests_period" CHECK ("training_requests"."period_end" >= "training_requests"."period_start"),
	CONSTRAINT "training_requests_participants" CHECK ("training_requests"."expected_participants" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "training_session_trainers" (
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"trainer_id" uuid NOT NULL,
	CONSTRAINT "training_session_trainers_session_id_trainer_id_pk" PRIMARY KEY("session_id","trainer_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"step_key" text,
	"title" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"mode" text NOT NULL,
	"location" text,
	"video_link" text,
	"capacity" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_id_organization_key" UNIQUE("id","organization_id"),
	CONSTRAINT "training_sessions_id_training_key" UNIQUE("id","training_id"),
	CONSTRAINT "training_sessions_period" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at"),
	CONSTRAINT "training_sessions_capacity" CHECK ("training_sessions"."capacity" IS NULL OR "training_sessions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"cost_split_rule" text DEFAULT 'equal' NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"cancelled_by" text,
	"cancellation_reason" text,
	"completed_at" timestamp (3) with time zone,
	"survey_sent_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_id_organization_key" UNIQUE("id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_session_id_owner_organization_id_training_sessions_id_organization_id_fk" FOREIGN KEY ("session_id","owner_organization_id") REFERENCES "public"."training_sessions"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_session_id_training_id_training_sessions_id_training_id_fk" FOREIGN KEY ("session_id","training_id") REFERENCES "public"."training_sessions"("id","training_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_participant_id_organization_id_training_id_training_participants_id_organization_id_training_id_fk" FOREIGN KEY ("participant_id","organization_id","training_id") REFERENCES "public"."training_participants"("id","organization_id","training_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_participant_id_organization_id_training_id_training_participants_id_organization_id_training_id_fk" FOREIGN KEY ("participant_id","organization_id","training_id") REFERENCES "public"."training_participants"("id","organization_id","training_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_training_id_owner_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","owner_organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_certifications" ADD CONSTRAINT "trainer_certifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_certifications" ADD CONSTRAINT "trainer_certifications_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainers" ADD CONSTRAINT "trainers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cost_lines" ADD CONSTRAINT "training_cost_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cost_lines" ADD CONSTRAINT "training_cost_lines_training_id_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_training_id_owner_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","owner_organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_parties" ADD CONSTRAINT "training_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_parties" ADD CONSTRAINT "training_parties_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_parties" ADD CONSTRAINT "training_parties_training_id_owner_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","owner_organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_print_costs" ADD CONSTRAINT "training_print_costs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_print_costs" ADD CONSTRAINT "training_print_costs_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_print_costs" ADD CONSTRAINT "training_print_costs_training_id_owner_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","owner_organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_coordinator_organization_id_organizations_id_fk" FOREIGN KEY ("coordinator_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_trainers" ADD CONSTRAINT "training_session_trainers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_trainers" ADD CONSTRAINT "training_session_trainers_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_trainers" ADD CONSTRAINT "training_session_trainers_session_id_organization_id_training_sessions_id_organization_id_fk" FOREIGN KEY ("session_id","organization_id") REFERENCES "public"."training_sessions"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_templates" ADD CONSTRAINT "training_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_items_org_code_key" ON "price_list_items" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "session_registrations_session_idx" ON "session_registrations" USING btree ("session_id","status","queue_position");--> statement-breakpoint
CREATE INDEX "session_registrations_organization_idx" ON "session_registrations" USING btree ("organization_id","training_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_registrations_one_live_per_person" ON "session_registrations" USING btree ("session_id","participant_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_token_hash_key" ON "survey_responses" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_participant_key" ON "survey_responses" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "survey_responses_training_idx" ON "survey_responses" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "survey_responses_organization_id_idx" ON "survey_responses" USING btree ("organization_id","training_id");--> statement-breakpoint
CREATE INDEX "trainer_certifications_trainer_id_idx" ON "trainer_certifications" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "trainer_certifications_organization_id_idx" ON "trainer_certifications" USING btree ("organization_id","trainer_id");--> statement-breakpoint
CREATE INDEX "trainers_organization_id_idx" ON "trainers" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trainers_org_email_key" ON "trainers" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "training_cost_lines_training_idx" ON "training_cost_lines" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "training_cost_lines_organization_id_idx" ON "training_cost_lines" USING btree ("organization_id","training_id");--> statement-breakpoint
CREATE INDEX "training_participants_training_idx" ON "training_participants" USING btree ("training_id","organization_id");--> statement-breakpoint
CREATE INDEX "training_participants_organization_id_idx" ON "training_participants" USING btree ("organization_id","training_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_training_email_key" ON "training_participants" USING btree ("training_id","organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "training_parties_organization_id_idx" ON "training_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "training_print_costs_training_idx" ON "training_print_costs" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "training_print_costs_organization_id_idx" ON "training_print_costs" USING btree ("organization_id","training_id");--> statement-breakpoint
CREATE INDEX "training_requests_organization_id_idx" ON "training_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "training_requests_coordinator_idx" ON "training_requests" USING btree ("coordinator_organization_id","status");--> statement-breakpoint
CREATE INDEX "training_session_trainers_trainer_idx" ON "training_session_trainers" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "training_session_trainers_organization_id_idx" ON "training_session_trainers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_organization_id_idx" ON "training_sessions" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_templates_org_key_key" ON "training_templates" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "trainings_organization_id_idx" ON "trainings" USING btree ("organization_id");