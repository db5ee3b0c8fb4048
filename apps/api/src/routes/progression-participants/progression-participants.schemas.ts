import { z } from "@hono/zod-openapi";
import { AGE_BANDS, OUTCOME_CATEGORY_CODES, PARTICIPANT_GENDERS, RESPONDENTS } from "@nns/domain";
import { CalendarDate, OrgIdParams, Timestamp } from "../../lib/schemas.js";
import {
  ACCESS_LOG_ENTRY,
  COMPARISON,
  DUE_OCCASION,
  INSATS_INSTRUMENT,
  MEASUREMENT,
  MEASUREMENT_INPUT,
  PARTICIPANT,
  PARTICIPANT_CHANGES,
  PARTICIPANT_DETAIL,
  PARTICIPANT_INPUT,
} from "./progression-participants.examples.js";

export const ParticipantParams = OrgIdParams.extend({
  participantId: z.uuid().openapi({ param: { name: "participantId", in: "path" } }),
});

export const MeasurementParams = ParticipantParams.extend({
  measurementId: z.uuid().openapi({ param: { name: "measurementId", in: "path" } }),
});

const Gender = z.enum(PARTICIPANT_GENDERS).openapi({
  description: "Kön: `woman` (Kvinna), `man` (Man), `other` (Annat), `not_stated` (Ej angivet)",
});
const AgeBand = z.enum(AGE_BANDS).openapi({ description: "Åldersgrupp; `60-` is 60 and older" });
const Respondent = z.enum(RESPONDENTS).openapi({ description: "Who answered: the participant or the coach" });
const Outcome = z.enum(OUTCOME_CATEGORY_CODES).openapi({
  description: "Where the participant went on leaving (the catalogue's outcome categories)",
});
const Ref = z.object({ id: z.uuid(), name: z.string() });

export const ParticipantSchema = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ description: "Pseudonymous code made by the system, e.g. `K7QM-3XWA`" }),
    intervention: Ref,
    coach: Ref.nullable().openapi({ description: "The handledare; null while none is assigned" }),
    gender: Gender,
    birthYear: z.number().int().nullable(),
    ageBand: AgeBand.nullable().openapi({
      description:
        "The band the aggregates count: from birthYear at startDate, or the band recorded; null: unknown",
    }),
    startDate: CalendarDate,
    endDate: CalendarDate.nullable(),
    outcome: Outcome.nullable(),
    status: z.enum(["active", "ended"]).openapi({ description: "`ended` once an endDate is set" }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("ProgressionParticipant", { example: PARTICIPANT });

export const InsatsInstrumentSchema = z
  .object({
    id: z.uuid().openapi({ description: "The instrument version's id" }),
    number: z.number().int(),
    status: z.enum(["draft", "published", "retired"]),
    publishedAt: Timestamp.nullable(),
    itemCount: z.number().int(),
    participantItemCount: z.number().int(),
    coachItemCount: z.number().int(),
    instrumentId: z.uuid(),
    instrumentName: z.string(),
    placeholder: z.boolean().openapi({ description: "Stand-in wording, to be shown as such" }),
  })
  .openapi("ProgressionInsatsInstrument", { example: INSATS_INSTRUMENT });

const OccasionSchema = z.object({
  kind: z.enum(["start", "follow_up", "end"]),
  dueOn: CalendarDate,
  state: z.enum(["done", "missed", "overdue", "due", "upcoming"]).openapi({
    description:
      "`done` when a reading lies within 30 days of dueOn; `due` from 30 days before to 30 days after; then `overdue`, or `missed` once a later occasion is done or due",
  }),
  measuredOn: CalendarDate.nullable(),
});

export const ParticipantDetailSchema = ParticipantSchema.extend({
  instruments: z
    .array(InsatsInstrumentSchema)
    .openapi({ description: "The instrument versions the förbund chose for the insats" }),
  occasions: z.array(
    z.object({ instrumentVersionId: z.uuid(), respondent: Respondent, occasions: z.array(OccasionSchema) }),
  ),
  measurementCount: z.number().int(),
}).openapi("ProgressionParticipantDetail", { example: PARTICIPANT_DETAIL });

const facts = {
  gender: Gender,
  birthYear: z.number().int().min(1900).max(2100).nullable().optional().openapi({
    description:
      "Födelseår; the participant must be 16 at startDate (400 `too_young`) and under 100 (400 `implausible`). Give it or ageBand, not both (400 `birth_year_given`)",
  }),
  ageBand: AgeBand.nullable().optional().openapi({
    description: "Only when the birth year is not recorded; null or absent: unknown",
  }),
  startDate: CalendarDate,
  endDate: CalendarDate.nullable().optional().openapi({
    description:
      "Set when the participant has left: not before startDate (400 `before_start`), not in the future (400 `in_future`)",
  }),
  outcome: Outcome.nullable().optional().openapi({
    description: "Only with an endDate (400 `requires_end_date`)",
  }),
  coachUserId: z.uuid().nullable().optional().openapi({
    description:
      "A member of the förbund with role coach or org_admin (400 `not_a_coach`). Omitted: the caller. A coach may give only themself (403); null (managers): unassigned",
  }),
};

export const ParticipantInputSchema = z
  .object({
    interventionId: z.uuid().openapi({
      description: "One of the förbund's own or co-owned insatser (400 `own_or_co_owned`)",
    }),
    ...facts,
  })
  .strict()
  .openapi("ProgressionParticipantInput", { example: PARTICIPANT_INPUT });

export const ParticipantChangesSchema = z
  .object({ ...facts, gender: Gender.optional(), startDate: CalendarDate.optional() })
  .strict()
  .openapi("ProgressionParticipantChanges", { example: PARTICIPANT_CHANGES });

const Answers = z.record(z.string().max(32), z.number().int().min(-1000).max(1000)).openapi({
  description:
    "Item code → answer, for every item the version puts to the respondent: each one answered (400 `required`), a whole step on its scale (400 `scale`), no other codes (400 `unknown_item`)",
});

export const MeasurementInputSchema = z
  .object({
    instrumentVersionId: z.uuid().openapi({
      description:
        "A version chosen for the participant's insats (400 `chosen_for_insats`) that is published (400 `published`)",
    }),
    respondent: Respondent.openapi({
      description: "Who answered; the version must ask them something (400 `no_items`)",
    }),
    measuredOn: CalendarDate.openapi({
      description:
        "Not in the future (400 `in_future`), at most 30 days before the participant's start (400 `before_start`)",
    }),
    answers: Answers,
    comment: z.string().max(1000).nullable().optional().openapi({
      description: "Free text; never a personnummer (400 `personal_identity_number`)",
    }),
  })
  .strict()
  .openapi("ProgressionMeasurementInput", { example: MEASUREMENT_INPUT });

export const MeasurementSchema = z
  .object({
    id: z.uuid(),
    participantId: z.uuid(),
    instrumentVersionId: z.uuid(),
    instrument: z.object({
      id: z.uuid(),
      name: z.string(),
      versionNumber: z.number().int(),
      placeholder: z.boolean(),
    }),
    respondent: Respondent,
    measuredOn: CalendarDate,
    answers: z.record(z.string(), z.number().int()),
    comment: z.string().nullable(),
    source: z.enum(["coach", "self_rating"]).openapi({
      description: "`coach`: entered by a coach; `self_rating`: sent by the participant through a link",
    }),
    recordedBy: Ref.nullable(),
    createdAt: Timestamp,
  })
  .openapi("ProgressionMeasurement", { example: MEASUREMENT });

const ComparisonEnd = z.object({
  measurementId: z.uuid(),
  measuredOn: CalendarDate,
  instrumentVersionId: z.uuid(),
  versionNumber: z.number().int(),
});

export const ComparisonSchema = z
  .object({
    participantId: z.uuid(),
    respondent: Respondent,
    from: ComparisonEnd,
    to: ComparisonEnd,
    items: z.array(
      z.object({
        code: z.string().openapi({ description: "The item's code in the later reading's version" }),
        label: z.string(),
        group: z.string(),
        min: z.number().int(),
        max: z.number().int(),
        direction: z.enum(["higher_is_better", "lower_is_better"]),
        from: z.number().int(),
        to: z.number().int(),
        change: z.number().int().openapi({ description: "Steps in the better direction; negative: worse" }),
      }),
    ),
    unmappedItems: z.array(z.string()).openapi({
      description:
        "Codes of items without a counterpart in the other reading's version (no mapping), not compared",
    }),
  })
  .openapi("ProgressionComparison", { example: COMPARISON });

export const DueOccasionSchema = z
  .object({
    participantId: z.uuid(),
    code: z.string(),
    intervention: Ref,
    coach: Ref.nullable(),
    instrumentVersionId: z.uuid(),
    instrumentName: z.string(),
    placeholder: z.boolean(),
    respondent: Respondent,
    kind: z.enum(["start", "follow_up", "end"]),
    dueOn: CalendarDate,
    state: z.enum(["overdue", "due", "upcoming"]),
  })
  .openapi("ProgressionDueOccasion", { example: DUE_OCCASION });

export const AccessLogEntrySchema = z
  .object({
    id: z.uuid(),
    participantId: z.uuid().nullable(),
    participantCode: z.string(),
    action: z.enum(["list", "read", "record", "export", "erase", "self_rating_link"]),
    actor: z.object({
      type: z.enum(["user", "api_key", "system"]),
      id: z.uuid().nullable(),
      name: z.string(),
    }),
    at: Timestamp,
  })
  .openapi("ProgressionAccessLogEntry", { example: ACCESS_LOG_ENTRY });
