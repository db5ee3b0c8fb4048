import { z } from "@hono/zod-openapi";
import { ALL_AGES, BENEFIT_TYPES, STATISTICS_GENDERS } from "@nns/domain";
import { Timestamp } from "../../lib/schemas.js";
import {
  STATISTICS_PERIODS,
  STATISTICS_RANKING,
  STATISTICS_TREND,
  STATISTICS_VIEW,
} from "./statistics.examples.js";

/** The shapes of @nns/domain's statistics/views.ts (and the ranking of @nns/services), field for field. */

const Benefit = z.enum(BENEFIT_TYPES).openapi("StatisticsBenefit", {
  description: "Benefit type: `total` is the sum of the six (SCB's helårsekvivalenter totalt)",
});
const Gender = z.enum(STATISTICS_GENDERS).openapi("StatisticsGender", {
  description: "`total` is women and men together",
});
const Quartile = z.enum(["low", "middle", "high"]).openapi("StatisticsQuartile", {
  description:
    "Against all kommuner with a value for the same measure and period: `low` at or below the 25th percentile, `high` above the 75th, `middle` between",
});
const AgeGroup = z.string().openapi({
  description: "SCB's age band, `20-64` (the whole working age) or a band within it",
  example: ALL_AGES,
});
const Share = z
  .number()
  .nullable()
  .openapi({ description: "Percent of the population in the age group, unrounded; null when missing" });

export const StatisticsSourceSchema = z
  .object({
    period: z.string().openapi({ description: "`2020` (a year) or `2020M05` (a month)" }),
    periodLabel: z.string().openapi({ description: "The period in Swedish: `2020`, `maj 2020`" }),
    sourceTable: z.string().openapi({ description: "SCB's table id" }),
    importedAt: Timestamp.openapi({ description: "When these figures were imported" }),
    isDemo: z
      .boolean()
      .openapi({ description: "Synthetic demo figures, not SCB's: say so wherever they are shown" }),
  })
  .openapi("StatisticsSource", { example: STATISTICS_VIEW.source });

const MeasureCellSchema = z
  .object({
    benefit: Benefit,
    gender: Gender,
    ageGroup: AgeGroup,
    fullYearEquivalents: z
      .number()
      .nullable()
      .openapi({ description: "Helårsekvivalenter; null when SCB has no value (`..`)" }),
    population: z.number().int().nullable(),
    share: Share,
    previousShare: Share.openapi({ description: "The share in the same period a year earlier" }),
    change: z
      .number()
      .nullable()
      .openapi({ description: "share − previousShare, in percentage points (procentenheter)" }),
    quartile: Quartile.nullable().openapi({
      description: "Kommuner only; null for other regions and missing values",
    }),
  })
  .openapi("StatisticsMeasureCell", { example: STATISTICS_VIEW.municipalities[0]?.measures[0] });

const RegionMeasuresSchema = z
  .object({
    code: z.string().openapi({ description: "Kommunkod, länskod, `00` for riket, or the förbund's slug" }),
    name: z.string(),
    level: z.enum(["municipality", "county", "country", "forbund"]),
    measures: z
      .array(MeasureCellSchema)
      .openapi({ description: "Every benefit × gender × age group of the period" }),
  })
  .openapi("StatisticsRegion", { example: STATISTICS_VIEW.municipalities[0] });

const CutPointsSchema = z
  .object({
    benefit: Benefit,
    gender: Gender,
    ageGroup: AgeGroup,
    p25: z.number(),
    p75: z.number(),
    min: z.number(),
    max: z.number(),
    municipalityCount: z.number().int().openapi({ description: "Kommuner with a value" }),
  })
  .openapi("StatisticsCutPoints", { example: STATISTICS_VIEW.cutPoints[0] });

export const StatisticsViewSchema = z
  .object({
    subject: z.object({
      kind: z.enum(["forbund", "municipality"]),
      code: z.string().openapi({ description: "The förbund's slug or the kommunkod" }),
      name: z.string(),
    }),
    source: StatisticsSourceSchema,
    previousPeriod: z
      .string()
      .nullable()
      .openapi({ description: "The period a year earlier, when it has figures" }),
    ageGroups: z.array(z.string()),
    total: RegionMeasuresSchema.openapi({
      description: "The förbund's kommuner summed (a kommun's view: the kommun)",
    }),
    municipalities: z.array(RegionMeasuresSchema),
    counties: z.array(RegionMeasuresSchema).openapi({ description: "The län the kommuner lie in" }),
    country: RegionMeasuresSchema,
    cutPoints: z.array(CutPointsSchema),
    summary: z
      .array(z.string())
      .openapi({ description: "Three to five sentences in Swedish, written from the figures" }),
  })
  .openapi("StatisticsView", { example: STATISTICS_VIEW });

export const StatisticsPeriodsSchema = z
  .object({
    periods: z.array(
      StatisticsSourceSchema.extend({
        kind: z.enum(["year", "month"]).openapi({ description: "A yearly or a monthly period" }),
      }).openapi("StatisticsPeriod", { example: STATISTICS_PERIODS.periods[1] }),
    ),
    ageGroups: z.array(z.object({ code: z.string(), label: z.string() })),
    benefits: z.array(z.object({ code: Benefit, label: z.string() })),
    genders: z.array(z.object({ code: Gender, label: z.string() })),
  })
  .openapi("StatisticsPeriods", { example: STATISTICS_PERIODS });

export const StatisticsTrendSchema = z
  .object({
    municipality: z.object({ code: z.string(), name: z.string(), countyCode: z.string() }),
    benefit: Benefit,
    gender: Gender,
    ageGroup: AgeGroup,
    points: z.array(
      z.object({
        period: z.string(),
        share: Share,
        quartile: Quartile.nullable(),
        countyShare: Share,
        countryShare: Share,
        min: z.number().nullable().openapi({ description: "The lowest kommun share of the period" }),
        max: z.number().nullable(),
        p25: z.number().nullable(),
        p75: z.number().nullable(),
        isDemo: z.boolean(),
      }),
    ),
  })
  .openapi("StatisticsTrend", { example: STATISTICS_TREND });

export const StatisticsRankingSchema = z
  .object({
    benefit: Benefit,
    gender: Gender,
    ageGroup: AgeGroup,
    source: StatisticsSourceSchema,
    // A union, not `.nullable()`: that would make the shared StatisticsCutPoints component itself nullable.
    cutPoints: z
      .union([CutPointsSchema, z.null()])
      .openapi({ description: "Null when no kommun has a value" }),
    municipalities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        countyCode: z.string(),
        fullYearEquivalents: z.number().nullable(),
        population: z.number().int().nullable(),
        share: Share,
        quartile: Quartile.nullable(),
        rank: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "1 for the highest share; ties share a rank" }),
      }),
    ),
  })
  .openapi("StatisticsRanking", { example: STATISTICS_RANKING });

export const PeriodQuery = z
  .string()
  .regex(/^\d{4}(M(0[1-9]|1[0-2]))?$/, "a year (2020) or a month (2020M05)")
  .optional()
  .openapi({
    description: "`2020` or `2020M05`; default the latest year with figures, else the latest month",
    example: "2020",
  });

export const MeasureQuery = z.object({
  benefit: Benefit.default("total"),
  gender: Gender.default("total"),
  ageGroup: z
    .string()
    .regex(/^\d{2}-\d{2}$/, "an age band like 20-64")
    .default(ALL_AGES)
    .openapi({ description: "SCB's age band; default `20-64`", example: "20-29" }),
});

export const ForbundParams = z.object({
  slug: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a förbund's slug: lowercase letters, digits and hyphens")
    .openapi({
      param: { name: "slug", in: "path" },
      description: "The förbund's slug (GET /reference/forbund)",
      example: "sundsvall",
    }),
});

export const MunicipalityParams = z.object({
  code: z
    .string()
    .regex(/^\d{4}$/, "SCB kommunkod: four digits")
    .openapi({
      param: { name: "code", in: "path" },
      description:
        "SCB kommunkod (GET /reference/municipalities); a well-formed code of no kommun answers 404",
      example: "2281",
    }),
});
