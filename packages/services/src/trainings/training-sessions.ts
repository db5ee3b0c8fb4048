// Routes: apps/api/src/routes/trainings — a training's sessions (/trainings/{id}/sessions).
import {
  sessionRegistrations,
  type Tx,
  trainingSessions,
  trainingSessionTrainers,
  transaction,
} from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadChangeableTraining, stockholmDate, type TrainingRow } from "./scope.js";
import { lockSessions } from "./seats.js";
import { BIP_SKAPA_TEMPLATE_KEY, readTemplate } from "./settings.js";
import { priceStepCap } from "./step-cap.js";
import { assertTrainersCertified } from "./trainers.js";
import { readSessions, readTrainingView, type TrainingView } from "./training-view.js";
import { promoteWaiting } from "./waiting-list.js";

export interface SessionInput {
  stepKey?: string | null;
  title?: string;
  startsAt: Date;
  endsAt?: Date;
  mode?: "digital" | "on_site";
  location?: string | null;
  videoLink?: string | null;
  capacity?: number | null;
  trainerIds?: string[];
  /** Confirms a training-step capacity above 25, priced as extra participants (step-cap.ts). */
  confirmAboveCap?: boolean;
}

/** Fills a session from its template step: title, length, mode and the training step's 25 seats. */
async function resolveSession(tx: Tx, training: TrainingRow, input: SessionInput) {
  let step: Awaited<ReturnType<typeof readTemplate>>["steps"][number] | undefined;
  if (input.stepKey) {
    if (training.kind !== "bip_skapa")
      throw fieldError("body.stepKey", "no_template", "Egna utbildningsdagar har inga mallsteg.");
    const template = await readTemplate(tx, training.organizationId, BIP_SKAPA_TEMPLATE_KEY);
    step = template.steps.find((s) => s.key === input.stepKey);
    if (!step) throw fieldError("body.stepKey", "unknown_step", "Steget finns inte i mallen.");
  }
  const title = input.title ?? step?.title;
  if (!title) throw fieldError("body.title", "required", "Ange en rubrik för tillfället.");
  const endsAt =
    input.endsAt ?? (step ? new Date(input.startsAt.getTime() + step.durationMinutes * 60_000) : undefined);
  if (!endsAt) throw fieldError("body.endsAt", "required", "Ange när tillfället slutar.");
  if (endsAt <= input.startsAt)
    throw fieldError("body.endsAt", "after_starts_at", "Tillfället måste sluta efter att det börjar.");
  const mode = input.mode ?? (step && step.mode !== "either" ? step.mode : undefined);
  if (!mode) throw fieldError("body.mode", "required", "Välj digitalt eller på plats.");
  if (mode === "on_site" && !input.location?.trim()) {
    throw fieldError("body.location", "required_on_site", "Ange plats för ett tillfälle på plats.");
  }
  return {
    stepKey: input.stepKey ?? null,
    title,
    startsAt: input.startsAt,
    endsAt,
    mode,
    location: input.location ?? null,
    videoLink: input.videoLink ?? null,
    capacity: input.capacity !== undefined ? input.capacity : (step?.capacity ?? null),
  };
}

async function assignTrainers(
  tx: Tx,
  training: TrainingRow,
  sessionId: string,
  values: { startsAt: Date; endsAt: Date },
  trainerIds: string[],
) {
  await assertTrainersCertified(
    tx,
    training.organizationId,
    trainerIds,
    stockholmDate(values.startsAt),
    stockholmDate(values.endsAt),
    "body.trainerIds",
  );
  await tx.delete(trainingSessionTrainers).where(eq(trainingSessionTrainers.sessionId, sessionId));
  for (const trainerId of new Set(trainerIds)) {
    await tx
      .insert(trainingSessionTrainers)
      .values({ organizationId: training.organizationId, sessionId, trainerId });
  }
}

export async function addSession(
  ctx: OrgContext,
  trainingId: string,
  input: SessionInput,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    const values = await resolveSession(tx, access.training, input);
    await priceStepCap(tx, ctx, access.training, {
      ...values,
      sessionId: null,
      confirmed: !!input.confirmAboveCap,
    });
    const [session] = await tx
      .insert(trainingSessions)
      .values({ ...values, organizationId: ctx.organization.id, trainingId })
      .returning();
    if (!session) throw new Error("session insert returned nothing");
    await assignTrainers(tx, access.training, session.id, values, input.trainerIds ?? []);
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.session_added",
      entityType: "training",
      entityId: trainingId,
      after: after.sessions.find((s) => s.id === session.id),
    });
    return after;
  });
}

/**
 * Changes a session. Trainers are re-checked against the new dates; more seats move people up the
 * waiting list; fewer seats than are already taken is refused rather than silently un-booking anyone.
 */
export async function updateSession(
  ctx: OrgContext,
  trainingId: string,
  sessionId: string,
  input: Partial<SessionInput>,
  expectedVersion: number | null,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    await lockSessions(tx, [sessionId]);
    const before = (await readSessions(tx, trainingId)).find((s) => s.id === sessionId);
    if (!before) throw new AppError("not_found", "The session does not exist.");
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The session has changed since you read it.");
    }
    const values = await resolveSession(tx, access.training, {
      stepKey: before.stepKey,
      title: before.title,
      startsAt: before.startsAt,
      endsAt: before.endsAt,
      mode: before.mode,
      location: before.location,
      videoLink: before.videoLink,
      capacity: before.capacity,
      ...input,
    });
    if (values.capacity !== null && values.capacity < before.confirmed) {
      throw fieldError(
        "body.capacity",
        "below_confirmed",
        `${before.confirmed} personer har redan plats; avboka först om tillfället ska bli mindre.`,
      );
    }
    await priceStepCap(tx, ctx, access.training, {
      ...values,
      sessionId,
      confirmed: !!input.confirmAboveCap,
    });
    await tx
      .update(trainingSessions)
      .set({ ...values, version: sql`${trainingSessions.version} + 1`, updatedAt: new Date() })
      .where(eq(trainingSessions.id, sessionId));
    await assignTrainers(
      tx,
      access.training,
      sessionId,
      values,
      input.trainerIds ?? before.trainers.map((t) => t.id),
    );
    await promoteWaiting(tx, ctx, access.training, sessionId);
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.session_updated",
      entityType: "training",
      entityId: trainingId,
      before,
      after: after.sessions.find((s) => s.id === sessionId),
    });
    return after;
  });
}

export async function removeSession(
  ctx: OrgContext,
  trainingId: string,
  sessionId: string,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    await lockSessions(tx, [sessionId]);
    const before = (await readSessions(tx, trainingId)).find((s) => s.id === sessionId);
    if (!before) throw new AppError("not_found", "The session does not exist.");
    const [any] = await tx
      .select({ id: sessionRegistrations.id })
      .from(sessionRegistrations)
      .where(eq(sessionRegistrations.sessionId, sessionId))
      .limit(1);
    if (any)
      throw new AppError(
        "conflict",
        "People have registered for this session; change it instead of removing it.",
      );
    await priceStepCap(tx, ctx, access.training, {
      sessionId,
      stepKey: null,
      capacity: null,
      confirmed: true,
    });
    await tx.delete(trainingSessionTrainers).where(eq(trainingSessionTrainers.sessionId, sessionId));
    await tx.delete(trainingSessions).where(eq(trainingSessions.id, sessionId));
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.session_removed",
      entityType: "training",
      entityId: trainingId,
      before,
    });
    return after;
  });
}
