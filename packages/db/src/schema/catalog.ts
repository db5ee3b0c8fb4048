import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const position = () => integer("position").notNull();
const retiredAt = () => timestamp("retired_at", { withTimezone: true, precision: 3 });

/**
 * Controlled vocabularies of the catalogue. Global, not tenant data: every förbund and the public use the
 * same lists, which NNS keeps through a service (catalog/vocabulary-terms.ts). A term's code never
 * changes; a term is retired (`retired_at`) rather than deleted, so content and reports naming it keep
 * their meaning; `position` orders each list. Renaming a term relabels the published entries (0018).
 * Row-level security: none — a national vocabulary every förbund and the public read; NNS edits it through a service that checks the permission.
 */
export const catalogFocusAreas = pgTable("catalog_focus_areas", {
  code: text("code").primaryKey(),
  orientation: text("orientation", { enum: ["individual", "structural"] }).notNull(),
  labelSv: text("label_sv").notNull(),
  position: position(),
  retiredAt: retiredAt(),
});

/** Row-level security: none — a national vocabulary every förbund and the public read; NNS edits it through a service that checks the permission. */
export const catalogTargetGroups = pgTable("catalog_target_groups", {
  code: text("code").primaryKey(),
  labelSv: text("label_sv").notNull(),
  position: position(),
  retiredAt: retiredAt(),
});

/** Row-level security: none — a national vocabulary every förbund and the public read; NNS edits it through a service that checks the permission. */
export const catalogMethods = pgTable("catalog_methods", {
  code: text("code").primaryKey(),
  labelSv: text("label_sv").notNull(),
  position: position(),
  retiredAt: retiredAt(),
});

/**
 * Where participants went; the `positive` class marks the categories counted in the positive-outcome share.
 * Row-level security: none — a national vocabulary every förbund and the public read; NNS edits it through a service that checks the permission.
 */
export const catalogOutcomeCategories = pgTable(
  "catalog_outcome_categories",
  {
    code: text("code").primaryKey(),
    labelSv: text("label_sv").notNull(),
    outcomeClass: text("outcome_class", { enum: ["positive", "negative", "neutral"] }).notNull(),
    position: position(),
    retiredAt: retiredAt(),
  },
  () => [
    check(
      "catalog_outcome_categories_class_check",
      sql`outcome_class IN ('positive', 'negative', 'neutral')`,
    ),
  ],
);

/**
 * Tenant-owned: one insats. The editable working copy lives in `content` (the shape is
 * `InterventionContent` in @nns/domain); every saved content is also kept in `intervention_versions`.
 * `state` is the working copy's workflow state; `published_revision` names the version the public sees,
 * which stays public while a new draft is edited.
 * Row-level security: co_owner_edits, co_owner_reads, editorial_queue, tenant_isolation (0006_catalogue_rls.sql).
 */
export const interventions = pgTable(
  "interventions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => interventions.id),
    state: text("state", { enum: ["draft", "submitted", "returned", "published", "archived"] }).notNull(),
    content: jsonb("content").notNull(),
    revision: integer("revision").notNull().default(1),
    publishedRevision: integer("published_revision"),
    reviewComment: text("review_comment"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("interventions_organization_id_idx").on(t.organizationId),
    index("interventions_state_idx").on(t.state, t.submittedAt),
    index("interventions_parent_id_idx").on(t.parentId),
    check("interventions_not_own_parent", sql`parent_id IS DISTINCT FROM id`),
    check(
      "interventions_state_check",
      sql`state IN ('draft', 'submitted', 'returned', 'published', 'archived')`,
    ),
  ],
);

/**
 * Tenant-owned (by the intervention's owner), append-only: every saved content, with who and when.
 * Row-level security: co_owner_reads, co_owner_writes, tenant_isolation (0006_catalogue_rls.sql).
 */
export const interventionVersions = pgTable(
  "intervention_versions",
  {
    interventionId: uuid("intervention_id")
      .notNull()
      .references(() => interventions.id),
    revision: integer("revision").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    content: jsonb("content").notNull(),
    authorOrganizationId: uuid("author_organization_id").references(() => organizations.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }),
    publishedByLabel: text("published_by_label"),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.revision] }),
    index("intervention_versions_organization_id_idx").on(t.organizationId),
  ],
);

// The shapes of BudgetLine etc. in @nns/domain (catalog/results.ts), which the database package does not depend on.
interface BudgetLine {
  description: string;
  sharePercent: number | null;
  budgetOre: number | null;
  costOre: number | null;
}
interface SubOutcome {
  outcome: string;
  label: string;
  count: number;
}
interface ParticipantSurvey {
  responses: number;
  summary: string | null;
  figures: { label: string; count: number }[];
}
interface SocioEconomicEvaluation {
  paybackMonths: number | null;
  netBenefitOre: number | null;
  netBenefitYears: number | null;
  method: string | null;
}

/** What a published report showed: the value columns as they were when NNS (or the förbund) published. */
export interface PublishedResultValues {
  periodStart: string;
  periodEnd: string;
  kind: "interval" | "cumulative";
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  outcomes: Record<string, number>;
  averageEnrolmentMonths: number | string | null;
  costOre: number | null;
  budgetOre: number | null;
  budgetLines: BudgetLine[];
  subOutcomes: SubOutcome[];
  assessedNotEnrolled: number | null;
  survey: ParticipantSurvey | null;
  socioEconomic: SocioEconomicEvaluation | null;
}

/**
 * Tenant-owned: what an intervention reports for one period. Shares are derived, never stored.
 * Row-level security: co_owner_inserts, co_owner_reads, co_owner_updates, editorial_queue, tenant_isolation (0006_catalogue_rls.sql, 0017_result_reports.sql).
 */
export const interventionResults = pgTable(
  "intervention_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interventionId: uuid("intervention_id")
      .notNull()
      .references(() => interventions.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    participantsWomen: integer("participants_women").notNull(),
    participantsMen: integer("participants_men").notNull(),
    participantsOther: integer("participants_other").notNull(),
    outcomes: jsonb("outcomes").$type<Record<string, number>>().notNull(),
    averageEnrolmentMonths: numeric("average_enrolment_months", { precision: 5, scale: 1 }),
    costOre: bigint("cost_ore", { mode: "number" }),
    budgetOre: bigint("budget_ore", { mode: "number" }),
    /** `interval` (added up) or `cumulative` (from its start; the latest replaces earlier ones). */
    kind: text("kind", { enum: ["interval", "cumulative"] }).notNull(),
    budgetLines: jsonb("budget_lines").$type<BudgetLine[]>().notNull().default([]),
    subOutcomes: jsonb("sub_outcomes").$type<SubOutcome[]>().notNull().default([]),
    assessedNotEnrolled: integer("assessed_not_enrolled"),
    survey: jsonb("survey").$type<ParticipantSurvey>(),
    socioEconomic: jsonb("socio_economic").$type<SocioEconomicEvaluation>(),
    /** `submitted` waits for NNS's editors (unless the förbund self-publishes); `published` is public. */
    state: text("state", { enum: ["submitted", "published"] })
      .notNull()
      .default("published"),
    submittedAt: timestamp("submitted_at", { withTimezone: true, precision: 3 }),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }),
    publishedByLabel: text("published_by_label"),
    /** The figures as last published: what the public sees while a correction waits for review. */
    published: jsonb("published").$type<PublishedResultValues>(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("intervention_results_organization_id_idx").on(t.organizationId),
    index("intervention_results_submitted_idx").on(t.submittedAt).where(sql`state = 'submitted'`),
    check("intervention_results_kind", sql`kind IN ('interval', 'cumulative')`),
    check("intervention_results_state", sql`state IN ('submitted', 'published')`),
    check("intervention_results_assessed", sql`assessed_not_enrolled IS NULL OR assessed_not_enrolled >= 0`),
    uniqueIndex("intervention_results_period_key").on(t.interventionId, t.periodStart, t.periodEnd),
    check("intervention_results_period_order", sql`period_end >= period_start`),
    check(
      "intervention_results_counts",
      sql`participants_women >= 0 AND participants_men >= 0 AND participants_other >= 0`,
    ),
  ],
);

/**
 * Tenant-owned: NNS has let this förbund's own administrators publish without central review.
 * Row-level security: tenant_isolation (0006_catalogue_rls.sql).
 */
export const catalogSelfPublishing = pgTable(
  "catalog_self_publishing",
  {
    organizationId: uuid("organization_id")
      .primaryKey()
      .references(() => organizations.id),
    grantedAt: timestamp("granted_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    grantedByLabel: text("granted_by_label").notNull(),
  },
  (t) => [index("catalog_self_publishing_organization_id_idx").on(t.organizationId)],
);

/**
 * The public catalogue: one row per published intervention, holding only its published version and
 * results. The public read path reads this table and nothing else, so it cannot reach a draft. Rows are
 * written when a version is published and removed when the intervention is archived.
 * Row-level security: co_owner_refreshes, owner_writes, public_read, relabelled_by_trigger
 * (0006_catalogue_rls.sql, 0018_catalog_vocabularies.sql).
 */
export const catalogEntries = pgTable(
  "catalog_entries",
  {
    interventionId: uuid("intervention_id")
      .primaryKey()
      .references(() => interventions.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    parentId: uuid("parent_id"),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    /** Kommun and län names the entry covers, so a search on a place finds it. */
    placeNames: text("place_names").notNull(),
    orientation: text("orientation").notNull(),
    focusArea: text("focus_area").notNull(),
    status: text("status").notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    organizationIds: uuid("organization_ids").array().notNull(),
    countyCodes: text("county_codes").array().notNull(),
    municipalityCodes: text("municipality_codes").array().notNull(),
    targetGroups: text("target_groups").array().notNull(),
    methods: text("methods").array().notNull(),
    memberParties: text("member_parties").array().notNull(),
    /** Kinds of the entry's links (evaluation, study_visit, other), for the link-kind filter. */
    linkKinds: text("link_kinds").array().notNull().default(sql`'{}'`),
    /** Labels of its target groups, methods and link kinds; kept by triggers (0019), so renames reach it. */
    vocabularyLabels: text("vocabulary_labels").notNull().default(""),
    /** Parts of its compound words (catalog_compound_parts()), kept by a trigger (0019). */
    compoundParts: text("compound_parts").notNull().default(""),
    document: jsonb("document").notNull(),
    results: jsonb("results").notNull(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '') || ' ' || coalesce(place_names, '')), 'B') || setweight(to_tsvector('swedish', coalesce(description, '')), 'C') || setweight(to_tsvector('swedish', vocabulary_labels), 'B') || setweight(to_tsvector('swedish', compound_parts), 'D')`,
      ),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("catalog_entries_organization_id_idx").on(t.organizationId),
    index("catalog_entries_search_idx").using("gin", t.search),
    index("catalog_entries_municipality_codes_idx").using("gin", t.municipalityCodes),
    index("catalog_entries_target_groups_idx").using("gin", t.targetGroups),
    index("catalog_entries_link_kinds_idx").using("gin", t.linkKinds),
    index("catalog_entries_updated_idx").on(t.updatedAt, t.interventionId),
    index("catalog_entries_parent_id_idx").on(t.parentId),
  ],
);
