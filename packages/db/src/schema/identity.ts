import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * People. Global: one person may belong to several organizations.
 * Row-level security: none — a person may belong to several organizations; services read people only through a membership.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true, precision: 3 }),
    disabledAt: timestamp("disabled_at", { withTimezone: true, precision: 3 }),
    locale: text("locale", { enum: ["sv", "en"] })
      .notNull()
      .default("sv"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/**
 * Server-side sessions after the Lucia guide: the cookie holds `id.secret`; only SHA-256 of the secret
 * is stored, so a leaked table does not yield usable tokens.
 * Row-level security: none — read by app_session_actor before the tenant is known; only SHA-256 of the secret is stored.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: bytea("secret_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** Row-level security: none — read before anyone is signed in; only SHA-256 of the token is stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: bytea("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash),
    index("password_reset_tokens_user_id_idx").on(t.userId),
  ],
);

/**
 * Failed-login counters per account and per client address, shared by every API replica.
 * Row-level security: none — counters keyed by hashes of an account or address, read before anyone is signed in.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true, precision: 3 })
    .notNull()
    .defaultNow(),
});

/**
 * Requests per caller (`ip:`, `key:` or `user:`) and one-minute window to the rate-limited public reads,
 * shared by every API replica (decision 0029). Unlogged: a crash forgives at most a minute's counts.
 * Row-level security: none — counters keyed by an address or a credential's id, counted before anyone is known to an organization.
 */
export const rateLimitCounts = pgTable(
  "rate_limit_counts",
  {
    caller: text("caller").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, precision: 3 }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.windowStart] }), index().on(t.windowStart)],
);

/**
 * Proof that a person has signed in before, from a browser (`device`: SHA-256 of the device cookie's token)
 * or from a client address (`address`: SHA-256 of the address). Such a sign-in is not held back by the
 * per-account and per-address login limits an attacker can trip (see packages/services/src/throttle.ts).
 * Global like sessions: it belongs to a person, not an organization.
 * Row-level security: none — belongs to a person, not an organization, and is read before anyone is signed in.
 */
export const loginTrust = pgTable(
  "login_trust",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["device", "address"] }).notNull(),
    proofHash: bytea("proof_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    // Proof first: a device token is looked up on its own too, to reuse it for another account.
    primaryKey({ columns: [t.kind, t.proofHash, t.userId] }),
    index("login_trust_expires_at_idx").on(t.expiresAt),
    check("login_trust_kind_check", sql`kind in ('device', 'address')`),
  ],
);

/**
 * Tenant-owned: who belongs to an organization, with which role.
 * Row-level security: own_memberships, tenant_isolation (0001_tenancy.sql).
 */
export const memberships = pgTable(
  "memberships",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", {
      enum: ["nns_admin", "org_admin", "editor", "viewer", "trainer", "coach"],
    }).notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index("memberships_organization_id_idx").on(t.organizationId),
    index("memberships_user_id_idx").on(t.userId),
  ],
);

/**
 * Tenant-owned: an invitation to join an organization; the emailed token is stored only as a hash.
 * Row-level security: tenant_isolation, token_holder (0001_tenancy.sql).
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    role: text("role", {
      enum: ["nns_admin", "org_admin", "editor", "viewer", "trainer", "coach"],
    }).notNull(),
    tokenHash: bytea("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_organization_id_idx").on(t.organizationId),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
  ],
);

/**
 * Tenant-owned: API keys for third parties. The secret is shown once; only its SHA-256 is stored.
 * Row-level security: key_holder, tenant_isolation (0001_tenancy.sql).
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: bytea("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("api_keys_organization_id_idx").on(t.organizationId),
    uniqueIndex("api_keys_prefix_key").on(t.prefix),
  ],
);
