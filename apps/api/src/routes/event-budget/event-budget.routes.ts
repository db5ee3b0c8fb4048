import { z } from "@hono/zod-openapi";
import { EVENT_COST_CATEGORIES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { example, GOTEBORG_NORDOST, HALLAND, IDS } from "../../lib/examples.js";
import { IfMatchHeader, jsonBody, jsonResponse, nonBlank, problems } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Event budget"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });
const Amount = z.number().int().min(0).max(100_000_000_00);
const Category = z.enum(EVENT_COST_CATEGORIES).openapi({
  description: "`venue` lokal, `catering` fika and meals, `speaker` föreläsare, `other` anything else",
});

const LINE_ID = "5e0a9a3c-51c4-4b8e-9f55-0f3cf0a2c4d1";

const BUDGET = example({
  trainingId: IDS.event,
  lines: [
    {
      id: LINE_ID,
      category: "venue",
      description: "Lokal, Eksjö Stadshotell",
      budgetOre: 1_500_000,
      actualOre: 1_450_000,
      vatRateBasisPoints: 2500,
      version: 2,
    },
    {
      id: "0c7c7e2b-7c4f-4f0e-9b1e-2d8a9b7d6e55",
      category: "speaker",
      description: "Föreläsare",
      budgetOre: 2_500_000,
      actualOre: null,
      vatRateBasisPoints: 0,
      version: 1,
    },
  ],
  budgetOre: 4_000_000,
  actualOre: 1_450_000,
  varianceOre: -50_000,
  byCategory: [
    { category: "venue", budgetOre: 1_500_000, actualOre: 1_450_000 },
    { category: "speaker", budgetOre: 2_500_000, actualOre: null },
  ],
  vatOre: 362_500,
  shares: [
    {
      organizationId: HALLAND.id,
      organizationName: HALLAND.name,
      netOre: 1_975_000,
      vatOre: 181_250,
      totalOre: 2_156_250,
    },
    {
      organizationId: GOTEBORG_NORDOST.id,
      organizationName: GOTEBORG_NORDOST.name,
      netOre: 1_975_000,
      vatOre: 181_250,
      totalOre: 2_156_250,
    },
  ],
});

const BudgetSchema = z
  .object({
    trainingId: z.uuid(),
    lines: z.array(
      z.object({
        id: z.uuid(),
        category: Category,
        description: z.string(),
        budgetOre: Ore,
        actualOre: Ore.nullable().openapi({ description: "Null until the actual cost is known" }),
        vatRateBasisPoints: z.number().int(),
        version: z.number().int().openapi({ description: "Send as `If-Match` to change the line" }),
      }),
    ),
    budgetOre: Ore,
    actualOre: Ore.nullable().openapi({ description: "Over the lines with a known actual cost" }),
    varianceOre: Ore.nullable().openapi({
      description: "Actual minus budget over those lines; positive is over",
    }),
    byCategory: z.array(z.object({ category: Category, budgetOre: Ore, actualOre: Ore.nullable() })),
    vatOre: Ore.openapi({ description: "VAT on what the lines cost now (actual, else budget)" }),
    shares: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        netOre: Ore,
        vatOre: Ore,
        totalOre: Ore,
      }),
    ),
  })
  .openapi("EventBudget", { example: BUDGET });

const LineParams = TrainingParams.extend({
  lineId: z.uuid().openapi({ param: { name: "lineId", in: "path" } }),
});

export const getBudget = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/budget",
    tags,
    operationId: "getEventBudget",
    summary: "Get an event's budget",
    description:
      "The event's cost lines (lokal, fika, föreläsare, other) with budget and, once known, actual cost, " +
      "totals per category and the variance; and each host's share of what the lines cost now (actual, " +
      "else budget) split by the event's rule in whole öre by largest remainder, ties to the förbund that " +
      "joined first, with VAT per line. The host sees every share, a co-host its own. A BIP/SKAPA training " +
      "has its price instead (409). Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(BudgetSchema, "Budget"), ...problems(401, 403, 404, 409) },
  },
);

export const addLine = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/budget/lines",
    tags,
    operationId: "createEventBudgetLine",
    summary: "Add a cost line to an event's budget",
    description:
      "The host adds a line: category, description, budget and optionally the actual cost, in öre, and a " +
      "VAT rate in basis points (2500 = 25 %, 1200 = 12 % for food). Allowed in any status, since actual " +
      "costs arrive after the day and a cancelled day may still cost; only the host (403 for a co-host). " +
      "Answers the budget. Needs `trainings:manage`. Audited as `training.budget_line_added`.",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z
          .object({
            category: Category,
            description: nonBlank(1).max(200),
            budgetOre: Amount,
            actualOre: Amount.nullable().optional(),
            vatRateBasisPoints: z.number().int().min(0).max(10_000).default(2500),
          })
          .strict(),
        { category: "catering", description: "Fika och lunch", budgetOre: 900_000, vatRateBasisPoints: 1200 },
      ),
    },
    responses: { 201: jsonResponse(BudgetSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const updateLine = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/trainings/{trainingId}/budget/lines/{lineId}",
    tags,
    operationId: "updateEventBudgetLine",
    summary: "Change a budget line",
    description:
      "Typically enters the actual cost once the invoice has come (`actualOre`; null takes it back). Send " +
      "the line's `version` as `If-Match`: a change since answers 412. Only the host. Answers the budget. " +
      "Needs `trainings:manage`. Audited as `training.budget_line_updated`.",
    request: {
      params: LineParams,
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            category: Category.optional(),
            description: nonBlank(1).max(200).optional(),
            budgetOre: Amount.optional(),
            actualOre: Amount.nullable().optional(),
            vatRateBasisPoints: z.number().int().min(0).max(10_000).optional(),
          })
          .strict(),
        { actualOre: 1_450_000 },
      ),
    },
    responses: { 200: jsonResponse(BudgetSchema, "Changed"), ...problems(400, 401, 403, 404, 409, 412) },
  },
);

export const removeLine = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/trainings/{trainingId}/budget/lines/{lineId}",
    tags,
    operationId: "deleteEventBudgetLine",
    summary: "Remove a budget line",
    description:
      "The line stops counting; it is marked removed rather than deleted, so the budget as it was stays on " +
      "record. Only the host. Answers the budget. Needs `trainings:manage`. Audited as " +
      "`training.budget_line_removed`.",
    request: { params: LineParams },
    responses: { 200: jsonResponse(BudgetSchema, "Removed"), ...problems(401, 403, 404, 409) },
  },
);
