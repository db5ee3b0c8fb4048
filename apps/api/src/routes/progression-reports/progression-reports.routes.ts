import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";
import { ReportOptionsSchema, ReportQuery, ReportSchema } from "./progression-reports.schemas.js";

const tags = ["Progression"];

const SUPPRESSION =
  "Only aggregates, never one person: over the participants with two readings or more by the respondent, " +
  "first reading against latest. A group under the minimum group size (`minGroupSize`) is withheld, and " +
  "when that alone could be worked out from the total, the smallest other group too (or the total).";

export const getProgressionReport = defineRoute(
  { kind: "org", permission: "progression:aggregates" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/reports",
    tags,
    operationId: "getProgressionReport",
    summary: "A progression report",
    description:
      `Per group and item: how many improved, stayed or worsened by at least \`improvementThresholdSteps\`, ` +
      `the means of the first and latest readings and the distance travelled, beside how many take part and ` +
      `were measured. ${SUPPRESSION} An instrument version the caller cannot read, or an insats it does not ` +
      "own or co-own, answers 404. Needs `progression:aggregates` (API keys too).",
    request: { params: OrgIdParams, query: ReportQuery },
    responses: {
      200: jsonResponse(ReportSchema, "The report"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const exportProgressionReport = defineRoute(
  { kind: "org", permission: "progression:aggregates" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/reports/export",
    tags,
    operationId: "exportProgressionReport",
    summary: "A progression report as CSV",
    description:
      "The same report and checks as `getProgressionReport`, one line per group and item, for Swedish Excel: " +
      "semicolons, decimal comma, UTF-8 with a byte order mark. A withheld cell says `för få`. Needs " +
      "`progression:aggregates` (API keys too).",
    request: { params: OrgIdParams, query: ReportQuery },
    responses: {
      200: { description: "The CSV", content: { "text/csv": { schema: z.string() } } },
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getProgressionReportOptions = defineRoute(
  { kind: "org", permission: "progression:aggregates" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/report-options",
    tags,
    operationId: "getProgressionReportOptions",
    summary: "What a progression report can be asked about",
    description:
      "The instrument versions (the förbund's own and the national ones) with readings in the caller's reach " +
      "(nationally for NNS), with the respondents that have them, and the förbund's insatser that have " +
      "participants (none for NNS). Needs `progression:aggregates` (API keys too).",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(ReportOptionsSchema, "The choices"),
      ...problems(401, 403, 404),
    },
  },
);
