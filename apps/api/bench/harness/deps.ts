import type { Database } from "@nns/db";
import { createDeps, type Deps } from "@nns/services";

/**
 * Services as a benchmark runs them: outbox email unless an SMTP URL is given, and throttles no load
 * generator trips.
 */
export function benchDeps(db: Database, smtpUrl: string | null = null): Deps {
  return createDeps(
    db,
    {
      publicUrl: "http://localhost",
      session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 43_200_000 },
      loginThrottle: { maxPerPair: 5, maxPerAccount: 50, maxPerIp: 1000, windowMs: 900_000 },
      minGroupSize: 5,
    },
    { smtpUrl, from: "bench <bench@nns.localhost>" },
    { pollingIntervalSeconds: 0.5 },
  );
}
