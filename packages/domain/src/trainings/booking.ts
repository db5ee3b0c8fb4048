/**
 * Seat rules for one session. A session may have a capacity (the training step: 25); each participating
 * förbund may have an allocation of seats it may fill in any capacity-limited session. Callers evaluate
 * these under a lock on the session, so the counts are the truth at that moment.
 */
export interface SeatCounts {
  /** null: no limit (a kick-off open to everyone). */
  capacity: number | null;
  confirmed: number;
}

export interface PartySeats {
  /** null: the förbund may take any free seat. */
  allocation: number | null;
  confirmed: number;
}

export function hasFreeSeat(session: SeatCounts, party: PartySeats): boolean {
  if (session.capacity !== null && session.confirmed >= session.capacity) return false;
  // The allocation only limits sessions that have a capacity; open sessions welcome everyone.
  if (session.capacity !== null && party.allocation !== null && party.confirmed >= party.allocation)
    return false;
  return true;
}

export function seatsLeft(session: SeatCounts, party: PartySeats): number | null {
  if (session.capacity === null) return null;
  const sessionLeft = Math.max(0, session.capacity - session.confirmed);
  if (party.allocation === null) return sessionLeft;
  return Math.min(sessionLeft, Math.max(0, party.allocation - party.confirmed));
}

export interface WaitingEntry {
  id: string;
  organizationId: string;
  /** Position in the queue: lower came first. */
  sequence: number;
}

/**
 * The next person on the waiting list who can take a freed seat: the earliest in the queue whose förbund
 * still has room in its allocation. Null when the session is full or nobody can move up.
 */
export function nextToPromote(
  session: SeatCounts,
  waiting: readonly WaitingEntry[],
  parties: ReadonlyMap<string, PartySeats>,
): WaitingEntry | null {
  if (session.capacity !== null && session.confirmed >= session.capacity) return null;
  const queue = [...waiting].sort((a, b) => a.sequence - b.sequence);
  return (
    queue.find((entry) =>
      hasFreeSeat(session, parties.get(entry.organizationId) ?? { allocation: null, confirmed: 0 }),
    ) ?? null
  );
}
