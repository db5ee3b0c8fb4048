import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, PageQuery, pageOf, problems, Timestamp } from "../../lib/schemas.js";
import {
  DONE_IMPORT,
  FAILED_IMPORT,
  IMPORT_SUMMARY,
  QUEUED_IMPORT,
  UPLOAD_EXAMPLES,
} from "./statistics-imports.examples.js";

const tags = ["Statistics imports (NNS)"];

/** The largest upload: ten years of monthly figures for every kommun is about 30 MB as CSV. */
export const STATISTICS_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

/** The media types an upload may be sent as; the reader tells CSV from XLSX by the bytes themselves. */
export const STATISTICS_UPLOAD_TYPES = [
  "text/csv",
  "text/tab-separated-values",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;

const NNS_ONLY =
  "Needs `statistics:import` (NNS admins, signed in; not available to API keys); anyone else gets 403.";

const RowErrorSchema = z
  .object({
    row: z.number().int().openapi({
      description:
        "The row as a spreadsheet numbers it (the header is one of them); 0 for the file as a whole",
    }),
    column: z.string().nullable().openapi({ description: "The column's header in the file" }),
    value: z.string().nullable().openapi({ description: "The cell as written" }),
    message: z.string().openapi({ description: "What is wrong, in Swedish, for the person fixing the file" }),
  })
  .openapi("StatisticsImportRowError");

const summaryFields = {
  id: z.uuid(),
  sourceTable: z.string().openapi({ description: "SCB's table id", example: "HE0000T02N2" }),
  fileName: z.string(),
  fileFormat: z.enum(["csv", "xlsx"]).openapi({ description: "`csv` covers comma, semicolon and tab" }),
  status: z.enum(["queued", "reading", "writing", "done", "failed"]).openapi({
    description:
      "`queued` until the job starts; `reading` the file; `writing` its figures (see progress); `done`: its figures are the ones every view shows for its periods; `failed`: nothing was written (see `errors`)",
  }),
  isDemo: z.boolean().openapi({ description: "Synthetic figures made by the demo, not SCB's" }),
  periods: z.array(z.string()).openapi({
    description: "The periods the file holds (`2020`, `2020M05`), known once it has been read",
  }),
  progressDone: z.number().int().openapi({ description: "Rows written so far" }),
  progressTotal: z.number().int().openapi({ description: "Rows to write; 0 until the file has been read" }),
  figureCount: z.number().int().openapi({
    description: "Figures stored: the file's kommun rows plus the totals, län and riket derived from them",
  }),
  errorCount: z.number().int().openapi({ description: "Row errors in all (at most 200 are listed)" }),
  createdAt: Timestamp.openapi({ description: "When the file was uploaded" }),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
};

const SummarySchema = z.object(summaryFields).openapi("StatisticsImportSummary", { example: IMPORT_SUMMARY });

const ImportSchema = z
  .object({
    ...summaryFields,
    errors: z.array(RowErrorSchema).openapi({ description: "The first 200 row errors, in file order" }),
    notes: z.array(z.string()).openapi({
      description:
        "What was read but not stored, in Swedish (SCB's own län and riket rows: those lines are computed)",
    }),
  })
  .openapi("StatisticsImport", { example: DONE_IMPORT });

const ImportParams = OrgIdParams.extend({
  importId: z.uuid().openapi({ param: { name: "importId", in: "path" } }),
});

const uploadBody = Object.fromEntries(
  STATISTICS_UPLOAD_TYPES.map((type) => [
    type,
    { schema: z.string().openapi({ format: "binary" }), example: UPLOAD_EXAMPLES[type] },
  ]),
);

export const uploadStatisticsImport = defineRoute(
  { kind: "org", permission: "statistics:import" },
  {
    method: "post",
    path: "/orgs/{orgId}/statistics-imports",
    operationId: "uploadStatisticsImport",
    tags,
    summary: "Upload SCB's helårsekvivalenter file",
    description:
      "The file exactly as SCB's statistical database (table HE0000T02N2) downloads it, as the raw request body: " +
      "CSV or TSV (comma, semicolon or tab; UTF-8 with or without BOM, or Windows-1252) or XLSX, long or wide, " +
      "with region cells like `0114 Upplands Väsby` and `..` for missing values. The file's name goes in the " +
      "`fileName` query parameter. At most 100 MiB (413 `payload_too_large`); an empty body is 400. " +
      "The answer is 202 at once with the import (`queued`) and its `Location`; a background job reads it and " +
      "writes its figures: poll the import for `status` and progress. Every row is checked against the 290 " +
      "kommuner; any row error fails the whole import, listing the errors, and changes nothing. Importing a " +
      "period again replaces it in one step, so readers see the old figures or the new, never a mix. " +
      `${NNS_ONLY} Audited as \`statistics.import_uploaded\`.`,
    request: {
      params: OrgIdParams,
      query: z.object({
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .openapi({ description: "The file's name as the person saw it", example: DONE_IMPORT.fileName }),
      }),
      body: { required: true, content: uploadBody },
    },
    responses: {
      202: {
        ...jsonResponse(ImportSchema, "Accepted: the import is queued", QUEUED_IMPORT),
        headers: { Location: { description: "The import's URL, to poll", schema: { type: "string" } } },
      },
      415: {
        description: `\`unsupported_media_type\`: the body is not one of ${STATISTICS_UPLOAD_TYPES.map((t) => `\`${t}\``).join(", ")}`,
        content: problems(415)[415]?.content,
      },
      ...problems(400, 401, 403, 404, 413),
    },
  },
);

export const listStatisticsImports = defineRoute(
  { kind: "org", permission: "statistics:import" },
  {
    method: "get",
    path: "/orgs/{orgId}/statistics-imports",
    operationId: "listStatisticsImports",
    tags,
    summary: "Imports of SCB statistics",
    description: `Every upload and the demo's synthetic figures, newest first, cursor-paginated, without their row errors (read one import for those). ${NNS_ONLY}`,
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(SummarySchema, "StatisticsImportPage", IMPORT_SUMMARY), "Imports"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getStatisticsImport = defineRoute(
  { kind: "org", permission: "statistics:import" },
  {
    method: "get",
    path: "/orgs/{orgId}/statistics-imports/{importId}",
    operationId: "getStatisticsImport",
    tags,
    summary: "One import: status, progress and row errors",
    description: `Poll this while the import is \`queued\`, \`reading\` or \`writing\`. A failed import lists its row errors (row, column, cell and a Swedish message). ${NNS_ONLY}`,
    request: { params: ImportParams },
    responses: {
      200: {
        description: "The import",
        content: {
          "application/json": {
            schema: ImportSchema,
            examples: {
              done: { summary: "Finished", value: DONE_IMPORT },
              failed: { summary: "Refused with row errors", value: FAILED_IMPORT },
            },
          },
        },
      },
      ...problems(400, 401, 403, 404),
    },
  },
);
