import { rowsOf, sessions, type Tx, transaction } from "@nns/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Actor, Deps, MembershipSummary } from "./context.js";
import { equalBytes, randomToken, sha256Bytes } from "./crypto.js";

/** How often the sliding expiry is written back; reads within this interval do not write. */
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastActiveAt: Date;
}

export type SessionCheck =
  | { valid: true; actor: Extract<Actor, { type: "user" }> }
  | { valid: false; reason: "unknown" | "expired" | "disabled" };

export async function createSession(
  tx: Tx,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomToken();
  const secret = randomToken();
  const now = new Date();
  await tx.insert(sessions).values({
    id,
    secretHash: sha256Bytes(secret),
    userId,
    createdAt: now,
    lastActiveAt: now,
    ipAddress: client.ip,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
  });
  return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastActiveAt: now } };
}

interface SessionActorRow {
  session_id: string;
  secret_hash: Uint8Array;
  /** Timestamps come as strings or dates depending on the driver's parsers under drizzle. */
  created_at: string | Date;
  last_active_at: string | Date;
  user_id: string;
  email: string;
  name: string;
  disabled_at: string | Date | null;
  memberships: MembershipSummary[];
}

/**
 * Validates `id.secret` against the stored hash in constant time, applies the inactivity and absolute
 * timeouts, and returns the person with their memberships. The read is one statement outside any
 * transaction (app_session_actor, migration 0008), so every request sees a revoked session, a disabled
 * account or a changed role at once; only the rare writes (sliding expiry once a minute, deleting an
 * expired session) take a transaction of their own.
 */
// convention: no permission check — it is the authentication; the presented token is the credential
// convention: no audit — the sliding expiry is bookkeeping, written once a minute per session
export async function authenticateSession(deps: Deps, token: string): Promise<SessionCheck> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return { valid: false, reason: "unknown" };
  const { idleTimeoutMs, absoluteTimeoutMs } = deps.config.session;
  const [row] = rowsOf<SessionActorRow>(
    await deps.db.app.execute(sql`select * from app_session_actor(${id})`),
  );
  if (!row || !equalBytes(new Uint8Array(row.secret_hash), sha256Bytes(secret)))
    return { valid: false, reason: "unknown" };
  const now = Date.now();
  const createdAt = new Date(row.created_at);
  const lastActiveAt = new Date(row.last_active_at);
  const expired =
    now - lastActiveAt.getTime() >= idleTimeoutMs || now - createdAt.getTime() >= absoluteTimeoutMs;
  if (row.disabled_at || expired) {
    await deleteSession(deps, id);
    return { valid: false, reason: row.disabled_at ? "disabled" : "expired" };
  }
  if (now - lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await transaction(deps.db, {}, (tx) =>
      tx
        .update(sessions)
        .set({ lastActiveAt: new Date(now) })
        .where(eq(sessions.id, id)),
    );
  }
  return {
    valid: true,
    actor: {
      type: "user",
      userId: row.user_id,
      email: row.email,
      name: row.name,
      sessionId: id,
      memberships: row.memberships,
    },
  };
}

// convention: no permission check — signing out ends the session the caller holds, found by its token
// convention: no audit — signing out, like signing in, is not a change to anyone's data
export async function deleteSession(deps: Deps, sessionId: string): Promise<void> {
  await transaction(deps.db, {}, (tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Ends every session of a person (password change, reset, account disabled), optionally but one. */
export async function deleteUserSessions(tx: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  await tx
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}
