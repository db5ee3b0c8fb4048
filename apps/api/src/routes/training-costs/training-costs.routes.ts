import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Training costs"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });

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
          }),
        ),
        sharedNetOre: Ore,
        printNetOre: Ore,
        vatOre: Ore,
        totalOre: Ore,
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
        createdAt: Timestamp,
      }),
    ),
  })
  .openapi("TrainingCosts");

export const trainingCosts = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/costs",
    tags,
    summary:
      "Cost breakdown: each förbund's share (largest remainder, ties to the förbund that joined first), VAT and own print costs. A förbund sees its own share; the owner sees all",
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
    summary: "Add the förbund's own print costs; they are never shared",
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
          })
          .strict(),
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
    summary: "Remove a print cost (it stays on record as removed)",
    request: {
      params: TrainingParams.extend({
        printCostId: z.uuid().openapi({ param: { name: "printCostId", in: "path" } }),
      }),
    },
    responses: { 200: jsonResponse(CostSchema, "Removed"), ...problems(401, 403, 404) },
  },
);
