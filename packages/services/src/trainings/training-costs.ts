// Routes: apps/api/src/routes/training-costs — a training's costs and their split, and print costs.
import { type Tx, trainingCostLines, trainingParties, trainingPrintCosts, transaction } from "@nns/db";
import { AppError, type CostBreakdown, costBreakdown, fieldError, type PrintPaidBy } from "@nns/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { inOrganizationScope, loadTraining, organizationNames, type TrainingAccess } from "./scope.js";

export interface CostView {
  trainingId: string;
  rule: CostBreakdown["rule"];
  /** The shared cost of the whole training, before VAT, and how many förbund share it. */
  sharedNetOre: number;
  partyCount: number;
  /** The owner sees every förbund; a förbund sees its own share only. */
  parties: (CostBreakdown["parties"][number] & { organizationName: string })[];
  /** Totals over the parties shown. */
  netOre: number;
  vatOre: number;
  totalOre: number;
  printCosts: {
    id: string;
    organizationId: string;
    description: string;
    amountOre: number;
    vatRateBasisPoints: number;
    paidBy: PrintPaidBy;
    createdAt: Date;
  }[];
}

/** The rules keep every entry point consistent; a breakdown that still cannot be split says why. */
function splitOrExplain(split: () => CostBreakdown): CostBreakdown {
  try {
    return split();
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("unprocessable", error.message);
    throw error;
  }
}

/**
 * The single source of a training's amounts: each förbund's share of the shared cost by the training's
 * rule, VAT per line, and its own print costs. Invoicing reads this.
 */
export async function trainingCosts(ctx: OrgContext, trainingId: string): Promise<CostView> {
  requirePermission(ctx, "trainings:read");
  return costsOf(ctx, trainingId);
}

/**
 * The breakdown of a training the acting organization may see, read in the owner's row-level scope (a
 * party's print costs and the other parties are the owner's to read). Both the costs view and invoicing
 * (billing/drafts.ts) start here, so there is one computation of the amounts.
 */
export async function readCostBreakdown(tx: Tx, ctx: OrgContext, access: TrainingAccess) {
  const { training } = access;
  const trainingId = training.id;
  const data = await inOrganizationScope(tx, ctx, training.organizationId, async () => ({
    parties: await tx
      .select()
      .from(trainingParties)
      .where(eq(trainingParties.trainingId, trainingId))
      .orderBy(asc(trainingParties.joinOrder)),
    lines: await tx
      .select()
      .from(trainingCostLines)
      .where(eq(trainingCostLines.trainingId, trainingId))
      .orderBy(asc(trainingCostLines.createdAt)),
    prints: await tx
      .select()
      .from(trainingPrintCosts)
      .where(and(eq(trainingPrintCosts.trainingId, trainingId), isNull(trainingPrintCosts.removedAt)))
      .orderBy(asc(trainingPrintCosts.createdAt)),
  }));
  const breakdown = splitOrExplain(() =>
    costBreakdown(
      training.costSplitRule,
      data.lines.map((l) => ({
        description: l.quantity > 1 ? `${l.description} × ${l.quantity}` : l.description,
        amountOre: l.unitPriceOre * l.quantity,
        vatRateBasisPoints: l.vatRateBasisPoints,
      })),
      data.parties.map((p) => ({
        organizationId: p.organizationId,
        seats: p.seats,
        printCosts: data.prints.filter((c) => c.organizationId === p.organizationId),
      })),
    ),
  );
  return { breakdown, prints: data.prints };
}

/**
 * Without a permission check of its own: adding or removing a print cost (`trainings:book`) answers with the
 * costs it changed, also to a caller (an API key) that may book but was not given `trainings:read`.
 */
async function costsOf(ctx: OrgContext, trainingId: string): Promise<CostView> {
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    const { breakdown, prints } = await readCostBreakdown(tx, ctx, access);
    const names = await organizationNames(
      tx,
      breakdown.parties.map((p) => p.organizationId),
    );
    const visible = breakdown.parties
      .filter((p) => access.isOwner || p.organizationId === ctx.organization.id)
      .map((p) => ({ ...p, organizationName: names.get(p.organizationId)?.name ?? "" }));
    const sum = (key: "vatOre" | "totalOre") => visible.reduce((a, p) => a + p[key], 0);
    return {
      trainingId,
      rule: breakdown.rule,
      sharedNetOre: breakdown.sharedNetOre,
      partyCount: breakdown.parties.length,
      parties: visible,
      netOre: visible.reduce((a, p) => a + p.sharedNetOre + p.printNetOre, 0),
      vatOre: sum("vatOre"),
      totalOre: sum("totalOre"),
      printCosts: prints
        .filter((c) => access.isOwner || c.organizationId === ctx.organization.id)
        .map(({ id, organizationId, description, amountOre, vatRateBasisPoints, paidBy, createdAt }) => ({
          id,
          organizationId,
          description,
          amountOre,
          vatRateBasisPoints,
          paidBy,
          createdAt,
        })),
    };
  });
}

/**
 * A förbund adds its own print costs to a training it takes part in; they are never shared. `paidBy`
 * `owner` says the training's owner paid the printer, so the owner invoices the förbund for it.
 */
export async function addPrintCost(
  ctx: OrgContext,
  trainingId: string,
  input: { description: string; amountOre: number; vatRateBasisPoints: number; paidBy?: PrintPaidBy },
): Promise<CostView> {
  requirePermission(ctx, "trainings:book");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    if (!access.party) throw new AppError("forbidden", "Print costs belong to a förbund taking part.");
    if (access.training.status === "cancelled") {
      throw new AppError("conflict", "The training is cancelled.");
    }
    if (!Number.isSafeInteger(input.amountOre) || input.amountOre <= 0) {
      throw fieldError(
        "body.amountOre",
        "positive_ore",
        "Beloppet anges i hela ören och måste vara större än noll.",
      );
    }
    const [row] = await tx
      .insert(trainingPrintCosts)
      .values({
        organizationId: ctx.organization.id,
        trainingId,
        ownerOrganizationId: access.training.organizationId,
        ...input,
        paidBy: input.paidBy ?? "organization",
      })
      .returning();
    await audit(tx, ctx, {
      action: "training.print_cost_added",
      entityType: "training",
      entityId: trainingId,
      after: row,
    });
  });
  return costsOf(ctx, trainingId);
}

/** Print costs are removed by marking them, so the record of what was once charged remains. */
export async function removePrintCost(
  ctx: OrgContext,
  trainingId: string,
  printCostId: string,
): Promise<CostView> {
  requirePermission(ctx, "trainings:book");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .update(trainingPrintCosts)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(trainingPrintCosts.id, printCostId),
          eq(trainingPrintCosts.trainingId, trainingId),
          eq(trainingPrintCosts.organizationId, ctx.organization.id),
          isNull(trainingPrintCosts.removedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError("not_found", "The print cost does not exist.");
    const access = await loadTraining(tx, ctx, trainingId);
    if (access.training.status === "cancelled") throw new AppError("conflict", "The training is cancelled.");
    await audit(tx, ctx, {
      action: "training.print_cost_removed",
      entityType: "training",
      entityId: trainingId,
      before: row,
    });
  });
  return costsOf(ctx, trainingId);
}
