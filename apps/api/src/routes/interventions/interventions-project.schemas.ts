import { z } from "@hono/zod-openapi";
import { RUNNING_BODY_KINDS } from "@nns/domain";
import { MunicipalityCode, nonBlank } from "../../lib/schemas.js";
import { PROJECT, RUNNING_BODY } from "./interventions-project.examples.js";

const runningBodyShape = {
  kind: z.enum(RUNNING_BODY_KINDS).openapi({
    description: "The member party that runs it: fk, af, region or kommun; it is not a tenant",
  }),
  name: nonBlank(2).max(200).openapi({ description: "As the public reads it, e.g. 'Växjö kommun'" }),
  municipalityCode: z.union([MunicipalityCode, z.null()]).openapi({
    description:
      "Required for a kommun, optional for FK and AF (the local office's kommun), not for a region (400 `required`, `not_allowed`, `known_municipality`)",
  }),
  countyCode: z.union([z.string().regex(/^\d{2}$/, "SCB länskod: two digits"), z.null()]).openapi({
    description:
      "An SCB länskod (GET /reference/counties): required for a region, not allowed for the others (400 `required`, `not_allowed`, `known_county`)",
  }),
};

export const RunningBodySchema = z
  .object(runningBodyShape)
  .strict()
  .openapi("RunningBody", { example: RUNNING_BODY });

const RunningBodyViewSchema = z.object({
  ...runningBodyShape,
  placeName: z.string().nullable().openapi({ description: "The kommun or län, by name" }),
});

export const ProjectSchema = z
  .object({
    parts: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        organizationName: z.string().openapi({ description: "The organization owning the delprojekt" }),
        runningBody: RunningBodyViewSchema.nullable().openapi({
          description: "Who runs it when not its owner; null: the owner runs it",
        }),
        places: z.array(z.string()).openapi({ description: "Its kommuner (or län), by name" }),
        participants: z.number().int().openapi({ description: "Its participants as counted in the totals" }),
      }),
    ),
    totals: z
      .object({
        participantsTotal: z.number().int(),
        participantsWomen: z.number().int(),
        participantsMen: z.number().int(),
        participantsOther: z.number().int(),
        outcomeShares: z.array(
          z.object({ code: z.string(), count: z.number().int(), sharePercent: z.number().nullable() }),
        ),
        positiveCount: z.number().int(),
        positiveSharePercent: z.number().nullable(),
        withoutOutcome: z.number().int(),
        reportingParts: z.number().int().openapi({ description: "Delprojekt that have reported results" }),
        outcomes: z.array(
          z.object({
            code: z.string(),
            label: z.string(),
            positive: z.boolean(),
            count: z.number().int(),
            sharePercent: z.number().nullable(),
          }),
        ),
      })
      .nullable()
      .openapi({ description: "The delprojekt's results added up; null without delprojekt" }),
  })
  .openapi("InterventionProject", { example: PROJECT });
