import { loginThrottle, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { eq, inArray, sql } from "drizzle-orm";
import type { Deps } from "./context.js";

export function throttleKeys(email: string, ip: string | null): { account: string; ip: string | null } {
  return { account: `account:${email}`, ip: ip ? `ip:${ip}` : null };
}

/**
 * Refuses a login attempt while either the account or the client address has used up its failures
 * in the current window. Counting failures, not attempts, means a person who types correctly is never
 * slowed down by someone else guessing from another address, except through the per-account limit.
 */
export async function assertNotThrottled(
  tx: Tx,
  deps: Deps,
  keys: { account: string; ip: string | null },
): Promise<void> {
  const { maxPerAccount, maxPerIp, windowMs } = deps.config.loginThrottle;
  const wanted = [keys.account, ...(keys.ip ? [keys.ip] : [])];
  const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, wanted));
  const now = Date.now();
  for (const row of rows) {
    const limit = row.key === keys.account ? maxPerAccount : maxPerIp;
    const windowEnds = row.windowStartedAt.getTime() + windowMs;
    if (windowEnds > now && row.failures >= limit) {
      const retryAfter = Math.max(1, Math.ceil((windowEnds - now) / 1000));
      throw new AppError("rate_limited", "För många misslyckade inloggningsförsök. Försök igen senare.", {
        headers: { "Retry-After": String(retryAfter) },
      });
    }
  }
}

export async function recordFailure(
  tx: Tx,
  deps: Deps,
  keys: { account: string; ip: string | null },
): Promise<void> {
  const windowSeconds = deps.config.loginThrottle.windowMs / 1000;
  for (const key of [keys.account, keys.ip]) {
    if (!key) continue;
    await tx
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: new Date() })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then now() else ${loginThrottle.windowStartedAt} end`,
        },
      });
  }
}

export async function clearAccountFailures(tx: Tx, accountKey: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
}
