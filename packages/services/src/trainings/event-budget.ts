// Routes: apps/api/src/routes/event-budget — an event's budget: cost lines planned and actual, and each
// co-host's share (/trainings/{id}/budget, /budget/lines).
import { eventBudgetLines, type Tx, trainingParties, transaction } from "@nns/db";
import {
  AppError,
  type CostBreakdown,
  costBreakdown,
  type EventBudgetTotals,
  type EventCostCategory,
  eventBudgetTotals,
  eventLineCostOre,
} from "@nns/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  inOrganizationScope,
  loadTraining,
  organizationNames,
  requireOwner,
  type TrainingAccess,
} from "./scope.js";

export interface BudgetLineView {
  id: string;
  category: EventCostCategory;
  description: string;
  budgetOre: number;
  actualOre: number | null;
  vatRateBasisPoints: number;
  version: number;
}

export interface EventBudgetView extends EventBudgetTotals {
  trainingId: string;
  lines: BudgetLineView[];
  /** VAT on what each line costs now (actual once known, otherwise budget). */
  vatOre: number;
  /**
   * Each host's share of what the lines cost now, split by the event's rule (largest remainder, ties to
   * the förbund that joined first). The host sees every co-host's; a co-host its own.
   */
  shares: {
    organizationId: string;
    organizationName: string;
    netOre: number;
    vatOre: number;
    totalOre: number;
  }[];
}

export interface BudgetLineInput {
  category: EventCostCategory;
  description: string;
  budgetOre: number;
  actualOre?: number | null;
  vatRateBasisPoints: number;
}

function requireEvent(kind: string): void {
  if (kind !== "event") {
    throw new AppError("conflict", "A budget with cost lines is kept for events; BIP/SKAPA has its price.");
  }
}

function lineView(row: typeof eventBudgetLines.$inferSelect): BudgetLineView {
  return {
    id: row.id,
    category: row.category,
    description: row.description,
    budgetOre: row.budgetOre,
    actualOre: row.actualOre,
    vatRateBasisPoints: row.vatRateBasisPoints,
    version: row.version,
  };
}

/** The budget of an event, read in the host's scope where every co-host is a party. */
export async function readEventBudget(
  tx: Tx,
  ctx: OrgContext,
  access: TrainingAccess,
): Promise<EventBudgetView> {
  const trainingId = access.training.id;
  const { rows, parties } = await inOrganizationScope(tx, ctx, access.training.organizationId, async () => ({
    rows: await tx
      .select()
      .from(eventBudgetLines)
      .where(and(eq(eventBudgetLines.trainingId, trainingId), isNull(eventBudgetLines.removedAt)))
      .orderBy(asc(eventBudgetLines.createdAt), asc(eventBudgetLines.id)),
    parties: await tx
      .select()
      .from(trainingParties)
      .where(eq(trainingParties.trainingId, trainingId))
      .orderBy(asc(trainingParties.joinOrder)),
  }));
  const lines = rows.map(lineView);
  let split: CostBreakdown;
  try {
    split = costBreakdown(
      access.training.costSplitRule,
      lines.map((l) => ({
        description: l.description,
        amountOre: eventLineCostOre(l),
        vatRateBasisPoints: l.vatRateBasisPoints,
      })),
      parties.map((p) => ({ organizationId: p.organizationId, seats: p.seats, printCosts: [] })),
    );
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("unprocessable", error.message);
    throw error;
  }
  const names = await organizationNames(
    tx,
    split.parties.map((p) => p.organizationId),
  );
  return {
    trainingId,
    lines,
    ...eventBudgetTotals(lines),
    vatOre: split.vatOre,
    shares: split.parties
      .filter((p) => access.isOwner || p.organizationId === ctx.organization.id)
      .map((p) => ({
        organizationId: p.organizationId,
        organizationName: names.get(p.organizationId)?.name ?? "",
        netOre: p.sharedNetOre,
        vatOre: p.vatOre,
        totalOre: p.totalOre,
      })),
  };
}

export async function eventBudget(ctx: OrgContext, trainingId: string): Promise<EventBudgetView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    return readEventBudget(tx, ctx, access);
  });
}

/** The host's own event, in any status: actual costs arrive after the day, and a cancelled day may cost. */
async function loadHostedEvent(tx: Tx, ctx: OrgContext, trainingId: string): Promise<TrainingAccess> {
  const access = await loadTraining(tx, ctx, trainingId);
  requireOwner(access.isOwner);
  requireEvent(access.training.kind);
  return access;
}

export async function addBudgetLine(
  ctx: OrgContext,
  trainingId: string,
  input: BudgetLineInput,
): Promise<EventBudgetView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadHostedEvent(tx, ctx, trainingId);
    const [row] = await tx
      .insert(eventBudgetLines)
      .values({
        organizationId: ctx.organization.id,
        trainingId,
        category: input.category,
        description: input.description,
        budgetOre: input.budgetOre,
        actualOre: input.actualOre ?? null,
        vatRateBasisPoints: input.vatRateBasisPoints,
      })
      .returning();
    if (!row) throw new Error("budget line insert returned nothing");
    const after = await readEventBudget(tx, ctx, access);
    await audit(tx, ctx, {
      action: "training.budget_line_added",
      entityType: "training",
      entityId: trainingId,
      after: lineView(row),
    });
    return after;
  });
}

async function loadLine(tx: Tx, trainingId: string, lineId: string) {
  const [row] = await tx
    .select()
    .from(eventBudgetLines)
    .where(
      and(
        eq(eventBudgetLines.id, lineId),
        eq(eventBudgetLines.trainingId, trainingId),
        isNull(eventBudgetLines.removedAt),
      ),
    );
  if (!row) throw new AppError("not_found", "The budget line does not exist.");
  return row;
}

/** Changes a line, typically to enter its actual cost once the invoice has come. */
export async function updateBudgetLine(
  ctx: OrgContext,
  trainingId: string,
  lineId: string,
  input: Partial<BudgetLineInput>,
  expectedVersion: number | null,
): Promise<EventBudgetView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadHostedEvent(tx, ctx, trainingId);
    const before = await loadLine(tx, trainingId, lineId);
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The budget line has changed since you read it.");
    }
    const [row] = await tx
      .update(eventBudgetLines)
      .set({
        ...(input.category !== undefined && { category: input.category }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.budgetOre !== undefined && { budgetOre: input.budgetOre }),
        ...(input.actualOre !== undefined && { actualOre: input.actualOre }),
        ...(input.vatRateBasisPoints !== undefined && { vatRateBasisPoints: input.vatRateBasisPoints }),
        version: sql`${eventBudgetLines.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(eventBudgetLines.id, lineId))
      .returning();
    if (!row) throw new Error("budget line update returned nothing");
    const after = await readEventBudget(tx, ctx, access);
    await audit(tx, ctx, {
      action: "training.budget_line_updated",
      entityType: "training",
      entityId: trainingId,
      before: lineView(before),
      after: lineView(row),
    });
    return after;
  });
}

/** Removes a line by marking it: the budget as it was stays on record. */
export async function removeBudgetLine(
  ctx: OrgContext,
  trainingId: string,
  lineId: string,
): Promise<EventBudgetView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadHostedEvent(tx, ctx, trainingId);
    const before = await loadLine(tx, trainingId, lineId);
    await tx.update(eventBudgetLines).set({ removedAt: new Date() }).where(eq(eventBudgetLines.id, lineId));
    const after = await readEventBudget(tx, ctx, access);
    await audit(tx, ctx, {
      action: "training.budget_line_removed",
      entityType: "training",
      entityId: trainingId,
      before: lineView(before),
    });
    return after;
  });
}
