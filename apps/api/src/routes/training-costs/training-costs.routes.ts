import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";
import { TRAINING_COSTS } from "./training-costs.examples.js";

const tags = ["Training costs"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });
const PaidBy = z.enum(["organization", "owner"]).openapi({
  description:
    "`organization`: the förbund paid the printer itself; `owner`: the running organization (NNS) paid and invoices it",
});

const CostSchema = z
  .object({
    trainingId: z.uuid(),
    rule: z.enum(["equal", "seats"]),
    sharedNetOre: Ore,
    partyCount: z.number().int(),
    parties: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        lines: z.array(
          z.object({
            description: z.string(),
            kind: z.enum(["shared", "print"]),
            netOre: Ore,
            vatRateBasisPoints: z.number().int(),
            vatOre: Ore,
            paidBy: PaidBy.nullable().openapi({
              description: "Print lines: who paid the printer; null for a share of the shared cost",
            }),
            invoiced: z.boolean().openapi({
              description:
                "Whether the running organization invoices this line (shared shares, print it paid)",
            }),
          }),
        ),
        sharedNetOre: Ore,
        printNetOre: Ore,
        vatOre: Ore,
        totalOre: Ore,
        invoicedNetOre: Ore.openapi({ description: "What the running organization invoices, before VAT" }),
        invoicedVatOre: Ore,
        invoicedTotalOre: Ore.openapi({ description: "The förbund's invoice total for this training" }),
      }),
    ),
    netOre: Ore,
    vatOre: Ore,
    totalOre: Ore,
    printCosts: z.array(
      z.object({
        id: z.uuid(),
        organizationId: z.uuid(),
        description: z.string(),
        amountOre: Ore,
        vatRateBasisPoints: z.number().int(),
        paidBy: PaidBy,
        createdAt: Timestamp,
      }),
    ),
  })
  .openapi("TrainingCosts", { example: TRAINING_COSTS });

export const trainingCosts = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/costs",
    tags,
    operationId: "listTrainingCosts",
    summary: "Get a training's cost breakdown",
    description:
      "Each förbund's share of the shared cost by the training's rule (`equal`, or by `seats`), split in " +
      "whole öre by largest remainder with ties to the förbund that joined first; VAT per line; and each " +
      "förbund's own print costs, never shared. Amounts are integers in öre (1 kr = 100 öre). Invoicing " +
      "reads the same figures. A förbund taking part sees its own share, the running organization every " +
      "share. Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(CostSchema, "Costs"), ...problems(401, 403, 404) },
  },
);

export const addPrintCost = defineRoute(
  { kind: "org", permission: "trainings:book" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/print-costs",
    tags,
    operationId: "createTrainingPrintCost",
    summary: "Add a print cost",
    description:
      "A förbund taking part (403 otherwise) adds what it paid to print material for its own people: " +
      "net amount in öre and VAT rate in basis points (default 2500 = 25 %). Never shared with the other " +
      "förbund. `paidBy` says who paid the printer: `organization` (default, the förbund itself) or `owner` (NNS " +
      "paid, and invoices the förbund for it on its invoice for the training). Not on a cancelled training " +
      "(409). Answers the updated breakdown. Needs `trainings:book`. " +
      "Audited as `training.print_cost_added`.",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z
          .object({
            description: nonBlank(1).max(200),
            amountOre: z
              .number()
              .int()
              .min(1)
              .max(100_000_000_00)
              .openapi({ description: "Öre, above zero" }),
            vatRateBasisPoints: z.number().int().min(0).max(10_000).default(2500),
            paidBy: PaidBy.default("organization"),
          })
          .strict(),
        {
          description: "Tryck av arbetsmaterial, 14 ex",
          amountOre: 185_000,
          vatRateBasisPoints: 2500,
          paidBy: "owner",
        },
      ),
    },
    responses: { 201: jsonResponse(CostSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const removePrintCost = defineRoute(
  { kind: "org", permission: "trainings:book" },
  {
    method: "delete",
    path: "/orgs/{orgId}/trainings/{trainingId}/print-costs/{printCostId}",
    tags,
    operationId: "deleteTrainingPrintCost",
    summary: "Remove a print cost",
    description:
      "The förbund's own print cost stops counting; it is marked removed rather than deleted, so the record " +
      "of what was once charged remains. Not on a cancelled training (409). Answers the updated breakdown. " +
      "Needs `trainings:book`. Audited as `training.print_cost_removed`.",
    request: {
      params: TrainingParams.extend({
        printCostId: z.uuid().openapi({ param: { name: "printCostId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(CostSchema, "Removed", {
        ...TRAINING_COSTS,
        parties: [
          {
            ...TRAINING_COSTS.parties[0],
            lines: [TRAINING_COSTS.parties[0].lines[0]],
            printNetOre: 0,
            vatOre: 700_000,
            totalOre: 3_500_000,
            invoicedNetOre: 2_800_000,
            invoicedVatOre: 700_000,
            invoicedTotalOre: 3_500_000,
          },
          TRAINING_COSTS.parties[1],
        ],
        netOre: 5_000_000,
        vatOre: 1_250_000,
        totalOre: 6_250_000,
        printCosts: [],
      }),
      ...problems(401, 403, 404),
    },
  },
);
