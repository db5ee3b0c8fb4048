// Routes: apps/api/src/routes/trainings — the training itself: list, read, create, change, status moves.
import {
  organizations,
  priceListItems,
  sessionRegistrations,
  type Tx,
  trainingCostLines,
  trainingParticipants,
  trainingParties,
  trainings,
  transaction,
} from "@nns/db";
import { AppError, assertTransition, type CostSplitRule, fieldError, type TrainingStatus } from "@nns/domain";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requestScheduledEmail, trainingCancelledEmail } from "../mail/training-templates.js";
import { emitWebhookEvent, trainingObject, trainingRecipients } from "../webhooks/events.js";
import { assertChangeable, organizationNames, requireOwner, stockholmDate } from "./scope.js";
import { lockSessions } from "./seats.js";
import { BIP_SKAPA_PRICE_CODE } from "./settings.js";
import { sendSurveys } from "./surveys.js";
import { assertTrainersCertified } from "./trainers.js";
import { seatsRequired } from "./training-parties.js";
import { reopenRequests, scheduleRequests } from "./training-requests.js";
import { readTrainingView, type TrainingSummary, type TrainingView } from "./training-view.js";

export async function getTraining(ctx: OrgContext, trainingId: string): Promise<TrainingView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    readTrainingView(tx, ctx, trainingId),
  );
}

/** Trainings the organization runs or takes part in, the soonest first and undated ones last. */
export async function listTrainings(
  ctx: OrgContext,
  filter: { status?: TrainingStatus } = {},
): Promise<TrainingSummary[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select({
        training: trainings,
        firstSessionAt: sql<
          string | null
        >`(select min(s.starts_at) from training_sessions s where s.training_id = trainings.id)`,
        lastSessionEndsAt: sql<
          string | null
        >`(select max(s.ends_at) from training_sessions s where s.training_id = trainings.id)`,
        sessionCount: sql<number>`(select count(*)::int from training_sessions s where s.training_id = trainings.id)`,
      })
      .from(trainings)
      .where(filter.status ? eq(trainings.status, filter.status) : undefined)
      .orderBy(desc(trainings.createdAt), desc(trainings.id))
      .limit(500);
    const names = await organizationNames(
      tx,
      rows.map((r) => r.training.organizationId),
    );
    const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));
    return rows
      .map(({ training, firstSessionAt, lastSessionEndsAt, sessionCount }) => ({
        id: training.id,
        kind: training.kind,
        title: training.title,
        status: training.status,
        owner: { id: training.organizationId, name: names.get(training.organizationId)?.name ?? "" },
        firstSessionAt: toDate(firstSessionAt),
        lastSessionEndsAt: toDate(lastSessionEndsAt),
        sessionCount: Number(sessionCount),
        createdAt: training.createdAt,
      }))
      .sort((a, b) => {
        if (a.firstSessionAt && b.firstSessionAt)
          return a.firstSessionAt.getTime() - b.firstSessionAt.getTime();
        return a.firstSessionAt ? -1 : b.firstSessionAt ? 1 : 0;
      });
  });
}

export interface CreateTrainingInput {
  kind: "bip_skapa" | "event";
  title: string;
  description?: string | null;
  costSplitRule?: CostSplitRule;
  /** NNS: the intresseanmälningar the training answers; their förbund become its parties. */
  requestIds?: string[];
  /** NNS: further förbund, or förbund without a request, with their seats. */
  parties?: { organizationId: string; seats: number | null }[];
}

export async function createTraining(ctx: OrgContext, input: CreateTrainingInput): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  const nns = ctx.organization.kind === "nns";
  if (input.kind === "bip_skapa" && !nns) {
    throw fieldError(
      "body.kind",
      "bip_skapa_by_nns",
      "BIP/SKAPA-utbildningar bokas genom en intresseanmälan till NNS.",
    );
  }
  if (input.kind === "event" && nns) {
    throw fieldError(
      "body.kind",
      "event_by_forbund",
      "Egna utbildningsdagar skapas av förbundet som håller i dem.",
    );
  }
  if (input.kind === "event" && (input.parties?.length || input.requestIds?.length)) {
    throw fieldError(
      input.parties?.length ? "body.parties" : "body.requestIds",
      "event_has_no_parties",
      "En egen utbildningsdag har inga andra medverkande förbund.",
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [training] = await tx
      .insert(trainings)
      .values({
        organizationId: ctx.organization.id,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        costSplitRule: input.costSplitRule ?? "equal",
      })
      .returning();
    if (!training) throw new Error("training insert returned nothing");
    const scheduled =
      input.kind === "bip_skapa" ? await scheduleRequests(tx, input.requestIds ?? [], training.id) : [];
    const parties = new Map<string, { seats: number | null; contactEmail: string | null }>();
    if (input.kind === "event") parties.set(ctx.organization.id, { seats: null, contactEmail: null });
    for (const request of scheduled) {
      parties.set(request.organization.id, { seats: null, contactEmail: request.contactEmail });
    }
    for (const [index, party] of (input.parties ?? []).entries()) {
      const [org] = await tx
        .select({ kind: organizations.kind })
        .from(organizations)
        .where(eq(organizations.id, party.organizationId));
      if (org?.kind !== "forbund") {
        throw fieldError(`body.parties.${index}.organizationId`, "unknown_forbund", "Förbundet finns inte.");
      }
      parties.set(party.organizationId, {
        ...(parties.get(party.organizationId) ?? { contactEmail: null }),
        seats: party.seats,
      });
    }
    if (input.kind === "bip_skapa" && parties.size === 0) {
      throw fieldError(
        "body.requestIds",
        "party_required",
        "Välj minst en intresseanmälan eller ett förbund.",
      );
    }
    if (training.costSplitRule === "seats" && [...parties.values()].some((p) => !p.seats)) {
      throw seatsRequired("body.costSplitRule");
    }
    // Join order is the split's tie-break: requests in the order given, then further förbund.
    for (const [organizationId, party] of parties) {
      await tx.insert(trainingParties).values({
        organizationId,
        trainingId: training.id,
        ownerOrganizationId: ctx.organization.id,
        seats: party.seats,
        contactEmail: party.contactEmail,
      });
    }
    if (input.kind === "bip_skapa") {
      const [price] = await tx
        .select()
        .from(priceListItems)
        .where(
          and(
            eq(priceListItems.organizationId, ctx.organization.id),
            eq(priceListItems.code, BIP_SKAPA_PRICE_CODE),
          ),
        );
      if (price) {
        await tx.insert(trainingCostLines).values({
          organizationId: ctx.organization.id,
          trainingId: training.id,
          priceItemCode: price.code,
          description: price.name,
          quantity: 1,
          unitPriceOre: price.unitPriceOre,
          vatRateBasisPoints: price.vatRateBasisPoints,
        });
      }
    }
    const view = await readTrainingView(tx, ctx, training.id);
    await audit(tx, ctx, {
      action: "training.created",
      entityType: "training",
      entityId: training.id,
      after: view,
    });
    await emitWebhookEvent(tx, ctx, "training.created", trainingRecipients(trainingObject(view)));
    for (const request of scheduled) {
      await emitWebhookEvent(tx, ctx, "training_request.scheduled", [
        {
          organizationId: request.organization.id,
          object: {
            id: request.id,
            organizationId: request.organization.id,
            status: request.status,
            trainingId: view.id,
          },
        },
      ]);
    }
    for (const request of scheduled) {
      await ctx.deps.mailer.queue(
        tx,
        await requestScheduledEmail({
          to: request.contactEmail,
          trainingTitle: view.title,
          organizationName: request.organization.name,
          sharedWith: view.parties
            .filter((p) => p.organizationId !== request.organization.id)
            .map((p) => p.organizationName),
          organizationId: request.organization.id,
        }),
      );
    }
    return view;
  });
}

export async function updateTraining(
  ctx: OrgContext,
  trainingId: string,
  input: { title?: string; description?: string | null; costSplitRule?: CostSplitRule },
  expectedVersion: number | null,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readTrainingView(tx, ctx, trainingId);
    requireOwner(before.viewer.isOwner);
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The training has changed since you read it.");
    }
    assertChangeable(before.status);
    if (input.costSplitRule === "seats" && before.parties.some((p) => !p.seats)) {
      throw seatsRequired("body.costSplitRule");
    }
    await tx
      .update(trainings)
      .set({ ...input, version: sql`${trainings.version} + 1`, updatedAt: new Date() })
      .where(eq(trainings.id, trainingId));
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: "training.updated",
      entityType: "training",
      entityId: trainingId,
      before,
      after,
    });
    return after;
  });
}

export type TrainingTransition = "plan" | "confirm" | "complete" | "cancel";
const TARGET: Record<TrainingTransition, TrainingStatus> = {
  plan: "planned",
  confirm: "confirmed",
  complete: "completed",
  cancel: "cancelled",
};

/**
 * Moves a training along its lifecycle. Planning needs dated sessions (and, for BIP/SKAPA, a certified
 * trainer on each); completing needs the last session to be over and sends the follow-up survey;
 * cancelling records who and why, tells everyone registered, and reopens the intresseanmälningar the
 * training answered so NNS can pair and schedule them again.
 */
export async function moveTraining(
  ctx: OrgContext,
  trainingId: string,
  transition: TrainingTransition,
  reason: string | null,
): Promise<TrainingView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readTrainingView(tx, ctx, trainingId);
    requireOwner(before.viewer.isOwner);
    const to = TARGET[transition];
    assertTransition(before.status, to);
    if (transition === "plan" || transition === "confirm") {
      if (before.sessions.length === 0) {
        throw new AppError("conflict", "Add at least one session with a date before planning the training.");
      }
      if (before.kind === "bip_skapa" && before.sessions.some((s) => s.trainers.length === 0)) {
        throw new AppError("conflict", "Every session of a BIP/SKAPA training needs a certified trainer.");
      }
      // Certifications may have been revoked, or trainers archived, since they were assigned.
      for (const [index, session] of before.sessions.entries()) {
        await assertTrainersCertified(
          tx,
          ctx.organization.id,
          session.trainers.map((t) => t.id),
          stockholmDate(session.startsAt),
          stockholmDate(session.endsAt),
          `sessions.${index}.trainerIds`,
        );
      }
    }
    // Cancelling or completing closes registration: wait for registrations in flight on every session.
    if (transition === "cancel" || transition === "complete") {
      await lockSessions(
        tx,
        before.sessions.map((s) => s.id),
      );
    }
    if (
      transition === "complete" &&
      (!before.lastSessionEndsAt || before.lastSessionEndsAt.getTime() > Date.now())
    ) {
      throw new AppError("conflict", "A training is completed after its last session has ended.");
    }
    if (transition === "cancel" && !reason?.trim()) {
      throw fieldError("body.reason", "required", "Ange varför utbildningen ställs in.");
    }
    const now = new Date();
    await tx
      .update(trainings)
      .set({
        status: to,
        ...(transition === "cancel" && {
          cancelledAt: now,
          cancelledBy: actorFields(ctx).actorLabel,
          cancellationReason: reason,
        }),
        ...(transition === "complete" && { completedAt: now }),
        version: sql`${trainings.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(trainings.id, trainingId), eq(trainings.status, before.status)))
      .returning({ id: trainings.id })
      .then((rows) => {
        if (rows.length === 0)
          throw new AppError("conflict", "The training changed status meanwhile; reload it.");
      });
    if (transition === "complete") await sendSurveys(tx, ctx, trainingId, before.title);
    if (transition === "cancel") {
      await tellCancelled(tx, ctx, before, reason ?? "");
      // The förbund still want the training: their intresseanmälningar go back to NNS to plan again.
      await reopenRequests(tx, ctx, before, reason ?? "", now);
    }
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: `training.${transition}`,
      entityType: "training",
      entityId: trainingId,
      before,
      after,
    });
    if (transition === "confirm" || transition === "cancel") {
      const type = transition === "confirm" ? "training.confirmed" : "training.cancelled";
      await emitWebhookEvent(tx, ctx, type, trainingRecipients(trainingObject(after)));
    }
    return after;
  });
}

async function tellCancelled(tx: Tx, ctx: OrgContext, training: TrainingView, reason: string): Promise<void> {
  const people = await tx
    .selectDistinct({
      email: trainingParticipants.email,
      organizationId: trainingParticipants.organizationId,
    })
    .from(trainingParticipants)
    .innerJoin(
      sessionRegistrations,
      // On the tenant too: a join between distributed tables stays on one shard (docs/scale-out.md).
      and(
        eq(sessionRegistrations.organizationId, trainingParticipants.organizationId),
        eq(sessionRegistrations.participantId, trainingParticipants.id),
      ),
    )
    .where(
      and(eq(trainingParticipants.trainingId, training.id), ne(sessionRegistrations.status, "cancelled")),
    );
  const recipients = new Map<string, string>();
  for (const p of training.parties)
    if (p.contactEmail) recipients.set(p.contactEmail.toLowerCase(), p.organizationId);
  for (const p of people) recipients.set(p.email.toLowerCase(), p.organizationId);
  for (const [to, organizationId] of recipients)
    await ctx.deps.mailer.queue(
      tx,
      await trainingCancelledEmail({ to, trainingTitle: training.title, reason, organizationId }),
    );
}
