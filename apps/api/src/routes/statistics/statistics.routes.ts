import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, problems } from "../../lib/schemas.js";
import { STATISTICS_CSV } from "./statistics.examples.js";
import {
  ForbundParams,
  MeasureQuery,
  MunicipalityParams,
  PeriodQuery,
  StatisticsPeriodsSchema,
  StatisticsRankingSchema,
  StatisticsTrendSchema,
  StatisticsViewSchema,
} from "./statistics.schemas.js";

const tags = ["Statistics (public)"];

/** How long anyone may keep an answer: a new import shows within a quarter of an hour. */
export const STATISTICS_MAX_AGE_SECONDS = 900;

const PUBLIC =
  "Public, no credentials needed: SCB's helårsekvivalenter are national reference data, the same for " +
  `everyone, and cached for ${STATISTICS_MAX_AGE_SECONDS / 60} minutes ` +
  `(\`Cache-Control: public, max-age=${STATISTICS_MAX_AGE_SECONDS}\`). Every answer names its period, SCB ` +
  "table and import time, and `isDemo` marks synthetic demo figures, which must be shown as such.";

const SHARES =
  "A share is helårsekvivalenter / population × 100 for the age group; a change is the share minus the " +
  "share of the same period a year earlier, in percentage points. Kommuner are coloured by quartile " +
  "against all kommuner with a value for the same measure and period (`low` at or below the 25th " +
  "percentile, `high` above the 75th); län, riket and a förbund's total are not. A missing value (SCB's " +
  "`..`) is null and has no quartile.";

const CSV_FORMAT =
  "CSV for Swedish Excel: UTF-8 with a byte order mark, semicolon-separated, decimal comma, Swedish " +
  "headers; one line per region and measure (the förbund's total first, then its kommuner, län and riket) " +
  "with helårsekvivalenter, population, share % and change in percentage points (two decimals), the " +
  "quartile in words for kommuner (`Uppgift saknas` when missing), and on every line the source and " +
  "whether the figures are demo figures.";

const csvResponse = {
  200: {
    description: "The figures as CSV (downloaded as `statistik-<förbund or kommunkod>-<period>.csv`)",
    content: { "text/csv": { schema: z.string().openapi({ example: STATISTICS_CSV }) } },
  },
  ...problems(400, 404),
};

export const listStatisticsPeriods = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/periods",
    tags,
    operationId: "listStatisticsPeriods",
    summary: "List the periods with figures",
    description:
      "Every period with figures, oldest first, each with its Swedish label, kind (`year` or `month`), SCB " +
      "table, import time and demo flag; and the age groups, benefit types and genders the figures are " +
      `broken down by, with their Swedish labels. ${PUBLIC}`,
    responses: { 200: jsonResponse(StatisticsPeriodsSchema, "Periods and dimensions") },
  },
);

export const getForbundStatistics = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/forbund/{slug}",
    tags,
    operationId: "getForbundStatistics",
    summary: "Get a förbund's needs analysis",
    description:
      "A samordningsförbund's member kommuner in one period: each kommun's figures for every benefit " +
      "type × gender × age group with its quartile, the förbund's total (the kommuner summed, those with " +
      "both values), the län they lie in and riket for comparison, the quartile cut points, and a short " +
      `summary in Swedish. ${SHARES} An unknown förbund or a period without figures answers 404. ${PUBLIC}`,
    request: { params: ForbundParams, query: z.object({ period: PeriodQuery }) },
    responses: { 200: jsonResponse(StatisticsViewSchema, "The förbund's view"), ...problems(400, 404) },
  },
);

export const getMunicipalityStatistics = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/municipalities/{code}",
    tags,
    operationId: "getMunicipalityStatistics",
    summary: "Get a kommun's needs analysis",
    description:
      "One kommun in one period, in the same shape as a förbund's view: `municipalities` holds the kommun " +
      `and \`total\` is the kommun, with its län and riket. ${SHARES} A code of no kommun or a period ` +
      `without figures answers 404. ${PUBLIC}`,
    request: { params: MunicipalityParams, query: z.object({ period: PeriodQuery }) },
    responses: { 200: jsonResponse(StatisticsViewSchema, "The kommun's view"), ...problems(400, 404) },
  },
);

export const getMunicipalityStatisticsTrend = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/municipalities/{code}/trend",
    tags,
    operationId: "getMunicipalityStatisticsTrend",
    summary: "Follow a kommun's share over time",
    description:
      "One kommun's share of one measure over every period of a kind (`year` by default, or `month`), " +
      "oldest first, with its quartile, its län's and riket's share, and the spread of all kommuner " +
      "(min, max, p25, p75) for a band behind the line. A period in which the kommun has no value keeps " +
      `its place with nulls; no periods of the kind: no points. ${PUBLIC}`,
    request: {
      params: MunicipalityParams,
      query: MeasureQuery.extend({
        kind: z.enum(["year", "month"]).default("year").openapi({ description: "Yearly or monthly periods" }),
      }),
    },
    responses: { 200: jsonResponse(StatisticsTrendSchema, "The trend"), ...problems(400, 404) },
  },
);

export const getStatisticsRanking = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/ranking",
    tags,
    operationId: "getStatisticsRanking",
    summary: "Rank all kommuner on one measure",
    description:
      "All 290 kommuner's share and quartile for one measure and period, highest share first (rank 1; " +
      "equal shares share a rank), those without a value last with a null rank, and the cut points. " +
      `A period without figures answers 404. ${PUBLIC}`,
    request: { query: MeasureQuery.extend({ period: PeriodQuery }) },
    responses: { 200: jsonResponse(StatisticsRankingSchema, "The ranking"), ...problems(400, 404) },
  },
);

export const getForbundStatisticsCsv = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/forbund/{slug}/figures.csv",
    tags,
    operationId: "getForbundStatisticsCsv",
    summary: "Download a förbund's figures as CSV",
    description: `The figures of \`getForbundStatistics\` for one period. ${CSV_FORMAT} ${PUBLIC}`,
    request: { params: ForbundParams, query: z.object({ period: PeriodQuery }) },
    responses: csvResponse,
  },
);

export const getMunicipalityStatisticsCsv = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/statistics/municipalities/{code}/figures.csv",
    tags,
    operationId: "getMunicipalityStatisticsCsv",
    summary: "Download a kommun's figures as CSV",
    description: `The figures of \`getMunicipalityStatistics\` for one period. ${CSV_FORMAT} ${PUBLIC}`,
    request: { params: MunicipalityParams, query: z.object({ period: PeriodQuery }) },
    responses: csvResponse,
  },
);
