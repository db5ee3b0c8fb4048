// Routes: apps/api/src/routes/event-series — a förbund's recurring events (/event-series) with each year's
// figures side by side, and putting an event in a series (/trainings/{id}/series).
import { eventSeries, type Tx, trainingSessions, trainings, transaction } from "@nns/db";
import { AppError, fieldError, type TrainingStatus } from "@nns/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { readEventBudget } from "./event-budget.js";
import { type EventOutcome, readEventOutcome } from "./event-figures.js";
import { loadTraining, requireOwner, stockholmDate } from "./scope.js";

export interface EventSeriesSummary {
  id: string;
  name: string;
  description: string | null;
  eventCount: number;
  version: number;
  createdAt: Date;
}

export interface EventEditionView {
  trainingId: string;
  title: string;
  /** The year of its first session in Sweden, or of its creation when it never got a date. */
  year: number;
  status: TrainingStatus;
  firstSessionAt: Date | null;
  /** How it was held: all sessions digital (e.g. webcast), on site, or both; null without sessions. */
  mode: "digital" | "on_site" | "mixed" | null;
  cancellationReason: string | null;
  /** Null for a cancelled year: it has its reason instead. */
  outcome: EventOutcome | null;
  budgetOre: number;
  actualOre: number | null;
}

export interface EventSeriesView extends EventSeriesSummary {
  /** One per event, oldest year first: the year-on-year view. */
  editions: EventEditionView[];
}

export interface EventSeriesInput {
  name: string;
  description?: string | null;
}

function requireForbund(ctx: OrgContext): void {
  if (ctx.organization.kind !== "forbund")
    throw new AppError("not_found", "Event series are a förbund's own.");
}

async function assertNameFree(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const [taken] = await tx
    .select({ id: eventSeries.id })
    .from(eventSeries)
    .where(
      and(
        sql`lower(${eventSeries.name}) = lower(${name})`,
        exceptId ? sql`${eventSeries.id} <> ${exceptId}` : undefined,
      ),
    );
  if (taken) {
    throw new AppError("already_exists", "A series with this name exists.", {
      errors: [{ field: "body.name", rule: "unique", message: "Det finns redan en serie med det namnet." }],
    });
  }
}

async function readSummaries(tx: Tx, id?: string): Promise<EventSeriesSummary[]> {
  return tx
    .select({
      id: eventSeries.id,
      name: eventSeries.name,
      description: eventSeries.description,
      eventCount: sql<number>`(select count(*)::int from trainings t where t.series_id = event_series.id)`,
      version: eventSeries.version,
      createdAt: eventSeries.createdAt,
    })
    .from(eventSeries)
    .where(id ? eq(eventSeries.id, id) : undefined)
    .orderBy(asc(eventSeries.name))
    .limit(200);
}

export async function listEventSeries(ctx: OrgContext): Promise<EventSeriesSummary[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) => readSummaries(tx));
}

export async function createEventSeries(ctx: OrgContext, input: EventSeriesInput): Promise<EventSeriesView> {
  requirePermission(ctx, "trainings:manage");
  requireForbund(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await assertNameFree(tx, input.name, null);
    const [row] = await tx
      .insert(eventSeries)
      .values({
        organizationId: ctx.organization.id,
        name: input.name,
        description: input.description ?? null,
      })
      .returning({ id: eventSeries.id });
    if (!row) throw new Error("series insert returned nothing");
    const after = await readSeriesView(tx, ctx, row.id);
    await audit(tx, ctx, {
      action: "event_series.created",
      entityType: "event_series",
      entityId: row.id,
      after,
    });
    return after;
  });
}

export async function updateEventSeries(
  ctx: OrgContext,
  seriesId: string,
  input: Partial<EventSeriesInput>,
  expectedVersion: number | null,
): Promise<EventSeriesView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [before] = await readSummaries(tx, seriesId);
    if (!before) throw new AppError("not_found", "The event series does not exist.");
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError("precondition_failed", "The series has changed since you read it.");
    }
    if (input.name !== undefined) await assertNameFree(tx, input.name, seriesId);
    await tx
      .update(eventSeries)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        version: sql`${eventSeries.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(eventSeries.id, seriesId));
    const after = await readSeriesView(tx, ctx, seriesId);
    await audit(tx, ctx, {
      action: "event_series.updated",
      entityType: "event_series",
      entityId: seriesId,
      before,
      after: { name: after.name, description: after.description },
    });
    return after;
  });
}

/** The series with every year's figures side by side: registered, attended, women/men, satisfaction, cost. */
export async function getEventSeries(ctx: OrgContext, seriesId: string): Promise<EventSeriesView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    readSeriesView(tx, ctx, seriesId),
  );
}

async function readSeriesView(tx: Tx, ctx: OrgContext, seriesId: string): Promise<EventSeriesView> {
  const [summary] = await readSummaries(tx, seriesId);
  if (!summary) throw new AppError("not_found", "The event series does not exist.");
  const events = await tx
    .select({
      id: trainings.id,
      createdAt: trainings.createdAt,
      firstSessionAt: sql<
        string | null
      >`(select min(s.starts_at) from training_sessions s where s.training_id = trainings.id)`,
    })
    .from(trainings)
    .where(eq(trainings.seriesId, seriesId));
  const editions: EventEditionView[] = [];
  for (const event of events) {
    const access = await loadTraining(tx, ctx, event.id);
    const { training } = access;
    const modes = await tx
      .selectDistinct({ mode: trainingSessions.mode })
      .from(trainingSessions)
      .where(eq(trainingSessions.trainingId, training.id));
    const firstSessionAt = event.firstSessionAt ? new Date(event.firstSessionAt) : null;
    const budget = await readEventBudget(tx, ctx, access);
    const cancelled = training.status === "cancelled";
    const outcome = cancelled ? null : await readEventOutcome(tx, ctx, access);
    editions.push({
      trainingId: training.id,
      title: training.title,
      year: Number(stockholmDate(firstSessionAt ?? event.createdAt).slice(0, 4)),
      status: training.status,
      firstSessionAt,
      mode: modes.length === 0 ? null : modes.length > 1 ? "mixed" : (modes[0]?.mode ?? null),
      cancellationReason: training.cancellationReason,
      outcome: outcome
        ? {
            source: outcome.source,
            registered: outcome.registered,
            attended: outcome.attended,
            attendedWomen: outcome.attendedWomen,
            attendedMen: outcome.attendedMen,
            attendedOther: outcome.attendedOther,
            surveyResponses: outcome.surveyResponses,
            satisfaction: outcome.satisfaction,
          }
        : null,
      budgetOre: budget.budgetOre,
      actualOre: budget.actualOre,
    });
  }
  editions.sort(
    (a, b) => a.year - b.year || (a.firstSessionAt?.getTime() ?? 0) - (b.firstSessionAt?.getTime() ?? 0),
  );
  return { ...summary, editions };
}

/**
 * Puts the förbund's own event in one of its series, or takes it out (`seriesId` null). Any status: a
 * cancelled year belongs in the series too, with its reason.
 */
export async function setEventSeries(
  ctx: OrgContext,
  trainingId: string,
  seriesId: string | null,
): Promise<EventSeriesView | null> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireOwner(access.isOwner);
    if (access.training.kind !== "event") {
      throw new AppError("conflict", "Only a förbund's own events belong to a series.");
    }
    if (seriesId) {
      // Row-level security hides other förbund's series: one that is not found is not the förbund's.
      const [series] = await tx
        .select({ id: eventSeries.id })
        .from(eventSeries)
        .where(eq(eventSeries.id, seriesId));
      if (!series) throw fieldError("body.seriesId", "unknown_series", "Välj en av förbundets egna serier.");
    }
    await tx
      .update(trainings)
      .set({ seriesId, version: sql`${trainings.version} + 1`, updatedAt: new Date() })
      .where(eq(trainings.id, trainingId));
    await audit(tx, ctx, {
      action: "training.series_set",
      entityType: "training",
      entityId: trainingId,
      before: { seriesId: access.training.seriesId },
      after: { seriesId },
    });
    return seriesId ? readSeriesView(tx, ctx, seriesId) : null;
  });
}
