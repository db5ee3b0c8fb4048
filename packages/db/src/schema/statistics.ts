import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, users } from "./identity.js";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

// The same lists as in @nns/domain (statistics/), which the database package does not depend on.
const GENDERS = ["total", "women", "men"] as const;
const BENEFITS = [
  "total",
  "sickness_benefit",
  "sickness_activity_compensation",
  "unemployment_benefit",
  "labour_market_programmes",
  "income_support",
  "establishment_benefit",
] as const;
const REGION_LEVELS = ["municipality", "county", "country"] as const;

const PERIOD_FORMAT = sql.raw(`'^[0-9]{4}(M(0[1-9]|1[0-2]))?$'`);

/**
 * One upload of SCB's helårsekvivalenter table by NNS (or the demo's synthetic figures), from the file
 * as received to the figures it produced. The file's bytes stay only until it has been read. A failed
 * import keeps its row errors and wrote no figures; a finished one is what `statistics_periods` points at
 * for the periods it covered until a later import of the same period replaces it.
 * Row-level security: none — national reference data (SCB's public statistics) for every tenant; only NNS imports, checked in services.
 */
export const statisticsImports = pgTable(
  "statistics_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SCB's table id, e.g. `HE0000T02N2`. */
    sourceTable: text("source_table").notNull(),
    fileName: text("file_name").notNull(),
    /** `csv` (comma, semicolon or tab) or `xlsx`. */
    fileFormat: text("file_format", { enum: ["csv", "xlsx"] }).notNull(),
    file: bytea("file"),
    status: text("status", { enum: ["queued", "reading", "writing", "done", "failed"] })
      .notNull()
      .default("queued"),
    /** Synthetic figures made by the demo, shown as such wherever they appear. */
    isDemo: boolean("is_demo").notNull().default(false),
    /** The periods the file holds (`2020`, `2020M05`), known once it has been read. */
    periods: text("periods").array().notNull().default(sql`'{}'`),
    /** Progress of the current step, for the progress bar: rows handled of rows to handle. */
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    /** Figures stored (kommun rows as read, plus totals derived from them). */
    figureCount: integer("figure_count").notNull().default(0),
    /** Row errors, at most the first 200: `{ row, column, value, message }` with Swedish messages. */
    errors: jsonb("errors").notNull().default(sql`'[]'::jsonb`),
    errorCount: integer("error_count").notNull().default(0),
    /** What the file held that was read but not stored (län and riket rows: those lines are computed). */
    notes: jsonb("notes").notNull().default(sql`'[]'::jsonb`),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
  },
  (t) => [
    index("statistics_imports_created_at_idx").on(t.createdAt),
    check(
      "statistics_imports_progress",
      sql`progress_done >= 0 AND progress_done <= greatest(progress_total, 0)`,
    ),
  ],
);

/**
 * Which import's figures count for each period: the latest finished import that held it. Repointing a
 * period (and dropping the figures of the import it pointed at) happens in one transaction, so a reader
 * sees either the old figures or the new ones, never a mix.
 * Row-level security: none — national reference data (SCB's public statistics); only NNS imports write, checked in services.
 */
export const statisticsPeriods = pgTable(
  "statistics_periods",
  {
    period: text("period").primaryKey(),
    importId: uuid("import_id")
      .notNull()
      .references(() => statisticsImports.id),
    kind: text("kind", { enum: ["year", "month"] }).notNull(),
  },
  () => [check("statistics_periods_period_format", sql`period ~ ${PERIOD_FORMAT}`)],
);

/**
 * Helårsekvivalenter and population per region, period, gender, age group and benefit type. Kommun rows
 * are as imported; län and riket rows are their sums, written by the same import (SCB's own län and riket
 * rows in a file are read and checked but not stored, so every line adds up to its kommuner). `total`
 * genders and benefit types missing from a file are derived from the parts when all parts are present.
 * A missing value (SCB's `..`) is NULL and has no share and no colour.
 * Row-level security: none — national reference data (SCB's public statistics); only NNS imports write, checked in services.
 */
export const statisticsFigures = pgTable(
  "statistics_figures",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => statisticsImports.id),
    period: text("period").notNull(),
    /** SCB's code: four digits for a kommun, two for a län, `00` for riket. */
    regionCode: text("region_code").notNull(),
    regionLevel: text("region_level", { enum: REGION_LEVELS }).notNull(),
    gender: text("gender", { enum: GENDERS }).notNull(),
    /** SCB's age band as `20-64`, `20-29`, … */
    ageGroup: text("age_group").notNull(),
    benefit: text("benefit", { enum: BENEFITS }).notNull(),
    fullYearEquivalents: numeric("full_year_equivalents"),
    population: integer("population"),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.period, t.regionCode, t.benefit, t.gender, t.ageGroup] }),
    check("statistics_figures_period_format", sql`period ~ ${PERIOD_FORMAT}`),
    check("statistics_figures_age_group_format", sql`age_group ~ '^[0-9]{2}-[0-9]{2}$'`),
    check(
      "statistics_figures_region_code",
      sql`(region_level = 'municipality' AND region_code ~ '^[0-9]{4}$') OR (region_level = 'county' AND region_code ~ '^[0-9]{2}$' AND region_code <> '00') OR (region_level = 'country' AND region_code = '00')`,
    ),
    check("statistics_figures_non_negative", sql`full_year_equivalents >= 0 AND population >= 0`),
  ],
);

/**
 * The quartile cut points of the kommuner's shares (percent) for each measure and period, with the lowest
 * and highest share and how many kommuner had a value: computed when the import is written, with the
 * domain's definition (linear interpolation, PERCENTILE.INC), so every view colours against all kommuner
 * without reading them.
 * Row-level security: none — national reference data (SCB's public statistics); only NNS imports write, checked in services.
 */
export const statisticsCutPoints = pgTable(
  "statistics_cut_points",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => statisticsImports.id),
    period: text("period").notNull(),
    gender: text("gender", { enum: GENDERS }).notNull(),
    ageGroup: text("age_group").notNull(),
    benefit: text("benefit", { enum: BENEFITS }).notNull(),
    p25: doublePrecision("p25").notNull(),
    p75: doublePrecision("p75").notNull(),
    min: doublePrecision("min").notNull(),
    max: doublePrecision("max").notNull(),
    /** Kommuner with a value for this measure (the others are missing and uncoloured). */
    municipalityCount: integer("municipality_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.period, t.benefit, t.gender, t.ageGroup] })],
);
