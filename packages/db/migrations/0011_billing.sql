CREATE TABLE "billing_buyer_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"organization_number" text NOT NULL,
	"vat_number" text,
	"street" text NOT NULL,
	"additional_street" text,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country_code" text DEFAULT 'SE' NOT NULL,
	"invoice_email" text,
	"peppol_scheme" text DEFAULT '0007' NOT NULL,
	"peppol_id" text NOT NULL,
	"default_reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_customers" (
	"organization_id" uuid NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"payment_method" text DEFAULT 'bankgiro' NOT NULL,
	"stripe_customer_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_customers_organization_id_buyer_organization_id_pk" PRIMARY KEY("organization_id","buyer_organization_id")
);
--> statement-breakpoint
CREATE TABLE "billing_seller_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"organization_number" text NOT NULL,
	"vat_number" text NOT NULL,
	"f_skatt" boolean DEFAULT true NOT NULL,
	"street" text NOT NULL,
	"additional_street" text,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country_code" text DEFAULT 'SE' NOT NULL,
	"invoice_email" text NOT NULL,
	"bankgiro" text,
	"plusgiro" text,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"late_interest_text" text NOT NULL,
	"accounts" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_training_references" (
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_training_references_organization_id_training_id_pk" PRIMARY KEY("organization_id","training_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"organization_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"net_ore" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"vat_ore" bigint NOT NULL,
	"vat_category" text NOT NULL,
	CONSTRAINT "invoice_lines_organization_id_invoice_id_position_pk" PRIMARY KEY("organization_id","invoice_id","position"),
	CONSTRAINT "invoice_lines_amounts" CHECK ("invoice_lines"."net_ore" >= 0 AND "invoice_lines"."vat_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_ore" bigint NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"note" text,
	"stripe_event_id" text,
	"registered_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_payments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invoice_payments_stripe_event_key" UNIQUE("organization_id","stripe_event_id"),
	CONSTRAINT "invoice_payments_amount" CHECK ("invoice_payments"."amount_ore" <> 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_series_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"training_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"credited_invoice_id" uuid,
	"series_year" integer,
	"sequence" integer,
	"number" text,
	"issue_date" date,
	"due_date" date,
	"buyer_reference" text,
	"ocr" text,
	"net_ore" bigint NOT NULL,
	"vat_ore" bigint NOT NULL,
	"total_ore" bigint NOT NULL,
	"paid_ore" bigint DEFAULT 0 NOT NULL,
	"credited_ore" bigint DEFAULT 0 NOT NULL,
	"document" jsonb,
	"ubl" text,
	"pdf" "bytea",
	"issued_by_user_id" uuid,
	"issued_at" timestamp (3) with time zone,
	"stripe_invoice_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invoices_number_key" UNIQUE("organization_id","number"),
	CONSTRAINT "invoices_series_key" UNIQUE("organization_id","series_year","sequence"),
	CONSTRAINT "invoices_amounts" CHECK ("invoices"."net_ore" >= 0 AND "invoices"."vat_ore" >= 0 AND "invoices"."total_ore" = "invoices"."net_ore" + "invoices"."vat_ore"),
	CONSTRAINT "invoices_issued_complete" CHECK ("invoices"."status" = 'draft' OR ("invoices"."number" IS NOT NULL AND "invoices"."issue_date" IS NOT NULL AND "invoices"."document" IS NOT NULL AND "invoices"."ubl" IS NOT NULL)),
	CONSTRAINT "invoices_credit_note_reference" CHECK (("invoices"."kind" = 'credit_note') = ("invoices"."credited_invoice_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"organization_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"stripe_created_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_events_organization_id_event_id_pk" PRIMARY KEY("organization_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "training_print_costs" ADD COLUMN "paid_by" text DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_buyer_settings" ADD CONSTRAINT "billing_buyer_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_customers" ADD CONSTRAINT "billing_customers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_customers" ADD CONSTRAINT "billing_customers_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seller_settings" ADD CONSTRAINT "billing_seller_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_training_references" ADD CONSTRAINT "billing_training_references_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_training_references" ADD CONSTRAINT "billing_training_references_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_series" ADD CONSTRAINT "invoice_series_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_training_id_organization_id_trainings_id_organization_id_fk" FOREIGN KEY ("training_id","organization_id") REFERENCES "public"."trainings"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_invoice_fk" FOREIGN KEY ("organization_id","credited_invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("organization_id","invoice_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_open_per_training_buyer" ON "invoices" USING btree ("organization_id","training_id","buyer_organization_id") WHERE kind = 'invoice' AND status <> 'credited';--> statement-breakpoint
CREATE INDEX "invoices_org_created_idx" ON "invoices" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_buyer_idx" ON "invoices" USING btree ("buyer_organization_id","issue_date");--> statement-breakpoint
ALTER TABLE training_print_costs ADD CONSTRAINT training_print_costs_paid_by_check CHECK (paid_by IN ('organization', 'owner'));
--> statement-breakpoint
ALTER TABLE billing_customers ADD CONSTRAINT billing_customers_payment_method_check CHECK (payment_method IN ('bankgiro', 'stripe'));
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_kind_check CHECK (kind IN ('invoice', 'credit_note'));
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_status_check
  CHECK (status IN ('draft', 'issued', 'partly_paid', 'paid', 'credited', 'partly_credited'));
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_kind_check CHECK (kind IN ('shared', 'print'));
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_vat_category_check CHECK (vat_category IN ('S', 'Z', 'E'));
--> statement-breakpoint
ALTER TABLE invoice_payments ADD CONSTRAINT invoice_payments_method_check
  CHECK (method IN ('bankgiro', 'plusgiro', 'stripe', 'manual', 'bank_file'));
--> statement-breakpoint
-- An issued invoice is an allmän handling: never deleted, its content never changed. Only the ledger's
-- own columns (status, paid, credited, Stripe id, version, updated_at) move after issue.
CREATE FUNCTION invoices_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'an issued invoice is never deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.number IS DISTINCT FROM OLD.number OR NEW.sequence IS DISTINCT FROM OLD.sequence
    OR NEW.series_year IS DISTINCT FROM OLD.series_year OR NEW.issue_date IS DISTINCT FROM OLD.issue_date
    OR NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.buyer_reference IS DISTINCT FROM OLD.buyer_reference
    OR NEW.ocr IS DISTINCT FROM OLD.ocr OR NEW.net_ore IS DISTINCT FROM OLD.net_ore
    OR NEW.vat_ore IS DISTINCT FROM OLD.vat_ore OR NEW.total_ore IS DISTINCT FROM OLD.total_ore
    OR NEW.document IS DISTINCT FROM OLD.document OR NEW.ubl IS DISTINCT FROM OLD.ubl
    OR NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.buyer_organization_id IS DISTINCT FROM OLD.buyer_organization_id
    OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.credited_invoice_id IS DISTINCT FROM OLD.credited_invoice_id
    OR NEW.issued_at IS DISTINCT FROM OLD.issued_at OR NEW.issued_by_user_id IS DISTINCT FROM OLD.issued_by_user_id
    OR NEW.status = 'draft'
  ) THEN
    RAISE EXCEPTION 'an issued invoice is corrected by a credit note, never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_frozen BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_frozen_guard();
--> statement-breakpoint
-- Lines follow their invoice: changed only while it is a draft (deleting a draft cascades to its lines).
CREATE FUNCTION invoice_lines_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
BEGIN
  SELECT status INTO v_status FROM invoices
    WHERE organization_id = COALESCE(NEW.organization_id, OLD.organization_id)
      AND id = COALESCE(NEW.invoice_id, OLD.invoice_id);
  IF v_status IS NOT NULL AND v_status <> 'draft' THEN
    RAISE EXCEPTION 'the lines of an issued invoice never change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_frozen_guard();
--> statement-breakpoint
-- Payments are a ledger: appended, never changed or removed (a mistake is reversed by a negative payment).
CREATE FUNCTION invoice_payments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payments are never changed or removed' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_payments_append_only BEFORE UPDATE OR DELETE ON invoice_payments
  FOR EACH ROW EXECUTE FUNCTION invoice_payments_append_only();
--> statement-breakpoint
-- The seller is the NNS organization; it reads the invoicing details its buyers keep.
CREATE FUNCTION app_current_org_is_nns() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM organizations o WHERE o.id = app_current_org() AND o.kind = 'nns')
$$;
--> statement-breakpoint
ALTER TABLE billing_seller_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_seller_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON billing_seller_settings
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE billing_buyer_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_buyer_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON billing_buyer_settings
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY seller_reads ON billing_buyer_settings FOR SELECT USING (app_current_org_is_nns());
--> statement-breakpoint
ALTER TABLE billing_training_references ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_training_references FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON billing_training_references
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY seller_reads ON billing_training_references FOR SELECT USING (app_current_org_is_nns());
--> statement-breakpoint
ALTER TABLE billing_customers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_customers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON billing_customers
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE invoice_series ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoice_series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invoice_series
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invoices
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- A buyer sees what was issued to it, never the seller's drafts.
CREATE POLICY buyer_reads ON invoices FOR SELECT
  USING (buyer_organization_id = app_current_org() AND status <> 'draft');
--> statement-breakpoint
ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoice_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invoice_lines
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY buyer_reads ON invoice_lines FOR SELECT USING (EXISTS (
  SELECT 1 FROM invoices i WHERE i.organization_id = invoice_lines.organization_id AND i.id = invoice_lines.invoice_id
));
--> statement-breakpoint
ALTER TABLE invoice_payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoice_payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invoice_payments
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY buyer_reads ON invoice_payments FOR SELECT USING (EXISTS (
  SELECT 1 FROM invoices i WHERE i.organization_id = invoice_payments.organization_id AND i.id = invoice_payments.invoice_id
));
--> statement-breakpoint
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON stripe_events
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
