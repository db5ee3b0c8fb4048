// Longer than 400 lines: one schema file per feature, and the trainings feature has fifteen tables that
// reference one another (trainers, prices, requests, trainings, parties, sessions, registrations, surveys).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
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

/**
 * Rows that belong to one förbund but concern a training owned by another organization carry the
 * training's owner too: the owner (NNS, for BIP/SKAPA) manages seats and attendance across förbund, while
 * each förbund sees only its own rows. A composite foreign key keeps the owner column truthful.
 */
const ownerOrgId = () =>
  uuid("owner_organization_id")
    .notNull()
    .references(() => organizations.id);

export const DELIVERY_MODES = ["digital", "on_site"] as const;

/**
 * NNS-owned: certified BIP/SKAPA trainers (utbildare).
 * Row-level security: tenant_isolation (0004_trainings_rls.sql).
 */
export const trainers = pgTable(
  "trainers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    countyCodes: text("county_codes").array().notNull().default(sql`'{}'`),
    deliveryModes: text("delivery_modes").array().notNull().default(sql`'{}'`),
    notes: text("notes"),
    archivedAt: timestamp("archived_at", { withTimezone: true, precision: 3 }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("trainers_organization_id_idx").on(t.organizationId),
    uniqueIndex("trainers_org_email_key").on(t.organizationId, sql`lower(${t.email})`),
  ],
);

/** Row-level security: tenant_isolation (0004_trainings_rls.sql). */
export const trainerCertifications = pgTable(
  "trainer_certifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    trainerId: uuid("trainer_id")
      .notNull()
      .references(() => trainers.id),
    issuer: text("issuer").notNull(),
    certifiedOn: date("certified_on", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    evidence: text("evidence"),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("trainer_certifications_trainer_id_idx").on(t.trainerId),
    index("trainer_certifications_organization_id_idx").on(t.organizationId, t.trainerId),
    check(
      "trainer_certifications_period",
      sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.certifiedOn}`,
    ),
  ],
);

/**
 * NNS-owned price list. Trainings copy prices when created, so a later change never rewrites a booking.
 * Row-level security: tenant_isolation (0004_trainings_rls.sql).
 */
export const priceListItems = pgTable(
  "price_list_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unitPriceOre: bigint("unit_price_ore", { mode: "number" }).notNull(),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    maxParticipants: integer("max_participants"),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("price_list_items_org_code_key").on(t.organizationId, t.code),
    check("price_list_items_price", sql`${t.unitPriceOre} >= 0`),
    check("price_list_items_vat", sql`${t.vatRateBasisPoints} BETWEEN 0 AND 10000`),
  ],
);

export interface TemplateStep {
  key: string;
  title: string;
  durationMinutes: number;
  mode: "digital" | "on_site" | "either";
  capacity: number | null;
  description: string;
}

/**
 * NNS-owned: the steps a BIP/SKAPA training is planned from (seed 003's four steps).
 * Row-level security: tenant_isolation (0004_trainings_rls.sql).
 */
export const trainingTemplates = pgTable(
  "training_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    steps: jsonb("steps").$type<TemplateStep[]>().notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("training_templates_org_key_key").on(t.organizationId, t.key)],
);

/** A training a request was scheduled to, cancelled by its owner (migration 0023). */
export interface CancelledTrainingRecord {
  trainingId: string;
  title: string;
  /** ISO 8601, UTC. */
  cancelledAt: string;
  reason: string | null;
}

/**
 * A förbund's intresseanmälan, addressed to NNS (the coordinator sees and answers it).
 * Row-level security: coordinator_decides, coordinator_reads, tenant_isolation (0004_trainings_rls.sql).
 */
export const trainingRequests = pgTable(
  "training_requests",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    coordinatorOrganizationId: uuid("coordinator_organization_id")
      .notNull()
      .references(() => organizations.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    expectedParticipants: integer("expected_participants").notNull(),
    deliveryPreference: text("delivery_preference", { enum: ["digital", "on_site", "either"] }).notNull(),
    openToSharing: boolean("open_to_sharing").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    notes: text("notes"),
    status: text("status", { enum: ["submitted", "scheduled", "withdrawn", "declined"] })
      .notNull()
      .default("submitted"),
    trainingId: uuid("training_id").references(() => trainings.id),
    /** Trainings the request was scheduled to that were cancelled, oldest first; the request reopened each time. */
    cancelledTrainings: jsonb("cancelled_trainings").$type<CancelledTrainingRecord[]>().notNull().default([]),
    decisionNote: text("decision_note"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "training_requests_pkey", columns: [t.organizationId, t.id] }),
    index("training_requests_id_idx").on(t.id),
    index("training_requests_organization_id_idx").on(t.organizationId),
    index("training_requests_coordinator_idx").on(t.coordinatorOrganizationId, t.status),
    check("training_requests_period", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("training_requests_participants", sql`${t.expectedParticipants} BETWEEN 1 AND 1000`),
    check(
      "training_requests_cancelled_trainings_array",
      sql`jsonb_typeof(${t.cancelledTrainings}) = 'array'`,
    ),
  ],
);

/**
 * One delivery of BIP/SKAPA (owned by NNS) or a förbund's own training or event day (owned by it).
 * Row-level security: party_reads, survey_token_holder_reads, tenant_isolation (0004_trainings_rls.sql).
 */
export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    kind: text("kind", { enum: ["bip_skapa", "event"] }).notNull(),
    title: text("title").notNull(),
    description: text("description"),
    status: text("status", { enum: ["requested", "planned", "confirmed", "completed", "cancelled"] })
      .notNull()
      .default("requested"),
    costSplitRule: text("cost_split_rule", { enum: ["equal", "seats"] })
      .notNull()
      .default("equal"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, precision: 3 }),
    cancelledBy: text("cancelled_by"),
    cancellationReason: text("cancellation_reason"),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
    surveySentAt: timestamp("survey_sent_at", { withTimezone: true, precision: 3 }),
    /** An event's series (seed 000's yearly Inspirationsdag); the foreign key and check are in 0022_events.sql. */
    seriesId: uuid("series_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("trainings_organization_id_idx").on(t.organizationId),
    unique("trainings_id_organization_key").on(t.id, t.organizationId),
  ],
);

/**
 * A förbund taking part in a training, with its allocation of seats. Join order breaks split ties.
 * Row-level security: own_rows, owner_manages (0004_trainings_rls.sql).
 */
export const trainingParties = pgTable(
  "training_parties",
  {
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    ownerOrganizationId: ownerOrgId(),
    seats: integer("seats"),
    contactEmail: text("contact_email"),
    joinOrder: bigserial("join_order", { mode: "number" }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "training_parties_pkey", columns: [t.organizationId, t.trainingId] }),
    index("training_parties_training_id_idx").on(t.trainingId),
    index("training_parties_organization_id_idx").on(t.organizationId),
    foreignKey({
      columns: [t.trainingId, t.ownerOrganizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("training_parties_seats", sql`${t.seats} IS NULL OR ${t.seats} >= 0`),
  ],
);

/**
 * Owner-kept: the shared cost of a training, copied from the price list when added.
 * Row-level security: party_reads, tenant_isolation (0004_trainings_rls.sql).
 */
export const trainingCostLines = pgTable(
  "training_cost_lines",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    priceItemCode: text("price_item_code"),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull().default(1),
    unitPriceOre: bigint("unit_price_ore", { mode: "number" }).notNull(),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "training_cost_lines_pkey", columns: [t.organizationId, t.id] }),
    index("training_cost_lines_id_idx").on(t.id),
    index("training_cost_lines_training_idx").on(t.trainingId),
    index("training_cost_lines_organization_id_idx").on(t.organizationId, t.trainingId),
    foreignKey({
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("training_cost_lines_amounts", sql`${t.quantity} > 0 AND ${t.unitPriceOre} >= 0`),
  ],
);

/**
 * A förbund's own print costs for a training: its own, never shared. Removed by marking, not deleting.
 * Row-level security: own_rows, owner_reads (0004_trainings_rls.sql).
 */
export const trainingPrintCosts = pgTable(
  "training_print_costs",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    ownerOrganizationId: ownerOrgId(),
    description: text("description").notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    /** `organization`: the förbund paid the printer itself; `owner`: NNS paid and invoices it as its own line. */
    paidBy: text("paid_by", { enum: ["organization", "owner"] })
      .notNull()
      .default("organization"),
    removedAt: timestamp("removed_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "training_print_costs_pkey", columns: [t.organizationId, t.id] }),
    index("training_print_costs_id_idx").on(t.id),
    index("training_print_costs_training_idx").on(t.trainingId),
    index("training_print_costs_organization_id_idx").on(t.organizationId, t.trainingId),
    foreignKey({
      columns: [t.trainingId, t.ownerOrganizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("training_print_costs_amount", sql`${t.amountOre} > 0`),
    check("training_print_costs_vat", sql`${t.vatRateBasisPoints} BETWEEN 0 AND 10000`),
  ],
);

/** Row-level security: party_reads, tenant_isolation (0004_trainings_rls.sql). */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    stepKey: text("step_key"),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, precision: 3 }).notNull(),
    mode: text("mode", { enum: DELIVERY_MODES }).notNull(),
    location: text("location"),
    videoLink: text("video_link"),
    capacity: integer("capacity"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("training_sessions_training_idx").on(t.trainingId, t.startsAt),
    index("training_sessions_organization_id_idx").on(t.organizationId, t.startsAt),
    unique("training_sessions_id_organization_key").on(t.id, t.organizationId),
    unique("training_sessions_id_training_key").on(t.id, t.trainingId),
    foreignKey({
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("training_sessions_period", sql`${t.endsAt} > ${t.startsAt}`),
    check("training_sessions_capacity", sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
  ],
);

/** Row-level security: tenant_isolation (0004_trainings_rls.sql). */
export const trainingSessionTrainers = pgTable(
  "training_session_trainers",
  {
    organizationId: orgId(),
    sessionId: uuid("session_id").notNull(),
    trainerId: uuid("trainer_id")
      .notNull()
      .references(() => trainers.id),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.trainerId] }),
    index("training_session_trainers_trainer_idx").on(t.trainerId),
    index("training_session_trainers_organization_id_idx").on(t.organizationId),
    foreignKey({
      columns: [t.sessionId, t.organizationId],
      foreignColumns: [trainingSessions.id, trainingSessions.organizationId],
    }),
  ],
);

/**
 * A person a förbund registers for a training (deltagare). Personal data: visible to that förbund and the owner.
 * Row-level security: own_rows, owner_manages (0004_trainings_rls.sql).
 */
export const trainingParticipants = pgTable(
  "training_participants",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    ownerOrganizationId: ownerOrgId(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    employer: text("employer"),
    jobTitle: text("job_title"),
    gender: text("gender", { enum: ["woman", "man", "other"] }),
    /** One of the registering förbund's own huvudmän (0022_events.sql's composite key), for follow-up. */
    memberPartyId: uuid("member_party_id"),
    contactConsent: boolean("contact_consent").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "training_participants_pkey", columns: [t.organizationId, t.id] }),
    index("training_participants_id_idx").on(t.id),
    index("training_participants_training_idx").on(t.trainingId, t.organizationId),
    index("training_participants_organization_id_idx").on(t.organizationId, t.trainingId),
    // Per förbund: a shared index would tell one förbund which addresses another has registered.
    uniqueIndex("training_participants_training_email_key").on(
      t.organizationId,
      t.trainingId,
      sql`lower(${t.email})`,
    ),
    unique("training_participants_org_id_training_key").on(t.organizationId, t.id, t.trainingId),
    foreignKey({
      columns: [t.trainingId, t.ownerOrganizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
  ],
);

/**
 * One person in one session. `queue_position` comes from a sequence drawn while the session is locked,
 * so it is the order in which requests won the lock: the waiting list's order.
 * Row-level security: own_rows, owner_manages (0004_trainings_rls.sql).
 */
export const sessionRegistrations = pgTable(
  "session_registrations",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    ownerOrganizationId: ownerOrgId(),
    trainingId: uuid("training_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    status: text("status", { enum: ["confirmed", "waitlisted", "cancelled"] }).notNull(),
    queuePosition: bigserial("queue_position", { mode: "number" }).notNull(),
    promotedAt: timestamp("promoted_at", { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, precision: 3 }),
    cancelledBy: text("cancelled_by"),
    attended: boolean("attended"),
    attendanceRecordedAt: timestamp("attendance_recorded_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "session_registrations_pkey", columns: [t.organizationId, t.id] }),
    index("session_registrations_id_idx").on(t.id),
    index("session_registrations_session_idx").on(t.sessionId, t.status, t.queuePosition),
    index("session_registrations_organization_idx").on(t.organizationId, t.trainingId),
    uniqueIndex("session_registrations_one_live_per_person")
      .on(t.organizationId, t.sessionId, t.participantId)
      .where(sql`status <> 'cancelled'`),
    foreignKey({
      columns: [t.sessionId, t.ownerOrganizationId],
      foreignColumns: [trainingSessions.id, trainingSessions.organizationId],
    }),
    // A registration belongs to a session of its own training, for a person of its own förbund.
    foreignKey({
      columns: [t.sessionId, t.trainingId],
      foreignColumns: [trainingSessions.id, trainingSessions.trainingId],
    }),
    foreignKey({
      name: "session_registrations_participant_fk",
      columns: [t.organizationId, t.participantId, t.trainingId],
      foreignColumns: [
        trainingParticipants.organizationId,
        trainingParticipants.id,
        trainingParticipants.trainingId,
      ],
    }),
  ],
);

/**
 * The post-event survey: one link per participant, answered once. Only the token's hash is stored.
 * Row-level security: own_rows, owner_manages, token_holder_answers, token_holder_reads (0004_trainings_rls.sql).
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    ownerOrganizationId: ownerOrgId(),
    trainingId: uuid("training_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    tokenHash: bytea("token_hash").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true, precision: 3 }),
    scores: jsonb("scores").$type<Record<string, number>>(),
    comment: text("comment"),
  },
  (t) => [
    primaryKey({ name: "survey_responses_pkey", columns: [t.organizationId, t.id] }),
    index("survey_responses_id_idx").on(t.id),
    // Still across tenants: the link carries the token alone (pending re-key, src/distribution.ts).
    uniqueIndex("survey_responses_token_hash_key").on(t.tokenHash),
    uniqueIndex("survey_responses_participant_key").on(t.organizationId, t.participantId),
    index("survey_responses_participant_id_idx").on(t.participantId),
    index("survey_responses_training_idx").on(t.trainingId),
    index("survey_responses_organization_id_idx").on(t.organizationId, t.trainingId),
    foreignKey({
      name: "survey_responses_participant_fk",
      columns: [t.organizationId, t.participantId, t.trainingId],
      foreignColumns: [
        trainingParticipants.organizationId,
        trainingParticipants.id,
        trainingParticipants.trainingId,
      ],
    }),
    foreignKey({
      columns: [t.trainingId, t.ownerOrganizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
  ],
);
