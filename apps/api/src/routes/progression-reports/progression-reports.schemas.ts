import { z } from "@hono/zod-openapi";
import { DIMENSIONS, RESPONDENTS } from "@nns/domain";
import { REPORT_SCOPES } from "@nns/services";
import { Timestamp } from "../../lib/schemas.js";
import { NATIONAL_REPORT, REPORT_OPTIONS } from "./progression-reports.examples.js";

export const ReportQuery = z.object({
  scope: z.enum(REPORT_SCOPES).openapi({
    description:
      "`national` (NNS only; a förbund gets 403), `organization` (the förbund's own participants) or " +
      "`intervention` (one of its insatser, named by `interventionId`). NNS reports only nationally (400 `national_only`).",
  }),
  interventionId: z.uuid().optional().openapi({
    description:
      "The insats, with scope `intervention` only (400 `required`, or `intervention_scope_only` with another scope)",
  }),
  instrumentVersionId: z.uuid().openapi({ description: "A published or retired version, own or national" }),
  respondent: z
    .enum(RESPONDENTS)
    .openapi({ description: "Whose answers: the participant's or the handledare's" }),
  dimension: z
    .enum(DIMENSIONS)
    .default("none")
    .openapi({
      description:
        "The breakdown. National: none, gender, age_band, start_quarter, organization; a förbund's: the same " +
        "but intervention instead of organization; an insats's: none, gender, age_band, start_quarter " +
        "(400 `not_in_scope` otherwise)",
    }),
});

const Count = z.number().int().min(0).nullable().openapi({ description: "Null when the cell is withheld" });

const ActivityCellSchema = z
  .object({
    group: z.string().nullable().openapi({ description: "The group's key; null for the total" }),
    label: z.string().openapi({ description: "The group's Swedish name, e.g. `Kvinnor`, `2026 kv. 3`" }),
    suppressed: z.boolean(),
    participants: Count,
    measuredParticipants: Count,
    measurements: Count,
  })
  .openapi("ProgressionActivityCell");

const Percent = z.number().min(0).max(100).nullable();

const ItemFiguresSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    meanFirst: z.number(),
    meanLatest: z.number(),
    distance: z.number().openapi({
      description: "Distance travelled: the mean change in the better direction, in scale steps",
    }),
    improvedPercent: Percent,
    unchangedPercent: Percent,
    worsePercent: Percent,
  })
  .openapi("ProgressionItemFigures");

const GroupFiguresSchema = z
  .discriminatedUnion("suppressed", [
    z.object({
      group: z.string().nullable(),
      label: z.string(),
      suppressed: z.literal(false),
      n: z.number().int().min(0).openapi({ description: "Participants with two readings or more" }),
      items: z.array(ItemFiguresSchema),
    }),
    z.object({
      group: z.string().nullable(),
      label: z.string(),
      suppressed: z.literal(true),
      reason: z.enum(["too_few", "complementary"]).openapi({
        description:
          "`too_few`: under the minimum group size; `complementary`: hidden so that a `too_few` group " +
          "cannot be worked out from the total",
      }),
    }),
  ])
  .openapi("ProgressionGroupFigures");

export const ReportSchema = z
  .object({
    scope: z.enum(REPORT_SCOPES),
    intervention: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    instrument: z.object({
      id: z.uuid(),
      name: z.string(),
      placeholder: z
        .boolean()
        .openapi({ description: "A stand-in, not the real instrument: say so wherever shown" }),
      versionId: z.uuid(),
      versionNumber: z.number().int(),
    }),
    respondent: z.enum(RESPONDENTS),
    dimension: z.enum(DIMENSIONS),
    minGroupSize: z.number().int().openapi({ description: "Groups under this size are withheld" }),
    improvementThresholdSteps: z.number().int().openapi({
      description: "Scale steps of change that count as improved or worse",
    }),
    generatedAt: Timestamp,
    activity: z.object({ total: ActivityCellSchema, groups: z.array(ActivityCellSchema) }),
    total: GroupFiguresSchema,
    groups: z.array(GroupFiguresSchema),
  })
  .openapi("ProgressionReport", { example: NATIONAL_REPORT });

export const ReportOptionsSchema = z
  .object({
    instruments: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        status: z.enum(["published", "retired"]),
        publishedAt: Timestamp.nullable(),
        itemCount: z.number().int(),
        participantItemCount: z.number().int(),
        coachItemCount: z.number().int(),
        instrumentId: z.uuid(),
        instrumentName: z.string(),
        placeholder: z.boolean(),
        respondents: z
          .array(z.enum(RESPONDENTS))
          .openapi({ description: "Respondents with readings in reach" }),
      }),
    ),
    interventions: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .openapi("ProgressionReportOptions", { example: REPORT_OPTIONS });
