import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { interventions } from "./catalog.js";
import { orgId, timestamps } from "./columns.js";
import { bytea, users } from "./identity.js";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const day = (name: string) => date(name, { mode: "string" });

// The same lists as in @nns/domain (progression/), which the database package does not depend on.
const RESPONDENTS = ["participant", "coach"] as const;
const GENDERS = ["woman", "man", "other", "not_stated"] as const;

/**
 * Tenant-owned by whoever keeps the instrument: NNS for SKAPA and the national indicators (`national`:
 * every organization may read it and choose it), a förbund for its own (only that förbund sees it).
 * Row-level security: tenant_isolation, national_reads (0015_progression.sql).
 */
export const progressionInstruments = pgTable(
  "progression_instruments",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    national: boolean("national").notNull().default(false),
    /** Wording that stands in for an official text not yet loaded; shown as such wherever it appears. */
    placeholder: boolean("placeholder").notNull().default(false),
    archivedAt: at("archived_at"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("progression_instruments_key").on(t.organizationId, t.key),
  ],
);

/**
 * Tenant-owned (the instrument's keeper): one version's items as `InstrumentDefinition` (@nns/domain).
 * Only drafts change; a trigger refuses any change to a published or retired version's definition and
 * its deletion, so measurements keep the meaning they were taken with.
 * Row-level security: tenant_isolation, national_reads (0015_progression.sql).
 */
export const progressionInstrumentVersions = pgTable(
  "progression_instrument_versions",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    instrumentId: uuid("instrument_id").notNull(),
    number: integer("number").notNull(),
    status: text("status", { enum: ["draft", "published", "retired"] })
      .notNull()
      .default("draft"),
    definition: jsonb("definition").notNull(),
    changeNote: text("change_note"),
    publishedAt: at("published_at"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("progression_instrument_versions_number").on(t.organizationId, t.instrumentId, t.number),
    foreignKey({
      columns: [t.organizationId, t.instrumentId],
      foreignColumns: [progressionInstruments.organizationId, progressionInstruments.id],
      name: "progression_instrument_versions_instrument_fk",
    }),
    check("progression_instrument_versions_status_check", sql`status IN ('draft', 'published', 'retired')`),
  ],
);

/**
 * Tenant-owned (the instrument's keeper): which item of an older version answers to which item of a newer
 * one. Comparisons across versions go only through these rows; an item without a mapping is not compared.
 * Row-level security: tenant_isolation, national_reads (0015_progression.sql).
 */
export const progressionItemMappings = pgTable(
  "progression_item_mappings",
  {
    organizationId: orgId(),
    fromVersionId: uuid("from_version_id").notNull(),
    fromItemCode: text("from_item_code").notNull(),
    toVersionId: uuid("to_version_id").notNull(),
    toItemCode: text("to_item_code").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.fromVersionId, t.fromItemCode, t.toVersionId] }),
    foreignKey({
      columns: [t.organizationId, t.fromVersionId],
      foreignColumns: [progressionInstrumentVersions.organizationId, progressionInstrumentVersions.id],
      name: "progression_item_mappings_from_fk",
    }),
    foreignKey({
      columns: [t.organizationId, t.toVersionId],
      foreignColumns: [progressionInstrumentVersions.organizationId, progressionInstrumentVersions.id],
      name: "progression_item_mappings_to_fk",
    }),
  ],
);

/**
 * Tenant-owned (the förbund measuring): the instrument versions an insats uses, its own or co-owned.
 * Row-level security: tenant_isolation (0015_progression.sql).
 */
export const progressionInterventionInstruments = pgTable(
  "progression_intervention_instruments",
  {
    organizationId: orgId(),
    interventionId: uuid("intervention_id")
      .notNull()
      .references(() => interventions.id),
    instrumentOrganizationId: uuid("instrument_organization_id").notNull(),
    instrumentVersionId: uuid("instrument_version_id").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.interventionId, t.instrumentVersionId] }),
    foreignKey({
      columns: [t.instrumentOrganizationId, t.instrumentVersionId],
      foreignColumns: [progressionInstrumentVersions.organizationId, progressionInstrumentVersions.id],
      name: "progression_intervention_instruments_version_fk",
    }),
  ],
);

/**
 * Tenant-owned: a förbund's own rules for progression data. Individual data is erased by the retention
 * job `retentionMonths` after a participant's end date.
 * Row-level security: tenant_isolation (0015_progression.sql).
 */
export const progressionSettings = pgTable("progression_settings", {
  organizationId: orgId().primaryKey(),
  retentionMonths: integer("retention_months").notNull().default(36),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * Tenant-owned: a pseudonymous participant of one of the förbund's insatser (own or co-owned). No name and
 * no personnummer are ever stored: the code is made by the system. `age_band` is the band at the start
 * (computed from `birth_year` when that is known), the one aggregates count by.
 * A coach sees only the participants assigned to them; the förbund's progression managers set
 * `app.progression_all` and see all of its own.
 * Row-level security: aggregate_function, own_or_all (0015_progression.sql).
 */
export const progressionParticipants = pgTable(
  "progression_participants",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    code: text("code").notNull(),
    interventionId: uuid("intervention_id")
      .notNull()
      .references(() => interventions.id),
    coachUserId: uuid("coach_user_id").references(() => users.id),
    gender: text("gender", { enum: GENDERS }).notNull(),
    birthYear: integer("birth_year"),
    ageBand: text("age_band"),
    startDate: day("start_date").notNull(),
    endDate: day("end_date"),
    /** One of the catalogue's outcome category codes, once the participant has left. */
    outcome: text("outcome"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("progression_participants_code").on(t.organizationId, t.code),
    index("progression_participants_coach_idx").on(t.organizationId, t.coachUserId),
    index("progression_participants_intervention_idx").on(t.organizationId, t.interventionId),
    index("progression_participants_end_idx").on(t.organizationId, t.endDate),
    check("progression_participants_gender_check", sql`gender IN ('woman', 'man', 'other', 'not_stated')`),
    check("progression_participants_dates_check", sql`end_date IS NULL OR end_date >= start_date`),
  ],
);

/**
 * Tenant-owned, immutable (a correction is a deletion and a new measurement): one reading by one
 * respondent. `answers` holds the values in the order of the version's items put to that respondent
 * (`itemsFor` in @nns/domain). Inserts and deletions keep `progression_progress` current (trigger).
 * Row-level security: through_participant (0015_progression.sql).
 */
export const progressionMeasurements = pgTable(
  "progression_measurements",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    participantId: uuid("participant_id").notNull(),
    instrumentOrganizationId: uuid("instrument_organization_id").notNull(),
    instrumentVersionId: uuid("instrument_version_id").notNull(),
    respondent: text("respondent", { enum: RESPONDENTS }).notNull(),
    measuredOn: day("measured_on").notNull(),
    answers: smallint("answers").array().notNull(),
    comment: text("comment"),
    source: text("source", { enum: ["coach", "self_rating"] }).notNull(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      columns: [t.organizationId, t.participantId],
      foreignColumns: [progressionParticipants.organizationId, progressionParticipants.id],
      name: "progression_measurements_participant_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.instrumentOrganizationId, t.instrumentVersionId],
      foreignColumns: [progressionInstrumentVersions.organizationId, progressionInstrumentVersions.id],
      name: "progression_measurements_version_fk",
    }),
    index("progression_measurements_participant_idx").on(t.organizationId, t.participantId, t.measuredOn),
    check("progression_measurements_respondent_check", sql`respondent IN ('participant', 'coach')`),
    check("progression_measurements_source_check", sql`source IN ('coach', 'self_rating')`),
  ],
);

/**
 * Tenant-owned, derived: per participant, instrument version and respondent, the first and the latest
 * reading, kept by a trigger on `progression_measurements` in the same transaction. Aggregates read this
 * (about one row per participant) instead of every measurement.
 * Row-level security: aggregate_function, through_participant (0015_progression.sql).
 */
export const progressionProgress = pgTable(
  "progression_progress",
  {
    organizationId: orgId(),
    participantId: uuid("participant_id").notNull(),
    instrumentVersionId: uuid("instrument_version_id").notNull(),
    respondent: text("respondent", { enum: RESPONDENTS }).notNull(),
    measurementCount: integer("measurement_count").notNull(),
    firstMeasurementId: uuid("first_measurement_id").notNull(),
    firstOn: day("first_on").notNull(),
    firstAnswers: smallint("first_answers").array().notNull(),
    latestMeasurementId: uuid("latest_measurement_id").notNull(),
    latestOn: day("latest_on").notNull(),
    latestAnswers: smallint("latest_answers").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.participantId, t.instrumentVersionId, t.respondent] }),
    foreignKey({
      columns: [t.organizationId, t.participantId],
      foreignColumns: [progressionParticipants.organizationId, progressionParticipants.id],
      name: "progression_progress_participant_fk",
    }).onDelete("cascade"),
    index("progression_progress_version_idx").on(t.instrumentVersionId, t.respondent),
  ],
);

/**
 * Tenant-owned: a one-time link for a participant's self-rating on their own phone. Only the token's
 * SHA-256 is stored; the link works once, before `expires_at`.
 * Row-level security: link_holder, through_participant (0015_progression.sql).
 */
export const progressionSelfRatingLinks = pgTable(
  "progression_self_rating_links",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    participantId: uuid("participant_id").notNull(),
    instrumentOrganizationId: uuid("instrument_organization_id").notNull(),
    instrumentVersionId: uuid("instrument_version_id").notNull(),
    tokenHash: bytea("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    measurementId: uuid("measurement_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("progression_self_rating_links_token").on(t.tokenHash),
    foreignKey({
      columns: [t.organizationId, t.participantId],
      foreignColumns: [progressionParticipants.organizationId, progressionParticipants.id],
      name: "progression_self_rating_links_participant_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.instrumentOrganizationId, t.instrumentVersionId],
      foreignColumns: [progressionInstrumentVersions.organizationId, progressionInstrumentVersions.id],
      name: "progression_self_rating_links_version_fk",
    }),
  ],
);

/**
 * Tenant-owned, append-only: every read of individual-level progression data (who, which participant,
 * what, when), which the förbund's admin can read. Kept after a participant's erasure: it names the
 * pseudonymous code, nothing else about the person.
 * The application role may not change or delete rows.
 * Row-level security: tenant_isolation (0015_progression.sql).
 */
export const progressionAccessLog = pgTable(
  "progression_access_log",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    participantId: uuid("participant_id"),
    participantCode: text("participant_code").notNull(),
    action: text("action").notNull(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system"] }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorApiKeyId: uuid("actor_api_key_id"),
    actorName: text("actor_name").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("progression_access_log_at_idx").on(t.organizationId, t.at),
    index("progression_access_log_participant_idx").on(t.organizationId, t.participantId, t.at),
  ],
);
