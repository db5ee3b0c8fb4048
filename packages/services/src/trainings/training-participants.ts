// Routes: apps/api/src/routes/training-participants — the people a förbund registers for a training, and
// cancelling a registration (/trainings/{id}/participants, /registrations/{id}/cancel).
// Longer than 400 lines: registration and cancellation for staff and for the public event page share one path through the seat locks, kept together so both always follow the same rules.
import { randomUUID } from "node:crypto";
import { sessionRegistrations, type Tx, trainingParticipants, trainingSessions, transaction } from "@nns/db";
import { AppError, fieldError, type Gender, registrationOpen } from "@nns/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import type { OutgoingEmail } from "../mail/mailer.js";
import { registrationEmail } from "../mail/training-templates.js";
import { emitRegistrationEvent } from "../webhooks/events.js";
import { sessionsCalendar } from "./calendar.js";
import { assertOwnMemberParty } from "./event-figures.js";
import {
  inOrganizationScope,
  loadTraining,
  organizationName,
  type TrainingAccess,
  type TrainingRow,
} from "./scope.js";
import { decideSeats, insertRegistrations, type SeatDecision } from "./seat-decision.js";
import { lockSessions } from "./seats.js";
import { promoteWaiting } from "./waiting-list.js";

export interface RegistrationInput {
  name: string;
  email: string;
  employer?: string | null;
  jobTitle?: string | null;
  gender?: Gender | null;
  memberPartyId?: string | null;
  contactConsent: boolean;
  sessionIds: string[];
}

/** For a caller that registers someone inside a transaction of its own (the public event sign-up). */
export interface RegistrationOptions {
  /** The caller's transaction, already scoped to the acting organization. */
  tx?: Tx;
  /** A link the person follows to cancel themselves, for the confirmation email. */
  cancelUrl?: (participantId: string) => string;
}

export interface ParticipantView {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  employer: string | null;
  jobTitle: string | null;
  gender: Gender | null;
  memberPartyId: string | null;
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
  const queues = await inOrganizationScope(tx, ctx, access.training.organizationId, () =>
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
  return people.map((p) =>
    participantView(
      p,
      registrations
        .filter((r) => r.participantId === p.id)
        .map((r) => ({
          id: r.id,
          sessionId: r.sessionId,
          status: r.status,
          waitingPosition: r.status === "waitlisted" ? position(r.id, r.sessionId) : null,
          attended: r.attended,
        })),
    ),
  );
}

function participantView(
  p: typeof trainingParticipants.$inferSelect,
  registrations: ParticipantView["registrations"],
): ParticipantView {
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    email: p.email,
    employer: p.employer,
    jobTitle: p.jobTitle,
    gender: p.gender,
    memberPartyId: p.memberPartyId,
    contactConsent: p.contactConsent,
    registrations,
    createdAt: p.createdAt,
  };
}

export async function listParticipants(ctx: OrgContext, trainingId: string): Promise<ParticipantView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    readParticipants(tx, ctx, await loadTraining(tx, ctx, trainingId)),
  );
}

/**
 * Registers a person for one or more sessions. A free seat within the session's capacity and the
 * förbund's allocation, counted across every förbund, is taken at once; otherwise the person joins the
 * waiting list in the order the sessions' locks were won. Confirmation goes by email with a calendar file
 * for the confirmed sessions.
 *
 * The sessions' locks serialize every registration for them, so they are held only for the seat decision
 * (decision 0010): everything that does not depend on it (checks, the person's record, the email for
 * each likely outcome) is done before they are taken; after, one round trip decides and one writes the
 * registrations, the email and the audit entry, then the transaction commits.
 */
export async function registerParticipant(
  ctx: OrgContext,
  trainingId: string,
  input: RegistrationInput,
  options: RegistrationOptions = {},
): Promise<ParticipantView> {
  requirePermission(ctx, "trainings:register");
  const sessionIds = [...new Set(input.sessionIds)];
  if (sessionIds.length === 0) {
    throw fieldError("body.sessionIds", "too_small", "Välj minst ett tillfälle.");
  }
  const register = async (tx: Tx): Promise<ParticipantView> => {
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
    await assertOwnMemberParty(tx, ctx.organization.id, input.memberPartyId, "body.memberPartyId");
    // The same person may be booked for more sessions later: their förbund's record is reused.
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
        memberPartyId: input.memberPartyId ?? null,
        contactConsent: input.contactConsent,
        createdByUserId: actorUserId(ctx.actor),
      })
      .onConflictDoNothing()
      .returning();
    const [participant] = inserted
      ? [inserted]
      : await tx
          .select()
          .from(trainingParticipants)
          .where(
            and(
              eq(trainingParticipants.trainingId, trainingId),
              eq(trainingParticipants.organizationId, ctx.organization.id),
              sql`lower(${trainingParticipants.email}) = lower(${input.email})`,
            ),
          );
    if (!participant) throw new Error("participant neither inserted nor found");
    const earlier = inserted
      ? []
      : ((await readParticipants(tx, ctx, access, [participant.id]))[0]?.registrations ?? []);
    const newSessionIds = sessionIds
      .filter((id) => !earlier.some((r) => r.sessionId === id && r.status !== "cancelled"))
      .sort();
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
    const email = await registrationEmails(
      tx,
      ctx,
      access.training,
      participant,
      sessions,
      newSessionIds,
      options.cancelUrl?.(participant.id) ?? null,
    );
    // From here until commit the sessions are locked: the seats are decided in the owner's scope, where
    // every förbund's registrations count; the registrations, the email and the audit entry go with the
    // way back to the förbund's scope, in one round trip.
    return inOrganizationScope(
      tx,
      ctx,
      access.training.organizationId,
      () => decideSeats(tx, trainingId, ctx.organization.id, newSessionIds),
      async (decisions) => {
        const added = newSessionIds.map((sessionId) => ({
          id: randomUUID(),
          sessionId,
          ...(decisions.get(sessionId) as SeatDecision),
          attended: null,
        }));
        const view = participantView(participant, [...earlier, ...added]);
        await Promise.all([
          insertRegistrations(
            tx,
            {
              organizationId: ctx.organization.id,
              ownerOrganizationId: access.training.organizationId,
              trainingId,
              participantId: participant.id,
            },
            added,
          ),
          email(decisions).then((message) => ctx.deps.mailer.queue(tx, message)),
          audit(tx, ctx, {
            action: "registration.created",
            entityType: "training_participant",
            entityId: participant.id,
            after: view,
          }),
        ]);
        for (const registration of added) {
          await emitRegistrationEvent(
            tx,
            ctx,
            "registration.created",
            access.training.organizationId,
            {
              id: registration.id,
              trainingId,
              sessionId: registration.sessionId,
              participantId: participant.id,
              organizationId: ctx.organization.id,
              status: registration.status,
            },
            participant,
          );
        }
        return view;
      },
    );
  };
  return options.tx
    ? register(options.tx)
    : transaction(ctx.deps.db, { organizationId: ctx.organization.id }, register);
}

/**
 * The confirmation email for whichever seats the person gets. The outcomes where every session goes the
 * same way, by far the most common, are composed now, before the sessions are locked; a mixed outcome is
 * composed when it happens.
 */
async function registrationEmails(
  tx: Tx,
  ctx: OrgContext,
  training: TrainingRow,
  participant: { email: string; name: string },
  sessions: (typeof trainingSessions.$inferSelect)[],
  sessionIds: readonly string[],
  cancelUrl: string | null,
): Promise<(decisions: ReadonlyMap<string, SeatDecision>) => Promise<OutgoingEmail>> {
  const organizerName = await organizationName(tx, training.organizationId);
  const host = new URL(ctx.deps.config.publicUrl).host;
  const compose = (confirmedIds: ReadonlySet<string>): Promise<OutgoingEmail> => {
    const decided = sessions.filter((s) => sessionIds.includes(s.id));
    const confirmed = decided.filter((s) => confirmedIds.has(s.id));
    return registrationEmail({
      to: participant.email,
      participantName: participant.name,
      trainingTitle: training.title,
      organizerName,
      confirmed,
      waitlisted: decided.filter((s) => !confirmedIds.has(s.id)),
      ics:
        confirmed.length > 0
          ? sessionsCalendar({ trainingTitle: training.title, organizerName, sessions: confirmed, host })
          : null,
      cancelUrl,
      organizationId: ctx.organization.id,
    });
  };
  const [allConfirmed, allWaiting] = await Promise.all([compose(new Set(sessionIds)), compose(new Set())]);
  return async (decisions) => {
    const confirmedIds = new Set(sessionIds.filter((id) => decisions.get(id)?.status === "confirmed"));
    if (confirmedIds.size === sessionIds.length) return allConfirmed;
    if (confirmedIds.size === 0) return allWaiting;
    return compose(confirmedIds);
  };
}

/**
 * Cancels one registration (a förbund its own people; the owner anyone's). A freed seat goes to the next
 * person on the waiting list in the same transaction, so exactly one person moves up per seat.
 */
export async function cancelRegistration(
  ctx: OrgContext,
  trainingId: string,
  registrationId: string,
  options: { tx?: Tx } = {},
): Promise<ParticipantView> {
  requirePermission(ctx, "trainings:register");
  const cancel = async (tx: Tx): Promise<ParticipantView> => {
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
    const view = (await readParticipants(tx, ctx, access, [found.participantId]))[0] as ParticipantView;
    await audit(tx, ctx, {
      action: "registration.cancelled",
      entityType: "session_registration",
      entityId: registrationId,
      before: { status: locked.status },
      after: { status: "cancelled" },
    });
    await emitRegistrationEvent(
      tx,
      ctx,
      "registration.cancelled",
      access.training.organizationId,
      {
        id: registrationId,
        trainingId,
        sessionId: found.sessionId,
        participantId: found.participantId,
        organizationId: found.organizationId,
        status: "cancelled",
      },
      view,
    );
    return view;
  };
  return options.tx
    ? cancel(options.tx)
    : transaction(ctx.deps.db, { organizationId: ctx.organization.id }, cancel);
}
