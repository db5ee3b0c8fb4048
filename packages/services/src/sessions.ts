import { sessions, type Tx, transaction, users } from "@nns/db";
import { and, eq, ne } from "drizzle-orm";
import type { Deps } from "./context.js";
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
  | { valid: true; session: SessionRecord }
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

/**
 * Validates `id.secret` against the stored hash in constant time, then applies the inactivity and
 * absolute timeouts. An expired session is deleted on sight.
 */
export async function validateSessionToken(deps: Deps, token: string): Promise<SessionCheck> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return { valid: false, reason: "unknown" };
  const { idleTimeoutMs, absoluteTimeoutMs } = deps.config.session;
  return transaction(deps.db, {}, async (tx) => {
    const [row] = await tx
      .select({ session: sessions, disabledAt: users.disabledAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row || !equalBytes(new Uint8Array(row.session.secretHash), sha256Bytes(secret))) {
      return { valid: false, reason: "unknown" } as const;
    }
    const now = Date.now();
    const { session } = row;
    if (row.disabledAt) {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return { valid: false, reason: "disabled" } as const;
    }
    if (
      now - session.lastActiveAt.getTime() >= idleTimeoutMs ||
      now - session.createdAt.getTime() >= absoluteTimeoutMs
    ) {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return { valid: false, reason: "expired" } as const;
    }
    let lastActiveAt = session.lastActiveAt;
    if (now - lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
      lastActiveAt = new Date(now);
      await tx.update(sessions).set({ lastActiveAt }).where(eq(sessions.id, id));
    }
    return {
      valid: true,
      session: { id: session.id, userId: session.userId, createdAt: session.createdAt, lastActiveAt },
    } as const;
  });
}

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
