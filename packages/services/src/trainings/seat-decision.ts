// The seat decision at registration: locks and counts pipelined in one round trip (decision 0010).
import { rowsOf, type Tx } from "@nns/db";
import { AppError, hasFreeSeat, registrationOpen, type TrainingStatus } from "@nns/domain";
import { type SQL, sql } from "drizzle-orm";
import { idLiteral, sessionLock } from "./seats.js";

export interface SeatDecision {
  status: "confirmed" | "waitlisted";
  /** 1-based place on the session's waiting list, counted across förbund; null when confirmed. */
  waitingPosition: number | null;
}

/** Set by the last lock statement, checked by the count: see `decideSeats`. */
const LOCKED_MARK = sql.raw("'app.seats_locked'");

interface SeatRow {
  session_id: string;
  capacity: number | null;
  training_status: TrainingStatus;
  allocation: number | null;
  confirmed: number;
  party_confirmed: number;
  waitlisted: number;
  locked: boolean;
}

/**
 * Takes the sessions' locks and decides, for one more person from `organizationId`, whether each session
 * has a seat for them within its capacity and the förbund's allocation, or a place on the waiting list.
 *
 * The lock statements and the count go to the database together, pipelined on the transaction's
 * connection, where they run in the order sent: the count, a statement of its own, sees every seat change
 * committed before the locks were won, and no round trip to this process lies between winning the locks
 * and knowing the seats. The last lock statement marks the transaction and the count reads the mark, so a
 * count that ever ran before its locks fails loudly instead of deciding on stale numbers.
 *
 * Call in the training owner's scope, where every förbund's registrations are counted; the caller writes
 * the registrations before commit, which releases the locks.
 */
export async function decideSeats(
  tx: Tx,
  trainingId: string,
  organizationId: string,
  sessionIds: readonly string[],
): Promise<Map<string, SeatDecision>> {
  const ids = [...sessionIds].sort();
  const mark = idLiteral(ids.at(-1) as string);
  const locks = ids.map((id, index) =>
    tx.execute(
      index < ids.length - 1
        ? sql`select ${sessionLock(id)}`
        : sql`select ${sessionLock(id)}, set_config(${LOCKED_MARK}, ${mark}, true)`,
    ),
  );
  const org = idLiteral(organizationId);
  const count = (condition: SQL) =>
    sql`(select count(*)::int from session_registrations r where r.session_id = s.id and ${condition})`;
  const read = tx.execute(sql`
    select s.id as session_id, s.capacity, t.status as training_status, p.seats as allocation,
      ${count(sql`r.status = 'confirmed'`)} as confirmed,
      ${count(sql`r.status = 'confirmed' and r.organization_id = ${org}`)} as party_confirmed,
      ${count(sql`r.status = 'waitlisted'`)} as waitlisted,
      current_setting(${LOCKED_MARK}, true) = ${mark} as locked
    from training_sessions s
    join trainings t on t.id = s.training_id
    left join training_parties p on p.training_id = s.training_id and p.organization_id = ${org}
    where s.training_id = ${idLiteral(trainingId)}
      and s.id in (${sql.join(ids.map(idLiteral), sql`, `)})`);
  // Locks first: the statements start in the order `Promise.all` takes them.
  const [, result] = await Promise.all([Promise.all(locks), read]);
  const rows = rowsOf<SeatRow>(result);
  if (rows.some((row) => !row.locked))
    throw new Error("seats were counted before their sessions were locked");
  const decisions = new Map<string, SeatDecision>();
  for (const id of ids) {
    const row = rows.find((r) => r.session_id === id);
    // A cancellation, completion or removal that won the locks first closes registration.
    if (!row) throw new AppError("conflict", "The session was removed while registering.");
    if (!registrationOpen(row.training_status)) {
      throw new AppError(
        "conflict",
        `Registration is not open while the training is ${row.training_status}.`,
      );
    }
    const free = hasFreeSeat(
      { capacity: row.capacity, confirmed: Number(row.confirmed) },
      { allocation: row.allocation, confirmed: Number(row.party_confirmed) },
    );
    decisions.set(
      id,
      free
        ? { status: "confirmed", waitingPosition: null }
        : { status: "waitlisted", waitingPosition: Number(row.waitlisted) + 1 },
    );
  }
  return decisions;
}

/** The registrations as decided, in one statement without parameters, so it pipelines (see `idLiteral`). */
export function insertRegistrations(
  tx: Tx,
  registration: {
    organizationId: string;
    ownerOrganizationId: string;
    trainingId: string;
    participantId: string;
  },
  decided: readonly { id: string; sessionId: string; status: SeatDecision["status"] }[],
) {
  const status = (value: SeatDecision["status"]) =>
    value === "confirmed" ? sql.raw("'confirmed'") : sql.raw("'waitlisted'");
  const rows = decided.map(
    (r) =>
      sql`(${idLiteral(r.id)}, ${idLiteral(registration.organizationId)}, ${idLiteral(registration.ownerOrganizationId)},
        ${idLiteral(registration.trainingId)}, ${idLiteral(r.sessionId)}, ${idLiteral(registration.participantId)},
        ${status(r.status)})`,
  );
  return tx.execute(sql`insert into session_registrations
    (id, organization_id, owner_organization_id, training_id, session_id, participant_id, status)
    values ${sql.join(rows, sql`, `)}`);
}
