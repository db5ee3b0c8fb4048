import {
  organizations,
  priceListItems,
  sessionRegistrations,
  type Tx,
  trainers,
  trainingCostLines,
  trainingParticipants,
  trainingParties,
  trainingPrintCosts,
  trainingSessions,
  trainingSessionTrainers,
  trainings,
  transaction,
} from "@nns/db";
import { AppError, assertTransition, type CostSplitRule, fieldError, type TrainingStatus } from "@nns/domain";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requestScheduledEmail, trainingCancelledEmail } from "../mail/training-templates.js";
import { scheduleRequests } from "./requests.js";
import {
  asTrainingOwner,
  loadTraining,
  lockSessions,
  lockTrainingSessions,
  organizationNames,
  requireOwner,
  stockholmDate,
  type TrainingRow,
} from "./scope.js";
import { BIP_SKAPA_PRICE_CODE, BIP_SKAPA_TEMPLATE_KEY, readTemplate } from "./settings.js";
import { sendSurveys } from "./surveys.js";
import { assertTrainersCertified } from "./trainers.js";
import { promoteWaiting } from "./waiting-list.js";

export interface TrainingSummary {
  id: string;
  kind: "bip_skapa" | "event";
  title: string;
  status: TrainingStatus;
  owner: { id: string; name: string };
  firstSessionAt: Date | null;
  lastSessionEndsAt: Date | null;
  sessionCount: number;
  createdAt: Date;
}

export interface TrainingSessionView {
  id: string;
  stepKey: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  videoLink: string | null;
  capacity: number | null;
  trainers: { id: string; name: string }[];
  confirmed: number;
  waitlisted: number;
  version: number;
}

export interface PartyView {
  organizationId: string;
  organizationName: string;
  countyCode: string | null;
  seats: number | null;
  contactEmail: string | null;
  joinedAt: Date;
}

export interface TrainingView extends TrainingSummary {
  description: string | null;
  costSplitRule: CostSplitRule;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  completedAt: Date | null;
  surveySentAt: Date | null;
  sessions: TrainingSessionView[];
  parties: PartyView[];
  /** How the acting organization relates to the training. */
  viewer: { isOwner: boolean; isParty: boolean };
  version: number;
}

/** Sessions with their trainers and seat counts; read in the owner's scope, which sees every förbund's seats. */
async function readSessions(tx: Tx, trainingId: string): Promise<TrainingSessionView[]> {
  const sessions = await tx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const assigned = await tx
    .select({ sessionId: trainingSessionTrainers.sessionId, id: trainers.id, name: trainers.name })
    .from(trainingSessionTrainers)
    .innerJoin(trainers, eq(trainers.id, trainingSessionTrainers.trainerId))
    .where(inArray(trainingSessionTrainers.sessionId, ids))
    .orderBy(asc(trainers.name));
  const counts = await tx
    .select({
      sessionId: sessionRegistrations.sessionId,
      status: sessionRegistrations.status,
      n: sql<number>`count(*)::int`,
    })
    .from(sessionRegistrations)
    .where(and(inArray(sessionRegistrations.sessionId, ids), ne(sessionRegistrations.status, "cancelled")))
    .groupBy(sessionRegistrations.sessionId, sessionRegistrations.status);
  const count = (sessionId: string, status: string) =>
    Number(counts.find((c) => c.sessionId === sessionId && c.status === status)?.n ?? 0);
  return sessions.map((s) => ({
    id: s.id,
    stepKey: s.stepKey,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    mode: s.mode,
    location: s.location,
    videoLink: s.videoLink,
    capacity: s.capacity,
    trainers: assigned.filter((a) => a.sessionId === s.id).map(({ id, name }) => ({ id, name })),
    confirmed: count(s.id, "confirmed"),
    waitlisted: count(s.id, "waitlisted"),
    version: s.version,
  }));
}

async function readParties(tx: Tx, trainingId: string): Promise<PartyView[]> {
  const rows = await tx
    .select()
    .from(trainingParties)
    .where(eq(trainingParties.trainingId, trainingId))
    .orderBy(asc(trainingParties.joinOrder));
  const names = await organizationNames(
    tx,
    rows.map((r) => r.organizationId),
  );
  return rows.map((r) => ({
    organizationId: r.organizationId,
    organizationName: names.get(r.organizationId)?.name ?? "",
    countyCode: names.get(r.organizationId)?.countyCode ?? null,
    seats: r.seats,
    contactEmail: r.contactEmail,
    joinedAt: r.joinedAt,
  }));
}

export async function readTrainingView(tx: Tx, ctx: OrgContext, trainingId: string): Promise<TrainingView> {
  const access = await loadTraining(tx, ctx, trainingId);
  const { training } = access;
  const { sessions, parties } = await asTrainingOwner(tx, ctx, training, async () => ({
    sessions: await readSessions(tx, trainingId),
    parties: await readParties(tx, trainingId),
  }));
  const owner = await organizationNames(tx, [training.organizationId]);
  return {
    id: training.id,
    kind: training.kind,
    title: training.title,
    description: training.description,
    status: training.status,
    owner: { id: training.organizationId, name: owner.get(training.organizationId)?.name ?? "" },
    costSplitRule: training.costSplitRule,
    firstSessionAt: sessions[0]?.startsAt ?? null,
    lastSessionEndsAt: sessions.reduce<Date | null>((a, s) => (!a || s.endsAt > a ? s.endsAt : a), null),
    sessionCount: sessions.length,
    cancelledAt: training.cancelledAt,
    cancelledBy: training.cancelledBy,
    cancellationReason: training.cancellationReason,
    completedAt: training.completedAt,
    surveySentAt: training.surveySentAt,
    sessions,
    // Co-booking förbund see each other's names and seats (they share the cost), never their contacts.
    parties: access.isOwner
      ? parties
      : parties.map((p) => ({
          ...p,
          contactEmail: p.organizationId === ctx.organization.id ? p.contactEmail : null,
        })),
    viewer: { isOwner: access.isOwner, isParty: access.party !== null },
    createdAt: training.createdAt,
    version: training.version,
  };
}

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
    for (const request of scheduled) {
      await ctx.deps.mailer.queue(
        tx,
        requestScheduledEmail({
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

function seatsRequired(field: string) {
  return fieldError(
    field,
    "seats_required",
    "Alla förbund behöver ett antal platser för att dela kostnaden efter platser.",
  );
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
 * cancelling records who and why and tells everyone registered.
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
    if (transition === "cancel") await tellCancelled(tx, ctx, before, reason ?? "");
    const after = await readTrainingView(tx, ctx, trainingId);
    await audit(tx, ctx, {
      action: `training.${transition}`,
      entityType: "training",
      entityId: trainingId,
      before,
      after,
    });
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
    .innerJoin(sessionRegistrations, eq(sessionRegistrations.participantId, trainingParticipants.id))
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
      trainingCancelledEmail({ to, trainingTitle: training.title, reason, organizationId }),
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
      throw new AppError("conflict", "A förbund's own event has no other parties.");
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
    await loadChangeableTraining(tx, ctx, trainingId);
    await lockTrainingSessions(tx, trainingId);
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
    const removed = await tx
      .delete(trainingParties)
      .where(
        and(eq(trainingParties.trainingId, trainingId), eq(trainingParties.organizationId, organizationId)),
      )
      .returning();
    if (removed.length === 0)
      throw new AppError("not_found", "The förbund does not take part in the training.");
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

function assertChangeable(status: TrainingStatus): void {
  if (status === "completed" || status === "cancelled") {
    throw new AppError("conflict", `The training is ${status} and can no longer change.`);
  }
}

/** A training the acting organization runs and that is still open to change. */
async function loadChangeableTraining(tx: Tx, ctx: OrgContext, trainingId: string) {
  const access = await loadTraining(tx, ctx, trainingId);
  requireOwner(access.isOwner);
  assertChangeable(access.training.status);
  return access;
}

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
    await loadChangeableTraining(tx, ctx, trainingId);
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
