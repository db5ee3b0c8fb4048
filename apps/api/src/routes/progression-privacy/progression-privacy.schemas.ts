import { z } from "@hono/zod-openapi";
import { PARTICIPANT_GENDERS, RESPONDENTS } from "@nns/domain";
import { MAX_RETENTION_MONTHS, SELF_RATING_DEFAULT_HOURS, SELF_RATING_MAX_HOURS } from "@nns/services";
import { CalendarDate, OrgIdParams, Timestamp } from "../../lib/schemas.js";
import {
  PARTICIPANT_EXPORT,
  PROGRESSION_SETTINGS,
  SELF_RATING_FORM,
  SELF_RATING_LINK,
} from "./progression-privacy.examples.js";

export const ParticipantParams = OrgIdParams.extend({
  participantId: z.uuid().openapi({ param: { name: "participantId", in: "path" } }),
});

export const TokenParams = z.object({
  token: z
    .string()
    .max(100)
    .openapi({
      param: { name: "token", in: "path" },
      description: "The token from the self-rating link (`/skattning/{token}`); an unknown one answers 410",
      example: "b3BlbnNvdXJjZS1leGFtcGxlLXRva2VuLWZvci1kb2M",
    }),
});

export const SelfRatingLinkInput = z
  .object({
    instrumentVersionId: z.uuid().openapi({
      description:
        "A published version chosen for the participant's insats, with questions to the participant (400 `chosen_for_intervention`, `published`, `participant_items`)",
    }),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(SELF_RATING_MAX_HOURS)
      .optional()
      .openapi({ description: `Default ${SELF_RATING_DEFAULT_HOURS} (three days); at most 14 days` }),
  })
  .strict();

export const SelfRatingLinkSchema = z
  .object({
    id: z.uuid(),
    url: z.string().openapi({
      description: "The link to hand the participant. Shown this once: only its SHA-256 is stored.",
    }),
    expiresAt: Timestamp,
  })
  .openapi("ProgressionSelfRatingLink", { example: SELF_RATING_LINK });

const ScaleSchema = z.object({
  min: z.number().int(),
  max: z.number().int(),
  anchors: z.array(z.object({ value: z.number().int(), label: z.string() })).openapi({
    description: "Labels of some steps, both ends always; every whole step between may be chosen",
  }),
});

export const SelfRatingFormSchema = z
  .object({
    instrument: z.object({
      name: z.string(),
      placeholder: z.boolean().openapi({ description: "Wording that stands in for an official text" }),
    }),
    expiresAt: Timestamp,
    items: z.array(
      z.object({
        code: z.string().openapi({ description: "The key of this item's answer" }),
        group: z.string(),
        question: z.string().openapi({ description: "The question as put to the participant" }),
        scale: ScaleSchema,
      }),
    ),
  })
  .openapi("ProgressionSelfRatingForm", { example: SELF_RATING_FORM });

export const SelfRatingAnswersInput = z
  .object({
    answers: z.record(z.string().max(32), z.number().int().min(0).max(100)).openapi({
      description:
        "Every item's code → a whole step on its scale (400 `required`, `scale`, `unknown_item` under `body.answers.<code>`)",
    }),
  })
  .strict();

export const SelfRatingReceiptSchema = z
  .object({
    measuredOn: CalendarDate.openapi({ description: "Today in Sweden: the measurement's date" }),
  })
  .openapi("ProgressionSelfRatingReceipt", { example: { measuredOn: "2026-11-25" } });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const ParticipantExportSchema = z
  .object({
    exportedAt: Timestamp,
    participant: z.object({
      id: z.uuid(),
      code: z.string().openapi({ description: "The pseudonymous code; the platform holds no name" }),
      intervention: Ref,
      coach: Ref.nullable(),
      gender: z.enum(PARTICIPANT_GENDERS),
      birthYear: z.number().int().nullable(),
      ageBand: z.string().nullable().openapi({ description: "The band counted, at the start date" }),
      startDate: CalendarDate,
      endDate: CalendarDate.nullable(),
      outcome: z.object({ code: z.string(), label: z.string() }).nullable(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
    }),
    measurements: z.array(
      z.object({
        id: z.uuid(),
        instrument: z.object({
          id: z.uuid(),
          name: z.string(),
          versionNumber: z.number().int(),
          placeholder: z.boolean(),
        }),
        respondent: z.enum(RESPONDENTS),
        measuredOn: CalendarDate,
        source: z.enum(["coach", "self_rating"]),
        recordedBy: Ref.nullable(),
        comment: z.string().nullable(),
        answers: z.array(
          z.object({ code: z.string(), label: z.string(), question: z.string(), value: z.number().int() }),
        ),
        createdAt: Timestamp,
      }),
    ),
    selfRatingLinks: z.array(
      z.object({ createdAt: Timestamp, expiresAt: Timestamp, usedAt: Timestamp.nullable() }),
    ),
    accessLog: z.array(
      z.object({
        at: Timestamp,
        action: z.enum(["list", "read", "record", "export", "erase", "self_rating_link"]),
        actorName: z.string(),
      }),
    ),
  })
  .openapi("ProgressionParticipantExport", { example: PARTICIPANT_EXPORT });

export const ProgressionSettingsInput = z
  .object({
    retentionMonths: z
      .number()
      .int()
      .min(1)
      .max(MAX_RETENTION_MONTHS)
      .openapi({ description: "Months after a participant's end date until their data is erased" }),
  })
  .strict();

export const ProgressionSettingsSchema = z
  .object({
    retentionMonths: z.number().int(),
    updatedAt: Timestamp.nullable().openapi({ description: "Null while the default (36 months) applies" }),
  })
  .openapi("ProgressionSettings", { example: PROGRESSION_SETTINGS });
