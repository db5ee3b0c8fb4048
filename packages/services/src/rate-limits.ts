import { rateLimitCounts, rowsOf, transaction } from "@nns/db";
import { lt, sql } from "drizzle-orm";
import type { Deps } from "./context.js";

/** One caller's count in the current one-minute window, after counting this request. */
export interface WindowCount {
  used: number;
  /** Whole seconds until the window closes, at least 1. */
  resetSeconds: number;
}

/**
 * Counts one request of `caller` in the current fixed one-minute window, shared by every replica on the
 * database (decision 0029): one upsert that returns the new count. The window follows the database's
 * clock, so replicas whose clocks drift apart still count in the same window.
 */
export async function countRequest(deps: Deps, caller: string): Promise<WindowCount> {
  const statement = sql`
    insert into rate_limit_counts as c (caller, window_start, count)
    values (${caller}, date_trunc('minute', statement_timestamp()), 1)
    on conflict (caller, window_start) do update set count = c.count + 1
    returning c.count as used,
      greatest(1, ceil(extract(epoch from c.window_start + interval '1 minute' - statement_timestamp())))::int
        as "resetSeconds"`;
  // A server pool's connections are the app role already, so the upsert needs no transaction of its own;
  // the embedded database has one connection, so it queues as a transaction like every other statement.
  const result =
    deps.db.mode === "server"
      ? await deps.db.app.execute(statement)
      : await transaction(deps.db, {}, (tx) => tx.execute(statement));
  const [row] = rowsOf<WindowCount>(result);
  return { used: Number(row?.used ?? 1), resetSeconds: Number(row?.resetSeconds ?? 60) };
}

/** Deletes the counts of windows that have closed; the hourly housekeeping calls it (maintenance.ts). */
// convention: no permission check — the platform's own housekeeping job, not a person's action
// convention: no audit — closed windows' counts are protection bookkeeping, no one's data
export async function purgeClosedWindows(deps: Deps, now: Date): Promise<number> {
  const deleted = await transaction(deps.db, {}, (tx) =>
    tx
      .delete(rateLimitCounts)
      .where(lt(rateLimitCounts.windowStart, new Date(now.getTime() - 60_000)))
      .returning({ caller: rateLimitCounts.caller }),
  );
  return deleted.length;
}
