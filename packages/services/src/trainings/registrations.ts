import {
  sessionRegistrations,
  type Tx,
  trainingParticipants,
  trainingSessions,
  trainings,
  transaction,
} from "@nns/db";
import { AppError, fieldError, type Gender, hasFreeSeat, registrationOpen, seatsLeft } from "@nns/domain";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { registrationEmail } from "../mail/training-templates.js";
import { sessionsCalendar } from "./calendar.js";
import {
  asTrainingOwner,
  loadTraining,
  lockSessions,
  organizationName,
  type TrainingAccess,
} from "./scope.js";
import { isAssignedTrainer } from "./trainers.js";
import { promoteWaiting, seatState } from "./waiting-list.js";

/** A trainer may open the roster shortly before the start, as people arrive. */
const ATTENDANCE_OPENS_BEFORE_MS = 30 * 60_000;

export interface RegistrationInput {
  name: string;
  email: string;
  employer?: string | null;
  jobTitle?: string | null;
  gender?: Gender | null;
  contactConsent: boolean;
  sessionIds: string[];
}

export interface ParticipantView {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  employer: string | null;
  jobTitle: string | null;
  gender: Gender | null;
  contactConsent: boolean;
  registrations: {
    id: string;
    sessionId: string;
    status: "confirmed" | "waitlisted" | "cancelled";
    /** 1-based place on the session's waiting list, counted across förbund; null unless waitlisted. */
    waitingPosition: number | null;
    attended: boolean | null;
  }[];
  createdAt: Date;
}

/**
 * Participants visible to the acting organization (its own; the owner sees all), with their registrations.
 * Waiting-list positions are counted in the owner's scope, where the whole queue is visible.
 */
async function readParticipants(
  tx: Tx,
  ctx: OrgContext,
  access: TrainingAccess,
  ids?: string[],
): Promise<ParticipantView[]> {
  const trainingId = access.training.id;
  const people = await tx
    .select()
    .from(trainingParticipants)
    .where(
      and(
        eq(trainingParticipants.trainingId, trainingId),
        access.isOwner ? undefined : eq(trainingParticipants.organizationId, ctx.organization.id),
        ids ? inArray(trainingParticipants.id, ids) : undefined,
      ),
    )
    .orderBy(asc(trainingParticipants.createdAt), asc(trainingParticipants.id));
  if (people.length === 0) return [];
  const registrations = await tx
    .select()
    .from(sessionRegistrations)
    .where(
      inArray(
        sessionRegistrations.participantId,
        people.map((p) => p.id),
      ),
    )
    .orderBy(asc(sessionRegistrations.queuePosition));
  const queues = await asTrainingOwner(tx, ctx, access.training, () =>
    tx
      .select({ id: sessionRegistrations.id, sessionId: sessionRegistrations.sessionId })
      .from(sessionRegistrations)
      .where(
        and(eq(sessionRegistrations.trainingId, trainingId), eq(sessionRegistrations.status, "waitlisted")),
      )
      .orderBy(asc(sessionRegistrations.queuePosition)),
  );
  const position = (registrationId: string, sessionId: string) => {
    const index = queues.filter((q) => q.sessionId === sessionId).findIndex((q) => q.id === registrationId);
    return index < 0 ? null : index + 1;
  };
  return people.map((p) => ({
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    email: p.email,
    employer: p.employer,
    jobTitle: p.jobTitle,
    gender: p.gender,
    contactConsent: p.contactConsent,
    registrations: registrations
      .filter((r) => r.participantId === p.id)
      .map((r) => ({
        id: r.id,
        sessionId: r.sessionId,
        status: r.status,
        waitingPosition: r.status === "waitlisted" ? position(r.id, r.sessionId) : null,
        attended: r.attended,
      })),
    createdAt: p.createdAt,
  }));
}

export async function listParticipants(ctx: OrgContext, trainingId: string): Promise<ParticipantView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    readParticipants(tx, ctx, await loadTraining(tx, ctx, trainingId)),
  );
}

export interface SeatsView {
  sessionId: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** Seats the acting förbund can still fill in this session; null when unlimited. */
  seatsLeftForYou: number | null;
}

/** Seats left per session for the acting förbund, within the session's capacity and its allocation. */
export async function seatsOverview(ctx: OrgContext, trainingId: string): Promise<SeatsView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    return asTrainingOwner(tx, ctx, access.training, async () => {
      const sessions = await tx
        .select({ id: trainingSessions.id })
        .from(trainingSessions)
        .where(eq(trainingSessions.trainingId, trainingId))
        .orderBy(asc(trainingSessions.startsAt));
      const views: SeatsView[] = [];
      for (const session of sessions) {
        const state = await seatState(tx, trainingId, session.id);
        const waitlisted = await tx.$count(
          sessionRegistrations,
          and(eq(sessionRegistrations.sessionId, session.id), eq(sessionRegistrations.status, "waitlisted")),
        );
        const party = state.parties.get(ctx.organization.id);
        views.push({
          sessionId: session.id,
          capacity: state.session.capacity,
          confirmed: state.session.confirmed,
          waitlisted,
          seatsLeftForYou: party ? seatsLeft(state.session, party) : 0,
        });
      }
      return views;
    });
  });
}

/**
 * Registers a person for one or more sessions. Each session is locked, then its seats are counted across
 * every förbund: a free seat within the session's capacity and the förbund's allocation is taken at
 * once, otherwise the person joins the waiting list in the order the locks were won. Confirmation goes
 * by email with a calendar file for the confirmed sessions.
 */
export async function registerParticipant(
  ctx: OrgContext,
  trainingId: string,
  input: RegistrationInput,
): Promise<ParticipantView> {
  requirePermission(ctx, "trainings:register");
  const sessionIds = [...new Set(input.sessionIds)];
  if (sessionIds.length === 0) {
    throw fieldError("body.sessionIds", "too_small", "Välj minst ett tillfälle.");
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    if (!access.party)
      throw new AppError("forbidden", "Only a förbund taking part may register participants.");
    if (!registrationOpen(access.training.status)) {
      throw new AppError(
        "conflict",
        `Registration is not open while the training is ${access.training.status}.`,
      );
    }
    const sessions = await tx
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.trainingId, trainingId), inArray(trainingSessions.id, sessionIds)));
    for (const [index, id] of sessionIds.entries()) {
      const session = sessions.find((s) => s.id === id);
      if (!session)
        throw fieldError(
          `body.sessionIds.${index}`,
          "unknown_session",
          "Tillfället finns inte i utbildningen.",
        );
      if (session.endsAt.getTime() <= Date.now()) {
        throw fieldError(`body.sessionIds.${index}`, "session_over", "Tillfället har redan varit.");
      }
    }
    // The same person may be booked for more sessions later: their förbund's record is reused.
    const sameEmail = and(
      eq(trainingParticipants.trainingId, trainingId),
      eq(trainingParticipants.organizationId, ctx.organization.id),
      sql`lower(${trainingParticipants.email}) = lower(${input.email})`,
    );
    const [inserted] = await tx
      .insert(trainingParticipants)
      .values({
        organizationId: ctx.organization.id,
        trainingId,
        ownerOrganizationId: access.training.organizationId,
        name: input.name,
        email: input.email,
        employer: input.employer ?? null,
        jobTitle: input.jobTitle ?? null,
        gender: input.gender ?? null,
        contactConsent: input.contactConsent,
        createdByUserId: actorUserId(ctx.actor),
      })
      .onConflictDoNothing()
      .returning();
    const [participant] = inserted
      ? [inserted]
      : await tx.select().from(trainingParticipants).where(sameEmail);
    if (!participant) throw new Error("participant neither inserted nor found");
    const live = await tx
      .select({ sessionId: sessionRegistrations.sessionId })
      .from(sessionRegistrations)
      .where(
        and(
          eq(sessionRegistrations.participantId, participant.id),
          ne(sessionRegistrations.status, "cancelled"),
        ),
      );
    const newSessionIds = sessionIds.filter((id) => !live.some((l) => l.sessionId === id));
    if (newSessionIds.length === 0) {
      throw new AppError("already_exists", "This person is already registered for these sessions.", {
        errors: [
          {
            field: "body.email",
            rule: "unique",
            message: "Personen är redan anmäld till de valda tillfällena.",
          },
        ],
      });
    }
    await lockSessions(tx, newSessionIds);
    // Re-read under the locks: a cancellation or completion that won them first closes registration.
    const [current] = await tx
      .select({ status: trainings.status })
      .from(trainings)
      .where(eq(trainings.id, trainingId));
    if (!current || !registrationOpen(current.status)) {
      throw new AppError("conflict", `Registration is not open while the training is ${current?.status}.`);
    }
    const decisions = await asTrainingOwner(tx, ctx, access.training, async () => {
      const result = new Map<string, "confirmed" | "waitlisted">();
      for (const id of newSessionIds) {
        const state = await seatState(tx, trainingId, id);
        const party = state.parties.get(ctx.organization.id) ?? { allocation: null, confirmed: 0 };
        result.set(id, hasFreeSeat(state.session, party) ? "confirmed" : "waitlisted");
      }
      return result;
    });
    for (const id of [...newSessionIds].sort()) {
      await tx.insert(sessionRegistrations).values({
        organizationId: ctx.organization.id,
        ownerOrganizationId: access.training.organizationId,
        trainingId,
        sessionId: id,
        participantId: participant.id,
        status: decisions.get(id) ?? "waitlisted",
      });
    }
    const [view] = await readParticipants(tx, ctx, access, [participant.id]);
    await audit(tx, ctx, {
      action: "registration.created",
      entityType: "training_participant",
      entityId: participant.id,
      after: view,
    });
    const decided = sessions.filter((s) => decisions.has(s.id));
    const confirmed = decided.filter((s) => decisions.get(s.id) === "confirmed");
    const organizerName = await organizationName(tx, access.training.organizationId);
    await ctx.deps.mailer.queue(
      tx,
      registrationEmail({
        to: participant.email,
        participantName: participant.name,
        trainingTitle: access.training.title,
        organizerName,
        confirmed,
        waitlisted: decided.filter((s) => decisions.get(s.id) === "waitlisted"),
        ics:
          confirmed.length > 0
            ? sessionsCalendar({
                trainingTitle: access.training.title,
                organizerName,
                sessions: confirmed,
                host: new URL(ctx.deps.config.publicUrl).host,
              })
            : null,
        organizationId: ctx.organization.id,
      }),
    );
    return view as ParticipantView;
  });
}

/**
 * Cancels one registration (a förbund its own people; the owner anyone's). A freed seat goes to the next
 * person on the waiting list in the same transaction, so exactly one person moves up per seat.
 */
export async function cancelRegistration(
  ctx: OrgContext,
  trainingId: string,
  registrationId: string,
): Promise<ParticipantView> {
  requirePermission(ctx, "trainings:register");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    const [found] = await tx
      .select()
      .from(sessionRegistrations)
      .where(
        and(eq(sessionRegistrations.id, registrationId), eq(sessionRegistrations.trainingId, trainingId)),
      );
    if (!found || (!access.isOwner && found.organizationId !== ctx.organization.id)) {
      throw new AppError("not_found", "The registration does not exist.");
    }
    await lockSessions(tx, [found.sessionId]);
    // The status that counts is the one under the lock: a concurrent cancellation may have promoted it.
    const [locked] = await tx
      .select({ status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .where(eq(sessionRegistrations.id, registrationId));
    if (!locked || locked.status === "cancelled") {
      throw new AppError("conflict", "The registration is already cancelled.");
    }
    await tx
      .update(sessionRegistrations)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelledBy: actorFields(ctx).actorLabel })
      .where(eq(sessionRegistrations.id, registrationId));
    if (locked.status === "confirmed") {
      await promoteWaiting(tx, ctx, access.training, found.sessionId);
    }
    const [view] = await readParticipants(tx, ctx, access, [found.participantId]);
    await audit(tx, ctx, {
      action: "registration.cancelled",
      entityType: "session_registration",
      entityId: registrationId,
      before: { status: locked.status },
      after: { status: "cancelled" },
    });
    return view as ParticipantView;
  });
}

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

/** The training's sessions as an iCalendar file, for anyone who can see the training. */
export async function trainingCalendar(ctx: OrgContext, trainingId: string): Promise<string> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    const sessions = await tx
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.trainingId, trainingId))
      .orderBy(asc(trainingSessions.startsAt));
    return sessionsCalendar({
      trainingTitle: access.training.title,
      organizerName: await organizationName(tx, access.training.organizationId),
      sessions,
      host: new URL(ctx.deps.config.publicUrl).host,
    });
  });
}
