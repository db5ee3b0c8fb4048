import { z } from "@hono/zod-openapi";
import { INTERVENTION_STATES, INTERVENTION_STATUSES, REPORT_KINDS } from "@nns/domain";
import {
  CalendarDate,
  Email,
  MunicipalityCode,
  nonBlank,
  Timestamp,
  VocabularyCode,
  WebUrl,
} from "../../lib/schemas.js";
import {
  CO_OWNER,
  DIFF,
  INTERVENTION,
  INTERVENTION_INPUT,
  RESAM_CONTENT,
  RESULT,
  RESULT_INPUT,
  RESULT_REPORT,
  VERSION,
} from "./interventions.examples.js";
import { RunningBodySchema } from "./interventions-project.schemas.js";

const Code = VocabularyCode;
const IsoDate = CalendarDate.openapi({ example: "2009-09-01" });
const Ore = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description: "Amount in öre" });

export const InterventionContentSchema = z
  .object({
    title: nonBlank(2).max(200),
    summary: nonBlank(1).max(1000),
    description: z.string().max(50_000).openapi({ description: "Markdown; sanitised when rendered" }),
    orientation: z.enum(["individual", "structural"]).openapi({
      description: "Inriktning: individinriktad or strukturövergripande",
    }),
    focusArea: Code.openapi({
      description:
        "Preciserad inriktning: a focus-area code in use (GET /catalog/vocabularies; 400 `known_focus_area`, `active_focus_area` for a retired one the entry did not already have) of the chosen orientation (400 `focus_area_of_orientation`)",
    }),
    targetGroups: z.array(Code).max(20).openapi({
      description:
        "Target-group codes in use (GET /catalog/vocabularies; NNS edits the list, 400 `known_target_group`, `active_target_group` for a retired one the entry did not already have)",
    }),
    targetGroupNote: z.string().max(1000).nullable(),
    memberParties: z.array(z.enum(["fk", "af", "region", "kommun"])).max(4),
    municipalityCodes: z
      .array(MunicipalityCode)
      .max(300)
      .openapi({ description: "The area, as SCB kommunkoder (400 `known_municipality`); län are derived" }),
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable().openapi({
      description: "Not before startDate (400 `not_before_start`); null: open-ended",
    }),
    status: z.enum(INTERVENTION_STATUSES),
    followUpMethod: z.string().max(200).nullable(),
    esfFunded: z.boolean(),
    budget: z
      .array(
        z
          .object({
            year: z.number().int().min(1990).max(2100),
            amountOre: Ore,
            financingParties: z.array(nonBlank(1).max(200)).max(20),
          })
          .strict(),
      )
      .max(30),
    goals: z
      .object({
        resultGoalPercent: z.number().min(0).max(100).nullable(),
        resultGoalWithinMonths: z.number().int().min(1).max(120).nullable(),
        volumeGoalParticipants: z.number().int().min(0).max(100_000).nullable(),
        plannedThroughputMonths: z.number().min(0).max(120).nullable(),
      })
      .strict(),
    methods: z.array(Code).max(20).openapi({
      description:
        "Method codes in use (GET /catalog/vocabularies; NNS edits the list, 400 `known_method`, `active_method` for a retired one the entry did not already have)",
    }),
    links: z
      .array(
        z
          .object({
            kind: z.enum(["evaluation", "study_visit", "other"]),
            title: nonBlank(1).max(200),
            url: WebUrl(2000),
          })
          .strict(),
      )
      .max(30),
    contacts: z
      .array(
        z
          .object({
            name: nonBlank(1).max(200),
            role: z.string().trim().max(200),
            email: Email.nullable(),
            phone: z.string().max(40).nullable(),
          })
          .strict(),
      )
      .max(20),
    runningBody: RunningBodySchema.nullable().optional().openapi({
      description:
        "Who runs it when not the owner, typically a delprojekt's member party; null or absent: the owner",
    }),
  })
  .strict()
  .openapi("InterventionContent", { example: RESAM_CONTENT });

export const InterventionInputSchema = z
  .object({
    parentId: z.uuid().nullable().optional().openapi({
      description:
        "The national or regional project this is a delprojekt of: one the organization owns or co-owns (400 `reachable_intervention`), not itself (400 `not_self`)",
    }),
    content: InterventionContentSchema,
  })
  .strict()
  .openapi("InterventionInput", { example: INTERVENTION_INPUT });

export const InterventionSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    parentId: z.uuid().nullable(),
    state: z.enum(INTERVENTION_STATES),
    revision: z.number().int(),
    publishedRevision: z.number().int().nullable(),
    reviewComment: z.string().nullable(),
    content: InterventionContentSchema,
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: Timestamp.nullable(),
  })
  .openapi("Intervention", { example: INTERVENTION });

export const VersionSchema = z
  .object({
    revision: z.number().int(),
    authorLabel: z.string(),
    authorOrganizationId: z.uuid().nullable(),
    createdAt: Timestamp,
    publishedAt: Timestamp.nullable(),
    publishedByLabel: z.string().nullable(),
  })
  .openapi("InterventionVersion", { example: VERSION });

export const FieldChangeSchema = z
  .object({
    field: z.string(),
    kind: z.enum(["changed", "added", "removed", "items"]),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    added: z.array(z.unknown()).optional(),
    removed: z.array(z.unknown()).optional(),
  })
  .openapi("FieldChange", { example: DIFF.changes[0] });

const Count = z.number().int().min(0).max(1_000_000);
const ShortText = z.string().min(1).max(200);

const BudgetLineSchema = z
  .object({
    description: ShortText.openapi({
      description: "What the line is: a post, travel, rent (400 `required`)",
    }),
    sharePercent: z.number().nullable().openapi({
      description:
        "The share of a post in percent, over 0 and at most 100 (400 `percent_range`); null if not a post",
    }),
    budgetOre: Ore.nullable(),
    costOre: Ore.nullable().openapi({ description: "Outcome (spent), in öre" }),
  })
  .strict();

const SubOutcomeSchema = z
  .object({
    outcome: Code.openapi({
      description:
        "The outcome category it breaks down (GET /catalog/vocabularies; 400 `known_outcome_category`)",
    }),
    label: ShortText,
    count: Count.openapi({
      description:
        "Together with the category's other sub-outcomes at most its count (400 `at_most_outcome`)",
    }),
  })
  .strict();

const SurveySchema = z
  .object({
    responses: Count.openapi({ description: "How many participants answered" }),
    summary: z.string().max(4000).nullable(),
    figures: z
      .array(z.object({ label: ShortText, count: Count }).strict())
      .max(50)
      .openapi({
        description: "Labelled counts of answers, each at most `responses` (400 `at_most_responses`)",
      }),
  })
  .strict();

const SocioEconomicSchema = z
  .object({
    paybackMonths: Count.nullable().openapi({ description: "Months until the effort has paid itself back" }),
    netBenefitOre: z
      .number()
      .int()
      .min(-Number.MAX_SAFE_INTEGER)
      .max(Number.MAX_SAFE_INTEGER)
      .nullable()
      .openapi({
        description:
          "Net benefit to society in öre over `netBenefitYears` (required with it, 400 `required`)",
      }),
    netBenefitYears: z.number().int().min(1).max(100).nullable(),
    method: z.string().max(4000).nullable().openapi({ description: "Method and source of the evaluation" }),
  })
  .strict();

export const ResultInputSchema = z
  .object({
    periodStart: IsoDate,
    periodEnd: IsoDate.openapi({ description: "Not before periodStart (400 `not_before_start`)" }),
    kind: z
      .enum(REPORT_KINDS)
      .optional()
      .openapi({
        description:
          "`interval`: the figures count only this period, and intervals are added up. `cumulative`: they count " +
          "everything from periodStart to periodEnd, and the latest cumulative report is the total (an earlier " +
          "overlapping one is never added to it). Default `interval`.",
      }),
    participantsWomen: Count,
    participantsMen: Count,
    participantsOther: Count.openapi({ description: "Other or not stated" }),
    outcomes: z.record(Code, z.number().int().min(0).max(1_000_000)).openapi({
      description:
        "Participants per outcome category code, keyed by the code: lower-case letters, digits and _, at most 60 (400 `invalid_key`) (GET /catalog/vocabularies; 400 `known_outcome_category` naming `outcomes.<code>`, `active_outcome_category` for a retired one the period's stored report does not already count); together at most the participants (400 `at_most_participants`)",
    }),
    averageEnrolmentMonths: z.number().min(0).max(600).nullable(),
    costOre: Ore.nullable().openapi({
      description:
        "With budget lines: null or their sum (400 `sum_of_budget_lines`), as it is derived from them",
    }),
    budgetOre: Ore.nullable().openapi({ description: "As costOre" }),
    budgetLines: z.array(BudgetLineSchema).max(100).optional(),
    subOutcomes: z.array(SubOutcomeSchema).max(100).optional(),
    assessedNotEnrolled: Count.nullable().optional().openapi({
      description: "People assessed but never enrolled",
    }),
    survey: SurveySchema.nullable().optional(),
    socioEconomic: SocioEconomicSchema.nullable().optional(),
  })
  .strict()
  .openapi("ResultInput", { example: RESULT_INPUT });

export const ResultSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(REPORT_KINDS),
    periodStart: z.string(),
    periodEnd: z.string(),
    participants: z.object({
      women: z.number().int(),
      men: z.number().int(),
      other: z.number().int(),
      total: z.number().int(),
    }),
    outcomes: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        positive: z.boolean(),
        count: z.number().int(),
        sharePercent: z
          .number()
          .nullable()
          .openapi({ description: "Derived: one decimal, half away from zero" }),
      }),
    ),
    positiveSharePercent: z.number().nullable(),
    averageEnrolmentMonths: z.number().nullable(),
    costOre: z.number().int().nullable(),
    budgetOre: z.number().int().nullable(),
    costOfBudgetPercent: z.number().nullable().openapi({ description: "Derived: cost as a share of budget" }),
    budgetLines: z.array(BudgetLineSchema),
    subOutcomes: z.array(SubOutcomeSchema.extend({ outcomeLabel: z.string() })),
    assessedNotEnrolled: z.number().int().nullable(),
    survey: SurveySchema.nullable(),
    socioEconomic: SocioEconomicSchema.nullable(),
  })
  .openapi("InterventionResult", { example: RESULT });

export const ResultReportSchema = ResultSchema.extend({
  state: z.enum(["submitted", "published"]).openapi({
    description: "`submitted`: waits for NNS's editors, the public shows the figures last published",
  }),
  submittedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  publishedByLabel: z.string().nullable(),
}).openapi("InterventionResultReport", { example: RESULT_REPORT });

export const CoOwnerSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    invitedAt: Timestamp,
    acceptedAt: Timestamp.nullable(),
  })
  .openapi("CoOwner", { example: CO_OWNER });

export const WorkflowBodySchema = z
  .object({ comment: z.string().trim().max(5000).nullable().optional() })
  .strict()
  .openapi("WorkflowAction", { example: { comment: "Lägg till resultatmålet och vem som följer upp." } });

/** Returning says what needs to change: the author reads the comment in the email and on the entry. */
export const ReturnBodySchema = z
  .object({ comment: nonBlank(1).max(5000) })
  .strict()
  .openapi("ReturnAction", { example: { comment: "Lägg till resultatmålet och vem som följer upp." } });
