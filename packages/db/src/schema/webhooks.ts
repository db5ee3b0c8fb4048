import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";

/**
 * Tenant-owned: the URLs an organization has registered to receive events (outgoing webhooks, decision
 * 0014). The secret is kept readable because the server signs every delivery with it; it is shown to
 * people once, at creation and on rotation. Keys lead with the organization (a future distribution key).
 * Row-level security: tenant_isolation (0010_webhooks.sql).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events").array().notNull(),
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Why the endpoint was switched off, by a person or by the platform after persistent failure. */
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true, precision: 3 }),
    /** The first failed attempt since the last success; persistent failure from here disables the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true, precision: 3 }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("webhook_endpoints_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    check("webhook_endpoints_events_not_empty", sql`cardinality(events) > 0`),
  ],
);

/**
 * Tenant-owned: one delivery of one event to one endpoint, written in the transaction of the change that
 * caused the event (the outbox pattern) and then attempted by the `webhook.deliver` job until it succeeds
 * or is given up. A resend is a new row with the same event id and payload.
 * Row-level security: tenant_isolation (0010_webhooks.sql).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    endpointId: uuid("endpoint_id").notNull(),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed", "gave_up"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, precision: 3 }),
    lastResponseStatus: integer("last_response_status"),
    lastError: text("last_error"),
    /** The start of the receiver's last answer, at most 1 KB, for people reading the delivery log. */
    responseBodyExcerpt: text("response_body_excerpt"),
    durationMs: integer("duration_ms"),
    /** While set and in the future, one worker is attempting this delivery; a crashed worker's lease runs out. */
    leasedUntil: timestamp("leased_until", { withTimezone: true, precision: 3 }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      columns: [t.organizationId, t.endpointId],
      foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id],
      name: "webhook_deliveries_endpoint_fk",
    }).onDelete("cascade"),
    index("webhook_deliveries_endpoint_created_idx").on(t.organizationId, t.endpointId, t.createdAt, t.id),
    index("webhook_deliveries_event_idx").on(t.organizationId, t.eventId),
  ],
);
