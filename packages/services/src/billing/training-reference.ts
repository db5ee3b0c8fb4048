// Routes: apps/api/src/routes/billing-settings — a förbund's referens for one training's invoice.
import { billingTrainingReferences, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadTraining } from "../trainings/scope.js";

export interface TrainingReferenceView {
  trainingId: string;
  reference: string;
  updatedAt: Date;
}

/** The förbund's referens for one training's invoice; it wins over the förbund's default referens. */
export async function putTrainingReference(
  ctx: OrgContext,
  trainingId: string,
  reference: string,
): Promise<TrainingReferenceView> {
  requirePermission(ctx, "invoicing:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    if (!access.party) {
      throw new AppError("forbidden", "Referensen anges av ett förbund som deltar i utbildningen.");
    }
    const [before] = await tx
      .select()
      .from(billingTrainingReferences)
      .where(
        and(
          eq(billingTrainingReferences.organizationId, ctx.organization.id),
          eq(billingTrainingReferences.trainingId, trainingId),
        ),
      );
    const [row] = await tx
      .insert(billingTrainingReferences)
      .values({ organizationId: ctx.organization.id, trainingId, reference })
      .onConflictDoUpdate({
        target: [billingTrainingReferences.organizationId, billingTrainingReferences.trainingId],
        set: { reference, updatedAt: new Date() },
      })
      .returning();
    const after = { trainingId, reference, updatedAt: (row as { updatedAt: Date }).updatedAt };
    await audit(tx, ctx, {
      action: "billing.training_reference_set",
      entityType: "training",
      entityId: trainingId,
      before: before ? { reference: before.reference } : null,
      after: { reference },
    });
    return after;
  });
}
