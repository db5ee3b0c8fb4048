import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { orgId, timestamps } from "./columns.js";
import { organizationMemberParties } from "./organizations.js";
import { trainingParticipants, trainings } from "./trainings.js";

/**
 * A förbund's event opened for people to sign themselves up on its public page (/evenemang/{id}). The
 * consent text is versioned: each change of wording counts up, and every sign-up records the version and
 * the words it accepted.
 * Row-level security: public_open_events, tenant_isolation (0021_event_signups.sql).
 */
export const eventSignups = pgTable(
  "event_signups",
  {
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true, precision: 3 }),
    closesAt: timestamp("closes_at", { withTimezone: true, precision: 3 }),
    consentText: text("consent_text").notNull(),
    consentVersion: integer("consent_version").notNull().default(1),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "event_signups_pkey", columns: [t.organizationId, t.trainingId] }),
    index("event_signups_training_id_idx").on(t.trainingId),
    index("event_signups_organization_id_idx").on(t.organizationId),
    foreignKey({
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("event_signups_consent_text", sql`length(${t.consentText}) between 1 and 2000`),
  ],
);

/**
 * What a person accepted when they signed up on the public page: the consent's words and version, when,
 * and the member party they said they work for. One row per participant; a new sign-up replaces it.
 * Row-level security: tenant_isolation (0021_event_signups.sql).
 */
export const eventSignupConsents = pgTable(
  "event_signup_consents",
  {
    organizationId: orgId(),
    participantId: uuid("participant_id").notNull(),
    trainingId: uuid("training_id").notNull(),
    consentText: text("consent_text").notNull(),
    consentVersion: integer("consent_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true, precision: 3 }).notNull(),
    memberPartyId: uuid("member_party_id").references(() => organizationMemberParties.id),
  },
  (t) => [
    primaryKey({ name: "event_signup_consents_pkey", columns: [t.organizationId, t.participantId] }),
    index("event_signup_consents_participant_id_idx").on(t.participantId),
    index("event_signup_consents_organization_id_idx").on(t.organizationId, t.trainingId),
    foreignKey({
      name: "event_signup_consents_participant_fk",
      columns: [t.organizationId, t.participantId, t.trainingId],
      foreignColumns: [
        trainingParticipants.organizationId,
        trainingParticipants.id,
        trainingParticipants.trainingId,
      ],
    }),
  ],
);
