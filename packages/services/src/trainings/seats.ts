// Routes: apps/api/src/routes/trainings — seats left (/trainings/{id}/seats); and the seat counts and
// session locks every writer of seat holders (registration, cancellation, parties, sessions) goes through.
import { sessionRegistrations, type Tx, trainingParties, trainingSessions, transaction } from "@nns/db";
import { type PartySeats, type SeatCounts, seatsLeft } from "@nns/domain";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { inOrganizationScope, loadTraining } from "./scope.js";

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
    return inOrganizationScope(tx, ctx, access.training.organizationId, async () => {
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

/** Locks every session of a training, for changes that affect who may hold a seat in any of them. */
export async function lockTrainingSessions(tx: Tx, trainingId: string): Promise<string[]> {
  const sessions = await tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId));
  const ids = sessions.map((s) => s.id);
  await lockSessions(tx, ids);
  return ids;
}

/** Serializes every change to one session's seats, on PostgreSQL and PGlite alike. */
export async function lockSessions(tx: Tx, sessionIds: readonly string[]): Promise<void> {
  for (const id of [...sessionIds].sort()) await tx.execute(sql`select ${sessionLock(id)}`);
}

/** Takes one session's lock until commit; every writer of seat holders uses it, always in id order. */
export function sessionLock(sessionId: string): SQL {
  return sql`pg_advisory_xact_lock(hashtextextended('session:' || ${idLiteral(sessionId)}, 0))`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id written into the statement's text instead of sent as a parameter. With `prepare: false` (needed
 * behind PgBouncer in transaction mode) postgres.js has the server describe every statement that has
 * parameters before running it: one more round trip, and nothing queued behind it is sent meanwhile. The
 * statements run while a session's lock is held carry only ids, written this way so they pipeline.
 */
export function idLiteral(id: string): SQL {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql.raw(`'${id}'`);
}
