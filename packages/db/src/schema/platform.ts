import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/**
 * Tenant-owned, append-only: who did what to which entity, written in the same transaction as the change.
 * Row-level security: tenant_isolation (0001_tenancy.sql).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    actorType: text("actor_type", { enum: ["user", "api_key", "system"] }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "audit_log_pkey", columns: [t.organizationId, t.id] }),
    index("audit_log_id_idx").on(t.id),
    index("audit_log_organization_id_idx").on(t.organizationId),
    index("audit_log_org_created_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);

/**
 * Tenant-owned: stored responses for `Idempotency-Key`, per actor, kept 24 hours.
 * Row-level security: tenant_isolation (0001_tenancy.sql).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    actorKey: text("actor_key").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.actorKey, t.key] }),
    index("idempotency_keys_organization_id_idx").on(t.organizationId),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);

/**
 * Every email the product sends, whatever the transport. In embedded mode (no SMTP_URL) this is the
 * outbox people read instead of a mailbox; with SMTP it is the delivery record.
 */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** Text as is, or a binary file (a PDF) in base64 when `encoding` says so: the row is JSON. */
  content: string;
  encoding?: "base64";
}

/** Row-level security: delivery_job_reads, delivery_job_updates, nns_outbox_reads, queue_any, tenant_reads (0008_jobs_and_outbox_rls.sql). */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").references(() => organizations.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    template: text("template").notNull(),
    /** Files sent with the email, such as a calendar invitation; cleared with the bodies once sent. */
    attachments: jsonb("attachments").$type<EmailAttachment[]>(),
    transport: text("transport", { enum: ["outbox", "smtp"] }).notNull(),
    /** `failed`: given up after the retry period (or refused for good by the server); the row and its body stay. */
    status: text("status", { enum: ["queued", "sent", "failed"] }).notNull(),
    /** The last delivery error, kept while retrying so people can see why an email is late. */
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, precision: 3 }),
    /** While set and in the future, one worker is sending this email; a crashed worker's lease runs out. */
    leasedUntil: timestamp("leased_until", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("emails_organization_id_idx").on(t.organizationId),
    index("emails_created_idx").on(t.createdAt, t.id),
  ],
);

/**
 * The explicit sharing pattern: a resource owned by one organization is shared with another by a row
 * here, which the other side accepts. Row-level policies of shared resources call
 * `app_resource_shared_with_current_org(type, id, organization_id)`, passing the row's own owner so that only
 * the real owner's shares count; isolation itself is never relaxed.
 * Row-level security: owner_manages, recipient_responds, recipient_sees (0001_tenancy.sql).
 */
export const resourceShares = pgTable(
  "resource_shares",
  {
    resourceType: text("resource_type").notNull(),
    resourceId: uuid("resource_id").notNull(),
    ownerOrganizationId: uuid("owner_organization_id")
      .notNull()
      .references(() => organizations.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    permission: text("permission", { enum: ["read", "write"] }).notNull(),
    invitedAt: timestamp("invited_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ name: "resource_shares_pkey", columns: [t.organizationId, t.resourceType, t.resourceId] }),
    index("resource_shares_resource_idx").on(t.resourceType, t.resourceId),
    index("resource_shares_organization_id_idx").on(t.organizationId),
    index("resource_shares_owner_organization_id_idx").on(t.ownerOrganizationId),
  ],
);
