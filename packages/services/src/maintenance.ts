import {
  idempotencyKeys,
  loginThrottle,
  loginTrust,
  organizations,
  passwordResetTokens,
  sessions,
  transaction,
} from "@nns/db";
import { isNotNull, lt, or } from "drizzle-orm";
import type { Deps } from "./context.js";
import { IDEMPOTENCY_TTL_MS } from "./idempotency.js";
import { purgeClosedWindows } from "./rate-limits.js";

export interface PurgeResult {
  sessions: number;
  passwordResetTokens: number;
  loginThrottle: number;
  loginTrust: number;
  idempotencyKeys: number;
  rateLimitCounts: number;
}

/**
 * Deletes what has outlived its use: sessions past their timeouts, used or expired reset tokens, and
 * login counters and rate-limit counts whose window has closed, expired proofs of earlier sign-ins, and
 * idempotency keys older than their 24 hours (tenant data, so swept one organization at a time under its own row-level scope).
 * Runs from the job queue's hourly schedule (jobs/background.ts), once across replicas; the deletes are
 * idempotent all the same.
 */
// convention: system job — the hourly sweep deletes only what has expired, for no one
export async function purgeExpired(deps: Deps, now = new Date()): Promise<PurgeResult> {
  const { idleTimeoutMs, absoluteTimeoutMs } = deps.config.session;
  const global = await transaction(deps.db, {}, async (tx) => {
    const endedSessions = await tx
      .delete(sessions)
      .where(
        or(
          lt(sessions.lastActiveAt, new Date(now.getTime() - idleTimeoutMs)),
          lt(sessions.createdAt, new Date(now.getTime() - absoluteTimeoutMs)),
        ),
      )
      .returning({ id: sessions.id });
    const spentTokens = await tx
      .delete(passwordResetTokens)
      .where(or(lt(passwordResetTokens.expiresAt, now), isNotNull(passwordResetTokens.usedAt)))
      .returning({ id: passwordResetTokens.id });
    const closedWindows = await tx
      .delete(loginThrottle)
      .where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - deps.config.loginThrottle.windowMs)))
      .returning({ key: loginThrottle.key });
    const expiredTrust = await tx
      .delete(loginTrust)
      .where(lt(loginTrust.expiresAt, now))
      .returning({ userId: loginTrust.userId });
    return {
      sessions: endedSessions.length,
      passwordResetTokens: spentTokens.length,
      loginThrottle: closedWindows.length,
      loginTrust: expiredTrust.length,
    };
  });
  const orgIds = await transaction(deps.db, {}, (tx) =>
    tx.select({ id: organizations.id }).from(organizations),
  );
  let keys = 0;
  for (const { id } of orgIds) {
    const deleted = await transaction(deps.db, { organizationId: id }, (tx) =>
      tx
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
        .returning({ key: idempotencyKeys.key }),
    );
    keys += deleted.length;
  }
  return { ...global, idempotencyKeys: keys, rateLimitCounts: await purgeClosedWindows(deps, now) };
}
