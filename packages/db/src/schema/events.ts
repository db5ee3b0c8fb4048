import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgId, timestamps } from "./columns.js";
import { trainings } from "./trainings.js";

export const EVENT_COST_CATEGORIES = ["venue", "catering", "speaker", "other"] as const;

/**
 * A förbund's recurring event (seed 000's yearly Inspirationsdag); each year's event points to it.
 * Row-level security: tenant_isolation (0022_events.sql).
 */
export const eventSeries = pgTable(
  "event_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text("name").notNull(),
    description: text("description"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("event_series_organization_id_idx").on(t.organizationId),
    uniqueIndex("event_series_org_name_key").on(t.organizationId, sql`lower(${t.name})`),
    unique("event_series_id_organization_key").on(t.id, t.organizationId),
  ],
);

/**
 * The figures of an event as the host counted them (seed 000's follow-up), for a day whose people were not
 * registered here by name. Satisfaction is the survey's average on its 1–5 scale, in tenths.
 * Row-level security: party_reads, tenant_isolation (0022_events.sql).
 */
export const eventFigures = pgTable(
  "event_figures",
  {
    trainingId: uuid("training_id").notNull(),
    organizationId: orgId(),
    registered: integer("registered").notNull(),
    attended: integer("attended").notNull(),
    attendedWomen: integer("attended_women").notNull().default(0),
    attendedMen: integer("attended_men").notNull().default(0),
    attendedOther: integer("attended_other").notNull().default(0),
    surveyResponses: integer("survey_responses"),
    satisfactionTenths: integer("satisfaction_tenths"),
    note: text("note"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "event_figures_pkey", columns: [t.organizationId, t.trainingId] }),
    index("event_figures_training_id_idx").on(t.trainingId),
    index("event_figures_organization_id_idx").on(t.organizationId),
    foreignKey({
      name: "event_figures_training_fk",
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check(
      "event_figures_counts",
      sql`${t.registered} >= 0 AND ${t.attended} >= 0 AND ${t.attendedWomen} >= 0 AND ${t.attendedMen} >= 0 AND ${t.attendedOther} >= 0 AND ${t.attendedWomen} + ${t.attendedMen} + ${t.attendedOther} <= ${t.attended}`,
    ),
    check(
      "event_figures_satisfaction",
      sql`(${t.satisfactionTenths} IS NULL OR ${t.satisfactionTenths} BETWEEN 10 AND 50) AND (${t.surveyResponses} IS NULL OR ${t.surveyResponses} BETWEEN 0 AND ${t.attended})`,
    ),
  ],
);

/**
 * One cost line of an event's budget (lokal, fika, föreläsare, other): planned and, once known, actual.
 * Removed by marking, not deleting. Co-hosts read them to see their share.
 * Row-level security: party_reads, tenant_isolation (0022_events.sql).
 */
export const eventBudgetLines = pgTable(
  "event_budget_lines",
  {
    id: uuid("id").notNull().defaultRandom(),
    organizationId: orgId(),
    trainingId: uuid("training_id").notNull(),
    category: text("category", { enum: EVENT_COST_CATEGORIES }).notNull(),
    description: text("description").notNull(),
    budgetOre: bigint("budget_ore", { mode: "number" }).notNull().default(0),
    actualOre: bigint("actual_ore", { mode: "number" }),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true, precision: 3 }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "event_budget_lines_pkey", columns: [t.organizationId, t.id] }),
    index("event_budget_lines_id_idx").on(t.id),
    index("event_budget_lines_organization_id_idx").on(t.organizationId, t.trainingId),
    index("event_budget_lines_training_idx").on(t.trainingId),
    foreignKey({
      name: "event_budget_lines_training_fk",
      columns: [t.trainingId, t.organizationId],
      foreignColumns: [trainings.id, trainings.organizationId],
    }),
    check("event_budget_lines_category", sql`${t.category} IN ('venue', 'catering', 'speaker', 'other')`),
    check(
      "event_budget_lines_amounts",
      sql`${t.budgetOre} >= 0 AND (${t.actualOre} IS NULL OR ${t.actualOre} >= 0)`,
    ),
    check("event_budget_lines_vat", sql`${t.vatRateBasisPoints} BETWEEN 0 AND 10000`),
  ],
);
