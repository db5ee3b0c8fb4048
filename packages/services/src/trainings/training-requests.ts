// Routes: apps/api/src/routes/training-requests — intresseanmälningar; and NNS's pairing of them
// (apps/api/src/routes/trainers: /nns/training-pairings).
import { type CancelledTrainingRecord, organizations, type Tx, trainingRequests, transaction } from "@nns/db";
import { AppError, fieldError, type PairingSuggestion, suggestPairings } from "@nns/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { requestReopenedEmail } from "../mail/training-templates.js";
import { emitWebhookEvent } from "../webhooks/events.js";
import { nnsOrganizationId } from "./scope.js";

type RequestRow = typeof trainingRequests.$inferSelect;

export interface TrainingRequestView {
  id: string;
  organization: { id: string; name: string; countyCode: string | null };
  periodStart: string;
  periodEnd: string;
  expectedParticipants: number;
  deliveryPreference: "digital" | "on_site" | "either";
  openToSharing: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  notes: string | null;
  status: "submitted" | "scheduled" | "withdrawn" | "declined";
  trainingId: string | null;
  /** Trainings it was scheduled to that were cancelled, oldest first: each time it became open again. */
  cancelledTrainings: CancelledTrainingRecord[];
  decisionNote: string | null;
  createdAt: Date;
  version: number;
}

export interface TrainingRequestInput {
  periodStart: string;
  periodEnd: string;
  expectedParticipants: number;
  deliveryPreference: "digital" | "on_site" | "either";
  openToSharing: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone?: string | null;
  notes?: string | null;
}

async function withOrganizations(tx: Tx, rows: RequestRow[]): Promise<TrainingRequestView[]> {
  if (rows.length === 0) return [];
  const orgs = await tx
    .select({ id: organizations.id, name: organizations.name, countyCode: organizations.countyCode })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(rows.map((r) => r.organizationId))]));
  return rows.map((row) => {
    const {
      organizationId,
      coordinatorOrganizationId: _,
      createdByUserId: __,
      updatedAt: ___,
      ...rest
    } = row;
    const organization = orgs.find((o) => o.id === organizationId) ?? {
      id: organizationId,
      name: "",
      countyCode: null,
    };
    return { ...rest, organization };
  });
}

/**
 * The requests the acting organization can see: a förbund its own, NNS every request addressed to it.
 * Row-level security decides which; the filter on status is the caller's.
 */
export async function listTrainingRequests(
  ctx: OrgContext,
  filter: { status?: TrainingRequestView["status"] } = {},
): Promise<TrainingRequestView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(trainingRequests)
      .where(filter.status ? eq(trainingRequests.status, filter.status) : undefined)
      .orderBy(desc(trainingRequests.createdAt), desc(trainingRequests.id))
      .limit(500);
    return withOrganizations(tx, rows);
  });
}

export async function readRequest(tx: Tx, requestId: string): Promise<TrainingRequestView> {
  const [row] = await tx.select().from(trainingRequests).where(eq(trainingRequests.id, requestId));
  if (!row) throw new AppError("not_found", "The training request does not exist.");
  const [view] = await withOrganizations(tx, [row]);
  return view as TrainingRequestView;
}

export async function getTrainingRequest(ctx: OrgContext, requestId: string): Promise<TrainingRequestView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    readRequest(tx, requestId),
  );
}

export async function submitTrainingRequest(
  ctx: OrgContext,
  input: TrainingRequestInput,
): Promise<TrainingRequestView> {
  requirePermission(ctx, "trainings:book");
  if (ctx.organization.kind !== "forbund") {
    throw new AppError("forbidden", "Training requests are sent by a förbund.");
  }
  if (input.periodEnd < input.periodStart) {
    throw fieldError("body.periodEnd", "after_period_start", "Perioden kan inte sluta innan den börjar.");
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .insert(trainingRequests)
      .values({
        organizationId: ctx.organization.id,
        coordinatorOrganizationId: await nnsOrganizationId(tx),
        ...input,
        contactPhone: input.contactPhone ?? null,
        notes: input.notes ?? null,
        createdByUserId: actorUserId(ctx.actor),
      })
      .returning();
    const view = await readRequest(tx, (row as RequestRow).id);
    await audit(tx, ctx, {
      action: "training_request.submitted",
      entityType: "training_request",
      entityId: view.id,
      after: view,
    });
    return view;
  });
}

/** A förbund withdraws its own request, or NNS declines one addressed to it; both keep the record. */
export async function closeTrainingRequest(
  ctx: OrgContext,
  requestId: string,
  outcome: "withdrawn" | "declined",
  note: string | null,
): Promise<TrainingRequestView> {
  requirePermission(ctx, outcome === "withdrawn" ? "trainings:book" : "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readRequest(tx, requestId);
    const own = before.organization.id === ctx.organization.id;
    if (outcome === "withdrawn" ? !own : own) {
      throw new AppError(
        "forbidden",
        outcome === "withdrawn"
          ? "Only the förbund that sent a request may withdraw it."
          : "Only NNS declines requests.",
      );
    }
    if (before.status !== "submitted") {
      throw new AppError("conflict", `The request is already ${before.status}.`);
    }
    await tx
      .update(trainingRequests)
      .set({ status: outcome, decisionNote: note, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(trainingRequests.id, requestId));
    const after = await readRequest(tx, requestId);
    await audit(tx, ctx, {
      action: `training_request.${outcome}`,
      entityType: "training_request",
      entityId: requestId,
      before,
      after,
    });
    return after;
  });
}

export interface PairingSuggestionView extends PairingSuggestion {
  requests: [TrainingRequestView, TrainingRequestView];
}

/** NNS's pairing suggestions among the open requests addressed to it. */
export async function pairingSuggestions(ctx: OrgContext): Promise<PairingSuggestionView[]> {
  requirePermission(ctx, "trainings:manage");
  if (ctx.organization.kind !== "nns") throw new AppError("forbidden", "Pairing is done by NNS.");
  const open = await listTrainingRequests(ctx, { status: "submitted" });
  const incoming = open.filter((r) => r.organization.id !== ctx.organization.id);
  const byId = new Map(incoming.map((r) => [r.id, r]));
  return suggestPairings(
    incoming.map((r) => ({
      id: r.id,
      organizationId: r.organization.id,
      countyCode: r.organization.countyCode,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      expectedParticipants: r.expectedParticipants,
      deliveryPreference: r.deliveryPreference,
      openToSharing: r.openToSharing,
    })),
  ).map((s) => ({
    ...s,
    requests: [byId.get(s.requestIds[0]), byId.get(s.requestIds[1])] as [
      TrainingRequestView,
      TrainingRequestView,
    ],
  }));
}

/** Marks requests as turned into a training; called inside the training's creation. */
export async function scheduleRequests(
  tx: Tx,
  requestIds: readonly string[],
  trainingId: string,
): Promise<TrainingRequestView[]> {
  const views: TrainingRequestView[] = [];
  for (const [index, id] of requestIds.entries()) {
    const request = await readRequest(tx, id).catch(() => {
      throw fieldError(`body.requestIds.${index}`, "unknown_request", "Intresseanmälan finns inte.");
    });
    if (request.status !== "submitted") {
      throw fieldError(
        `body.requestIds.${index}`,
        "request_not_open",
        "Intresseanmälan är redan besvarad eller återtagen.",
      );
    }
    await tx
      .update(trainingRequests)
      .set({ status: "scheduled", trainingId, updatedAt: new Date(), version: request.version + 1 })
      .where(and(eq(trainingRequests.id, id), eq(trainingRequests.status, "submitted")));
    views.push({ ...request, status: "scheduled", trainingId });
  }
  return views;
}

/**
 * Hands a cancelled training's intresseanmälningar back to NNS, called inside the cancellation: each is
 * open ("submitted") again, without the training, and keeps it in `cancelledTrainings`; it is audited,
 * and the förbund's contact is told by e-mail in the same transaction. Returns the reopened requests.
 */
export async function reopenRequests(
  tx: Tx,
  ctx: OrgContext,
  training: { id: string; title: string },
  reason: string,
  cancelledAt: Date,
): Promise<TrainingRequestView[]> {
  const rows = await tx
    .select()
    .from(trainingRequests)
    .where(and(eq(trainingRequests.trainingId, training.id), eq(trainingRequests.status, "scheduled")))
    .orderBy(asc(trainingRequests.createdAt), asc(trainingRequests.id));
  const reopened: TrainingRequestView[] = [];
  for (const row of rows) {
    const before = await readRequest(tx, row.id);
    const record: CancelledTrainingRecord = {
      trainingId: training.id,
      title: training.title,
      cancelledAt: cancelledAt.toISOString(),
      reason,
    };
    await tx
      .update(trainingRequests)
      .set({
        status: "submitted",
        trainingId: null,
        cancelledTrainings: [...row.cancelledTrainings, record],
        updatedAt: cancelledAt,
        version: row.version + 1,
      })
      .where(eq(trainingRequests.id, row.id));
    const after = await readRequest(tx, row.id);
    await audit(tx, ctx, {
      action: "training_request.reopened",
      entityType: "training_request",
      entityId: row.id,
      before,
      after,
    });
    await ctx.deps.mailer.queue(
      tx,
      await requestReopenedEmail({
        to: after.contactEmail,
        trainingTitle: training.title,
        reason,
        periodStart: after.periodStart,
        periodEnd: after.periodEnd,
        organizationId: after.organization.id,
      }),
    );
    await emitWebhookEvent(tx, ctx, "training_request.reopened", [
      {
        organizationId: after.organization.id,
        object: {
          id: after.id,
          organizationId: after.organization.id,
          status: after.status,
          trainingId: null,
          cancelledTrainingId: training.id,
        },
      },
    ]);
    reopened.push(after);
  }
  return reopened;
}
