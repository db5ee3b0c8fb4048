// Routes: apps/api/src/routes/trainings — the förbund taking part in a training (/trainings/{id}/parties).
import {
  organizations,
  resourceShares,
  sessionRegistrations,
  type Tx,
  trainingParties,
  trainingPrintCosts,
  transaction,
} from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { and, eq, isNull, ne } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadChangeableTraining } from "./scope.js";
import { lockTrainingSessions } from "./seats.js";
import { readParties, readTrainingView, type TrainingView } from "./training-view.js";
import { promoteWaiting } from "./waiting-list.js";

/**
 * The share that makes a förbund an event's co-host (event-cohosts.ts). Accepting it adds the förbund as a
 * party of the event, and from then on the trainings' party policies give it the event, its sessions and
 * its own people; removing the party ends the share.
 */
export const EVENT_COHOST_RESOURCE = "event_cohost";

export const cohostShareOf = (trainingId: string) =>
  and(eq(resourceShares.resourceType, EVENT_COHOST_RESOURCE), eq(resourceShares.resourceId, trainingId));

export function seatsRequired(field: string) {
  return fieldError(
    field,
    "seats_required",
    "Alla förbund behöver ett antal platser för att dela kostnaden efter platser.",
  );
}

/** Adds a förbund to a training or changes its seats. Growing an allocation moves people up the waiting list. */
export async function setParty(
  ctx: OrgContext,
  trainingId: string,
  organizationId: string,
  input: { seats: number | null; contactEmail?: string | null },
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    const [org] = await tx
      .select({ kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (org?.kind !== "forbund") throw new AppError("not_found", "The förbund does not exist.");
    if (access.training.kind === "event" && organizationId !== ctx.organization.id) {
      // Another förbund joins an event only by accepting the host's invitation (event-cohosts.ts), so a
      // förbund is never made to co-host, and share a budget, without saying yes.
      throw new AppError(
        "conflict",
        "Another förbund co-hosts an event by accepting an invitation (POST /cohosts).",
      );
    }
    if (access.training.costSplitRule === "seats" && !input.seats) throw seatsRequired("body.seats");
    // A changed allocation changes who may take a seat: serialize with registrations on every session.
    const sessionIds = await lockTrainingSessions(tx, trainingId);
    const before = await readParties(tx, trainingId);
    await tx
      .insert(trainingParties)
      .values({
        organizationId,
        trainingId,
        ownerOrganizationId: ctx.organization.id,
        seats: input.seats,
        contactEmail: input.contactEmail ?? null,
      })
      .onConflictDoUpdate({
        target: [trainingParties.trainingId, trainingParties.organizationId],
        set: {
          seats: input.seats,
          ...(input.contactEmail !== undefined && { contactEmail: input.contactEmail }),
        },
      });
    for (const sessionId of sessionIds) await promoteWaiting(tx, ctx, access.training, sessionId);
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.party_set",
      entityType: "training",
      entityId: trainingId,
      before,
      after: after.parties,
    });
    return after;
  });
}

export async function removeParty(
  ctx: OrgContext,
  trainingId: string,
  organizationId: string,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    await lockTrainingSessions(tx, trainingId);
    await assertPartyRemovable(tx, trainingId, organizationId);
    const removed = await tx
      .delete(trainingParties)
      .where(
        and(eq(trainingParties.trainingId, trainingId), eq(trainingParties.organizationId, organizationId)),
      )
      .returning();
    if (removed.length === 0)
      throw new AppError("not_found", "The förbund does not take part in the training.");
    if (access.training.kind === "event") await revokeCohostShare(tx, trainingId, organizationId);
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.party_removed",
      entityType: "training",
      entityId: trainingId,
      before: removed[0],
      after: after.parties,
    });
    return after;
  });
}

/** A party leaves a training only without print costs or people still registered: nothing is orphaned. */
export async function assertPartyRemovable(
  tx: Tx,
  trainingId: string,
  organizationId: string,
): Promise<void> {
  const [printCost] = await tx
    .select({ id: trainingPrintCosts.id })
    .from(trainingPrintCosts)
    .where(
      and(
        eq(trainingPrintCosts.trainingId, trainingId),
        eq(trainingPrintCosts.organizationId, organizationId),
        isNull(trainingPrintCosts.removedAt),
      ),
    )
    .limit(1);
  if (printCost)
    throw new AppError("conflict", "The förbund has print costs on the training; remove them first.");
  const [live] = await tx
    .select({ id: sessionRegistrations.id })
    .from(sessionRegistrations)
    .where(
      and(
        eq(sessionRegistrations.trainingId, trainingId),
        eq(sessionRegistrations.organizationId, organizationId),
        ne(sessionRegistrations.status, "cancelled"),
      ),
    )
    .limit(1);
  if (live) throw new AppError("conflict", "The förbund has registered participants; cancel them first.");
}

/** Ends a förbund's share of an event; removing it as a party of the event ends it too. */
export async function revokeCohostShare(tx: Tx, trainingId: string, organizationId: string): Promise<void> {
  await tx
    .update(resourceShares)
    .set({ revokedAt: new Date() })
    .where(
      and(
        cohostShareOf(trainingId),
        eq(resourceShares.organizationId, organizationId),
        isNull(resourceShares.revokedAt),
      ),
    );
}
