import {
  sessionRegistrations,
  type Tx,
  trainingParticipants,
  trainingParties,
  trainingSessions,
  trainings,
} from "@nns/db";
import { nextToPromote, type PartySeats, registrationOpen, type SeatCounts } from "@nns/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { promotedEmail } from "../mail/training-templates.js";
import { sessionsCalendar } from "./calendar.js";
import { asTrainingOwner, inScopeOf, organizationName, type TrainingRow } from "./scope.js";

export interface SeatState {
  session: SeatCounts;
  parties: Map<string, PartySeats>;
}

/** Seat counts for a session across every förbund. Call in the owner's scope, with the session locked. */
export async function seatState(tx: Tx, trainingId: string, sessionId: string): Promise<SeatState> {
  const [session] = await tx
    .select({ capacity: trainingSessions.capacity })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  const parties = await tx
    .select({
      organizationId: trainingParties.organizationId,
      allocation: trainingParties.seats,
      // Spelled out: drizzle renders a bare column name here, which the subquery would bind to r.
      confirmed: sql<number>`(select count(*)::int from session_registrations r
        where r.session_id = ${sessionId} and r.organization_id = training_parties.organization_id
          and r.status = 'confirmed')`,
    })
    .from(trainingParties)
    .where(eq(trainingParties.trainingId, trainingId));
  const [total] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, "confirmed")));
  const confirmed = Number(total?.n ?? 0);
  return {
    session: { capacity: session?.capacity ?? null, confirmed },
    parties: new Map(
      parties.map((p) => [p.organizationId, { allocation: p.allocation, confirmed: Number(p.confirmed) }]),
    ),
  };
}

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
  type Moved = { registrationId: string; organizationId: string; name: string; email: string };
  const promoted = await asTrainingOwner(tx, ctx, training, async (): Promise<Moved[]> => {
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
        organizationId: entry.organizationId,
        name: entry.name,
        email: entry.email,
      });
    }
    return moved;
  });
  if (promoted.length === 0) return;
  const [session] = await asTrainingOwner(tx, ctx, training, () =>
    tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)),
  );
  if (!session) return;
  for (const person of promoted) {
    // The promoted person's förbund gets the entry in its own audit log.
    await inScopeOf(tx, ctx, person.organizationId, () =>
      writeAudit(tx, ctx, person.organizationId, {
        action: "registration.promoted",
        entityType: "session_registration",
        entityId: person.registrationId,
        after: { sessionId, trainingId: training.id, status: "confirmed" },
      }),
    );
    await ctx.deps.mailer.queue(
      tx,
      promotedEmail({
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
  }
}
