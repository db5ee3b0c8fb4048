// Routes: apps/api/src/routes/trainings — the training step's 25-seat cap, when sessions change.
import { priceListItems, type Tx, trainingCostLines, trainingSessions } from "@nns/db";
import { AppError, seatsAboveStepCap, TRAINING_STEP_MAX_PARTICIPANTS } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import type { TrainingRow } from "./scope.js";

/** The price list's line for each participant above the 25 of the BIP/SKAPA price (decision 0028). */
export const EXTRA_PARTICIPANT_PRICE_CODE = "bip_skapa_extra_participant";

export interface StepCapChange {
  /** The session changed or removed; null when one is added. */
  sessionId: string | null;
  /** What the session will be; a removed session has no step. */
  stepKey: string | null;
  capacity: number | null;
  /** The caller confirmed a capacity above the cap (`confirmAboveCap`). */
  confirmed: boolean;
}

/**
 * Keeps a BIP/SKAPA training's seats above the training step's cap explicit and priced. Called before a
 * session is written: raising a training-step session above 25 (or further above) needs `confirmed`, else
 * 409 `confirm_above_step_cap`; then the training's extra-participant cost line follows the seats above the
 * cap over all its training-step sessions, at the price list's price when the line is first added (a later
 * price change never rewrites a booking), removed when none are left. Audited as `training.extra_seats_priced`.
 */
export async function priceStepCap(
  tx: Tx,
  ctx: OrgContext,
  training: TrainingRow,
  change: StepCapChange,
): Promise<void> {
  if (training.kind !== "bip_skapa") return;
  const sessions = await tx
    .select({
      id: trainingSessions.id,
      stepKey: trainingSessions.stepKey,
      capacity: trainingSessions.capacity,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, training.id));
  const previous = sessions.find((s) => s.id === change.sessionId);
  const above = seatsAboveStepCap(change);
  if (above > (previous ? seatsAboveStepCap(previous) : 0) && !change.confirmed) {
    throw new AppError(
      "conflict",
      `The training step takes at most ${TRAINING_STEP_MAX_PARTICIPANTS} participants; confirm the extra seats.`,
      {
        errors: [
          {
            field: "body.capacity",
            rule: "confirm_above_step_cap",
            message: `Utbildningssteget har högst ${TRAINING_STEP_MAX_PARTICIPANTS} deltagare per tillfälle. ${above} platser till kostar extra enligt prislistan; bekräfta för att spara.`,
          },
        ],
      },
    );
  }
  const quantity =
    sessions.filter((s) => s.id !== change.sessionId).reduce((sum, s) => sum + seatsAboveStepCap(s), 0) +
    above;
  const [line] = await tx
    .select()
    .from(trainingCostLines)
    .where(
      and(
        eq(trainingCostLines.trainingId, training.id),
        eq(trainingCostLines.priceItemCode, EXTRA_PARTICIPANT_PRICE_CODE),
      ),
    );
  if ((line?.quantity ?? 0) === quantity) return;
  let after: typeof line | undefined;
  if (quantity === 0 && line) {
    await tx.delete(trainingCostLines).where(eq(trainingCostLines.id, line.id));
  } else if (line) {
    [after] = await tx
      .update(trainingCostLines)
      .set({ quantity })
      .where(eq(trainingCostLines.id, line.id))
      .returning();
  } else {
    const [price] = await tx
      .select()
      .from(priceListItems)
      .where(
        and(
          eq(priceListItems.organizationId, training.organizationId),
          eq(priceListItems.code, EXTRA_PARTICIPANT_PRICE_CODE),
          eq(priceListItems.active, true),
        ),
      );
    // NNS may take the item off its price list: the extra seats are then free.
    if (!price) return;
    [after] = await tx
      .insert(trainingCostLines)
      .values({
        organizationId: training.organizationId,
        trainingId: training.id,
        priceItemCode: price.code,
        description: price.name,
        quantity,
        unitPriceOre: price.unitPriceOre,
        vatRateBasisPoints: price.vatRateBasisPoints,
      })
      .returning();
  }
  const costLine = (row: typeof line | undefined) =>
    row ? { id: row.id, quantity: row.quantity, unitPriceOre: row.unitPriceOre } : null;
  await audit(tx, ctx, {
    action: "training.extra_seats_priced",
    entityType: "training",
    entityId: training.id,
    before: costLine(line),
    after: costLine(after),
  });
}
