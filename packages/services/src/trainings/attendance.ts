// Routes: apps/api/src/routes/training-participants — a session's roster and attendance
// (/trainings/{id}/sessions/{id}/roster, /attendance) and a trainer's own sessions (/my-sessions).
import {
  sessionRegistrations,
  type Tx,
  trainers,
  trainingParticipants,
  trainingSessions,
  trainingSessionTrainers,
  trainings,
  transaction,
} from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadTraining, type TrainingAccess } from "./scope.js";

/** A trainer may open the roster shortly before the start, as people arrive. */
const ATTENDANCE_OPENS_BEFORE_MS = 30 * 60_000;

/**
 * Roster and attendance belong to the training's owner: a trainer assigned to the session, or someone
 * who runs the organization's trainings. Anyone else's training does not exist for them.
 */
async function requireSessionAccess(
  tx: Tx,
  ctx: OrgContext,
  trainingId: string,
  sessionId: string,
): Promise<TrainingAccess> {
  const access = await loadTraining(tx, ctx, trainingId).catch(() => null);
  if (!access?.isOwner) throw new AppError("not_found", "The training does not exist.");
  const assigned = ctx.actor.type === "user" && (await isAssignedTrainer(tx, sessionId, ctx.actor.email));
  if (!assigned && !ctx.permissions.has("trainings:manage")) {
    throw new AppError("forbidden", "Only a trainer assigned to the session, or the organizer, may do this.");
  }
  return access;
}

/**
 * Attendance for a session, taken by a trainer assigned to it or by the training's owner. Only people
 * with a seat can have attended.
 */
export async function recordAttendance(
  ctx: OrgContext,
  trainingId: string,
  sessionId: string,
  entries: { registrationId: string; attended: boolean }[],
): Promise<{ registrationId: string; attended: boolean | null }[]> {
  requirePermission(ctx, "sessions:attend");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await requireSessionAccess(tx, ctx, trainingId, sessionId);
    // Attendance feeds the follow-up: it is taken once the session has begun, and frozen when the
    // training is completed (the survey has gone out) or cancelled.
    if (access.training.status !== "planned" && access.training.status !== "confirmed") {
      throw new AppError(
        "conflict",
        `Attendance cannot change while the training is ${access.training.status}.`,
      );
    }
    const [session] = await tx
      .select({ startsAt: trainingSessions.startsAt })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.trainingId, trainingId)));
    if (!session) throw new AppError("not_found", "The session does not exist.");
    if (session.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS > Date.now()) {
      throw new AppError("conflict", "Attendance is taken once the session has begun.");
    }
    const registrations = await tx
      .select()
      .from(sessionRegistrations)
      .where(
        and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.trainingId, trainingId)),
      );
    const now = new Date();
    for (const [index, entry] of entries.entries()) {
      const registration = registrations.find((r) => r.id === entry.registrationId);
      if (!registration) {
        throw fieldError(
          `body.entries.${index}.registrationId`,
          "unknown_registration",
          "Anmälan finns inte för tillfället.",
        );
      }
      if (registration.status !== "confirmed") {
        throw fieldError(
          `body.entries.${index}.registrationId`,
          "not_confirmed",
          "Bara personer med plats kan närvaroregistreras.",
        );
      }
      await tx
        .update(sessionRegistrations)
        .set({ attended: entry.attended, attendanceRecordedAt: now })
        .where(
          and(
            eq(sessionRegistrations.id, entry.registrationId),
            eq(sessionRegistrations.status, "confirmed"),
          ),
        );
    }
    await audit(tx, ctx, {
      action: "training.attendance_recorded",
      entityType: "training_session",
      entityId: sessionId,
      after: entries,
    });
    const after = await tx
      .select({ registrationId: sessionRegistrations.id, attended: sessionRegistrations.attended })
      .from(sessionRegistrations)
      .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, "confirmed")))
      .orderBy(asc(sessionRegistrations.queuePosition));
    return after;
  });
}

/** The roster a trainer or owner takes attendance from: confirmed people with their förbund. */
export async function sessionRoster(ctx: OrgContext, trainingId: string, sessionId: string) {
  requirePermission(ctx, "sessions:attend");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await requireSessionAccess(tx, ctx, trainingId, sessionId);
    return tx
      .select({
        registrationId: sessionRegistrations.id,
        organizationId: sessionRegistrations.organizationId,
        name: trainingParticipants.name,
        employer: trainingParticipants.employer,
        attended: sessionRegistrations.attended,
      })
      .from(sessionRegistrations)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, sessionRegistrations.participantId))
      .where(
        and(
          eq(sessionRegistrations.sessionId, sessionId),
          eq(sessionRegistrations.trainingId, trainingId),
          eq(sessionRegistrations.status, "confirmed"),
        ),
      )
      .orderBy(asc(trainingParticipants.name));
  });
}

export interface TrainerSessionView {
  sessionId: string;
  trainingId: string;
  trainingTitle: string;
  trainingStatus: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  videoLink: string | null;
}

/** The sessions assigned to the signed-in trainer, for their own overview and attendance. */
export async function mySessions(ctx: OrgContext): Promise<TrainerSessionView[]> {
  requirePermission(ctx, "sessions:attend");
  if (ctx.actor.type !== "user")
    throw new AppError("forbidden", "Only a trainer's own account has sessions.");
  const email = ctx.actor.email;
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    return tx
      .select({
        sessionId: trainingSessions.id,
        trainingId: trainings.id,
        trainingTitle: trainings.title,
        trainingStatus: trainings.status,
        title: trainingSessions.title,
        startsAt: trainingSessions.startsAt,
        endsAt: trainingSessions.endsAt,
        mode: trainingSessions.mode,
        location: trainingSessions.location,
        videoLink: trainingSessions.videoLink,
      })
      .from(trainingSessionTrainers)
      .innerJoin(trainers, eq(trainers.id, trainingSessionTrainers.trainerId))
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSessionTrainers.sessionId))
      .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
      .where(and(sql`lower(${trainers.email}) = lower(${email})`, sql`${trainings.status} <> 'cancelled'`))
      .orderBy(asc(trainingSessions.startsAt));
  });
}

/** Whether the signed-in person (a trainer is known by their email) is assigned to the session. */
export async function isAssignedTrainer(tx: Tx, sessionId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: trainers.id })
    .from(trainingSessionTrainers)
    .innerJoin(trainers, eq(trainers.id, trainingSessionTrainers.trainerId))
    .where(
      and(
        eq(trainingSessionTrainers.sessionId, sessionId),
        sql`lower(${trainers.email}) = lower(${email})`,
        isNull(trainers.archivedAt),
      ),
    );
  return row !== undefined;
}
