// Moving people up a session's waiting list when seats free up; called by the services that free them.
import { sessionRegistrations, type Tx, trainingParticipants, trainingSessions, trainings } from "@nns/db";
import { nextToPromote, registrationOpen } from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { promotedEmail } from "../mail/training-templates.js";
import { emitRegistrationEvent } from "../webhooks/events.js";
import { sessionsCalendar } from "./calendar.js";
import { inOrganizationScope, organizationName, type TrainingRow } from "./scope.js";
import { seatState } from "./seats.js";

/**
 * Moves people up the waiting list while seats are free, in queue order, each within their förbund's
 * allocation; tells each one by email with a calendar invitation. The caller holds the session's lock.
 */
export async function promoteWaiting(
  tx: Tx,
  ctx: OrgContext,
  training: TrainingRow,
  sessionId: string,
): Promise<void> {
  type Moved = {
    registrationId: string;
    participantId: string;
    organizationId: string;
    name: string;
    email: string;
  };
  const promoted = await inOrganizationScope(tx, ctx, training.organizationId, async (): Promise<Moved[]> => {
    // Read under the session's lock: a cancelled or finished training, or a session that is over, moves nobody.
    const [current] = await tx
      .select({ status: trainings.status, endsAt: trainingSessions.endsAt })
      .from(trainingSessions)
      .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
      .where(eq(trainingSessions.id, sessionId));
    if (!current || !registrationOpen(current.status) || current.endsAt.getTime() <= Date.now()) return [];
    const moved: Moved[] = [];
    const waiting = await tx
      .select({
        id: sessionRegistrations.id,
        participantId: sessionRegistrations.participantId,
        organizationId: sessionRegistrations.organizationId,
        sequence: sessionRegistrations.queuePosition,
        name: trainingParticipants.name,
        email: trainingParticipants.email,
      })
      .from(sessionRegistrations)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, sessionRegistrations.participantId))
      .where(
        and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, "waitlisted")),
      )
      .orderBy(asc(sessionRegistrations.queuePosition));
    if (waiting.length === 0) return moved;
    const state = await seatState(tx, training.id, sessionId);
    let queue = waiting;
    for (;;) {
      const next = nextToPromote(state.session, queue, state.parties);
      if (!next) break;
      const entry = queue.find((w) => w.id === next.id);
      if (!entry) break;
      await tx
        .update(sessionRegistrations)
        .set({ status: "confirmed", promotedAt: new Date() })
        .where(eq(sessionRegistrations.id, entry.id));
      state.session.confirmed += 1;
      const party = state.parties.get(entry.organizationId);
      if (party) party.confirmed += 1;
      queue = queue.filter((w) => w.id !== entry.id);
      moved.push({
        registrationId: entry.id,
        participantId: entry.participantId,
        organizationId: entry.organizationId,
        name: entry.name,
        email: entry.email,
      });
    }
    return moved;
  });
  if (promoted.length === 0) return;
  const [session] = await inOrganizationScope(tx, ctx, training.organizationId, () =>
    tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)),
  );
  if (!session) return;
  for (const person of promoted) {
    // The promoted person's förbund gets the entry in its own audit log.
    await inOrganizationScope(tx, ctx, person.organizationId, () =>
      writeAudit(tx, ctx, person.organizationId, {
        action: "registration.promoted",
        entityType: "session_registration",
        entityId: person.registrationId,
        after: { sessionId, trainingId: training.id, status: "confirmed" },
      }),
    );
    await ctx.deps.mailer.queue(
      tx,
      await promotedEmail({
        to: person.email,
        participantName: person.name,
        trainingTitle: training.title,
        session,
        ics: sessionsCalendar({
          trainingTitle: training.title,
          organizerName: await organizationName(tx, training.organizationId),
          sessions: [session],
          host: new URL(ctx.deps.config.publicUrl).host,
        }),
        organizationId: person.organizationId,
      }),
    );
    await emitRegistrationEvent(
      tx,
      ctx,
      "registration.promoted",
      training.organizationId,
      {
        id: person.registrationId,
        trainingId: training.id,
        sessionId,
        participantId: person.participantId,
        organizationId: person.organizationId,
        status: "confirmed",
      },
      person,
    );
  }
}
