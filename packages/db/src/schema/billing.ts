import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgId, timestamps } from "./columns.js";
import { bytea, users } from "./identity.js";
import { organizations } from "./organizations.js";
import { trainings } from "./trainings.js";

const address = {
  street: text("street").notNull(),
  additionalStreet: text("additional_street"),
  postalCode: text("postal_code").notNull(),
  city: text("city").notNull(),
  countryCode: text("country_code").notNull().default("SE"),
};

/** BAS accounts for the SIE export; null columns fall back to the defaults in the domain. */
export interface BillingAccountsSetting {
  [account: string]: string;
}

/**
 * The seller's (NNS's) invoicing identity: what every invoice it issues prints, copied into the invoice's
 * frozen document when it is issued. One row per seller organization.
 * Row-level security: tenant_isolation (0011_billing.sql).
 */
export const billingSellerSettings = pgTable("billing_seller_settings", {
  organizationId: orgId().primaryKey(),
  legalName: text("legal_name").notNull(),
  organizationNumber: text("organization_number").notNull(),
  vatNumber: text("vat_number").notNull(),
  fSkatt: boolean("f_skatt").notNull().default(true),
  ...address,
  invoiceEmail: text("invoice_email").notNull(),
  bankgiro: text("bankgiro"),
  plusgiro: text("plusgiro"),
  paymentTermsDays: integer("payment_terms_days").notNull().default(30),
  lateInterestText: text("late_interest_text").notNull(),
  accounts: jsonb("accounts").$type<BillingAccountsSetting>(),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * A förbund's invoicing details as the förbund keeps them: where invoices go and what they must say.
 * Read by the seller when it drafts and issues.
 * Row-level security: tenant_isolation, seller_reads (0011_billing.sql).
 */
export const billingBuyerSettings = pgTable("billing_buyer_settings", {
  organizationId: orgId().primaryKey(),
  legalName: text("legal_name").notNull(),
  organizationNumber: text("organization_number").notNull(),
  vatNumber: text("vat_number"),
  ...address,
  invoiceEmail: text("invoice_email"),
  peppolScheme: text("peppol_scheme").notNull().default("0007"),
  peppolId: text("peppol_id").notNull(),
  /** The referens printed on every invoice unless the training has its own. */
  defaultReference: text("default_reference"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * The förbund's referens for one training's invoice, when it differs from its default.
 * Row-level security: tenant_isolation, seller_reads (0011_billing.sql).
 */
export const billingTrainingReferences = pgTable(
  "billing_training_references",
  {
    organizationId: orgId(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    reference: text("reference").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.trainingId] })],
);

/**
 * The seller's view of a buyer as a customer: how it pays (bankgiro, or Stripe when configured) and its
 * Stripe customer. Kept by the seller because the seller decides how it collects.
 * Row-level security: tenant_isolation (0011_billing.sql).
 */
export const billingCustomers = pgTable(
  "billing_customers",
  {
    organizationId: orgId(),
    buyerOrganizationId: uuid("buyer_organization_id")
      .notNull()
      .references(() => organizations.id),
    paymentMethod: text("payment_method", { enum: ["bankgiro", "stripe"] })
      .notNull()
      .default("bankgiro"),
    stripeCustomerId: text("stripe_customer_id"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.buyerOrganizationId] })],
);

/**
 * The gapless number series: one row per seller and year, incremented in the issuing transaction, so a
 * rolled-back issue gives its number back and concurrent issues queue on the row.
 * Row-level security: tenant_isolation (0011_billing.sql).
 */
export const invoiceSeries = pgTable(
  "invoice_series",
  {
    organizationId: orgId(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);

export const INVOICE_KINDS = ["invoice", "credit_note"] as const;

/**
 * An invoice or credit note from a seller (NNS) to a buyer (a förbund). A draft follows the training's
 * cost breakdown; issuing numbers it, freezes `document`, `ubl` and `pdf` and makes it visible to the
 * buyer. Issued rows are never deleted and their content never changes (a trigger refuses both); only the
 * ledger columns (status, paid, credited, Stripe) move. Corrections are credit notes.
 * Row-level security: tenant_isolation, buyer_reads (0011_billing.sql).
 */
export const invoices = pgTable(
  "invoices",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    buyerOrganizationId: uuid("buyer_organization_id")
      .notNull()
      .references(() => organizations.id),
    trainingId: uuid("training_id"),
    kind: text("kind", { enum: INVOICE_KINDS }).notNull(),
    status: text("status", {
      enum: ["draft", "issued", "partly_paid", "paid", "credited", "partly_credited"],
    })
      .notNull()
      .default("draft"),
    /** Credit notes: the invoice they correct. */
    creditedInvoiceId: uuid("credited_invoice_id"),
    seriesYear: integer("series_year"),
    sequence: integer("sequence"),
    number: text("number"),
    issueDate: date("issue_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    buyerReference: text("buyer_reference"),
    ocr: text("ocr"),
    netOre: bigint("net_ore", { mode: "number" }).notNull(),
    vatOre: bigint("vat_ore", { mode: "number" }).notNull(),
    totalOre: bigint("total_ore", { mode: "number" }).notNull(),
    paidOre: bigint("paid_ore", { mode: "number" }).notNull().default(0),
    creditedOre: bigint("credited_ore", { mode: "number" }).notNull().default(0),
    /** The document as issued (the domain's InvoiceDocument, which this package does not import); null while a draft. */
    document: jsonb("document").$type<object>(),
    ubl: text("ubl"),
    pdf: bytea("pdf"),
    issuedByUserId: uuid("issued_by_user_id").references(() => users.id),
    issuedAt: timestamp("issued_at", { withTimezone: true, precision: 3 }),
    stripeInvoiceId: text("stripe_invoice_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("invoices_number_key").on(t.organizationId, t.number),
    unique("invoices_series_key").on(t.organizationId, t.seriesYear, t.sequence),
    // Drafting twice finds the open invoice instead of making a second; after a full credit a new one may follow.
    uniqueIndex("invoices_one_open_per_training_buyer")
      .on(t.organizationId, t.trainingId, t.buyerOrganizationId)
      .where(sql`kind = 'invoice' AND status <> 'credited'`),
    index("invoices_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    index("invoices_buyer_idx").on(t.buyerOrganizationId, t.issueDate),
    foreignKey({
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    foreignKey({
      name: "invoices_credited_invoice_fk",
      columns: [t.organizationId, t.creditedInvoiceId],
      foreignColumns: [t.organizationId, t.id],
    }),
    check(
      "invoices_amounts",
      sql`${t.netOre} >= 0 AND ${t.vatOre} >= 0 AND ${t.totalOre} = ${t.netOre} + ${t.vatOre}`,
    ),
    check(
      "invoices_issued_complete",
      sql`${t.status} = 'draft' OR (${t.number} IS NOT NULL AND ${t.issueDate} IS NOT NULL AND ${t.document} IS NOT NULL AND ${t.ubl} IS NOT NULL)`,
    ),
    check(
      "invoices_credit_note_reference",
      sql`(${t.kind} = 'credit_note') = (${t.creditedInvoiceId} IS NOT NULL)`,
    ),
  ],
);

/**
 * One line of an invoice or credit note. Frozen with its invoice once issued.
 * Row-level security: tenant_isolation, buyer_reads (0011_billing.sql).
 */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    organizationId: orgId(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    kind: text("kind", { enum: ["shared", "print"] }).notNull(),
    netOre: bigint("net_ore", { mode: "number" }).notNull(),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    vatOre: bigint("vat_ore", { mode: "number" }).notNull(),
    vatCategory: text("vat_category", { enum: ["S", "Z", "E"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.invoiceId, t.position] }),
    foreignKey({
      name: "invoice_lines_invoice_fk",
      columns: [t.organizationId, t.invoiceId],
      foreignColumns: [invoices.organizationId, invoices.id],
    }).onDelete("cascade"),
    check("invoice_lines_amounts", sql`${t.netOre} >= 0 AND ${t.vatOre} >= 0`),
  ],
);

export const PAYMENT_METHODS = ["bankgiro", "plusgiro", "stripe", "manual", "bank_file"] as const;

/**
 * A payment received against an invoice. Never deleted or changed: a mistaken registration is reversed by
 * a negative payment with a note. A Stripe payment records the event that reported it, once.
 * Row-level security: tenant_isolation, buyer_reads (0011_billing.sql).
 */
export const invoicePayments = pgTable(
  "invoice_payments",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    method: text("method", { enum: PAYMENT_METHODS }).notNull(),
    reference: text("reference"),
    note: text("note"),
    stripeEventId: text("stripe_event_id"),
    /** Bank-file payments: the deposit date and Bankgirot's serial number, so a file imported twice adds nothing. */
    bankReference: text("bank_reference"),
    registeredByUserId: uuid("registered_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("invoice_payments_invoice_idx").on(t.organizationId, t.invoiceId, t.paidOn),
    unique("invoice_payments_stripe_event_key").on(t.organizationId, t.stripeEventId),
    unique("invoice_payments_bank_reference_key").on(t.organizationId, t.bankReference),
    foreignKey({
      name: "invoice_payments_invoice_fk",
      columns: [t.organizationId, t.invoiceId],
      foreignColumns: [invoices.organizationId, invoices.id],
    }),
    check("invoice_payments_amount", sql`${t.amountOre} <> 0`),
  ],
);

/**
 * Every Stripe event received, recorded once by its id: a replayed or re-ordered delivery finds its row
 * and changes nothing.
 * Row-level security: tenant_isolation (0011_billing.sql).
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    organizationId: orgId(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.eventId] })],
);
