import { loginThrottle, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { eq, sql } from "drizzle-orm";
import type { Deps } from "./context.js";

export interface ThrottleKeys {
  account: string;
  ip: string | null;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  return { account: `account:${email}`, ip: ip ? `ip:${ip}` : null };
}

/**
 * Counts a sign-in attempt before the password is checked, atomically (one upsert per key that returns
 * the new count), so parallel guesses cannot all slip past the limit while argon2 runs. An attempt over
 * the limit is refused and, since the transaction then rolls back, not counted. A successful sign-in
 * gives its attempt back (`settleSuccess`), so only failures accumulate.
 */
export async function claimAttempt(tx: Tx, deps: Deps, keys: ThrottleKeys): Promise<void> {
  const { maxPerAccount, maxPerIp, windowMs } = deps.config.loginThrottle;
  const windowSeconds = windowMs / 1000;
  for (const [key, limit] of [
    [keys.account, maxPerAccount],
    [keys.ip, maxPerIp],
  ] as const) {
    if (!key) continue;
    const [row] = await tx
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: new Date() })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then now() else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
    if (row && row.failures > limit) {
      const retryAfter = Math.max(
        1,
        Math.ceil((row.windowStartedAt.getTime() + windowMs - Date.now()) / 1000),
      );
      throw new AppError("rate_limited", "För många misslyckade inloggningsförsök. Försök igen senare.", {
        headers: { "Retry-After": String(retryAfter) },
      });
    }
  }
}

/** After a correct password: the account starts afresh and the address gets its attempt back. */
export async function settleSuccess(tx: Tx, keys: ThrottleKeys): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.account));
  if (keys.ip) {
    await tx
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
      .where(eq(loginThrottle.key, keys.ip));
  }
}
