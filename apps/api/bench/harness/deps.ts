import type { Database } from "@nns/db";
import { createDeps, type Deps } from "@nns/services";

/** Services as a benchmark runs them: outbox email (no SMTP), and throttles no load generator trips. */
export function benchDeps(db: Database): Deps {
  return createDeps(
    db,
    {
      publicUrl: "http://localhost",
      session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 43_200_000 },
      loginThrottle: { maxPerAccount: 5, maxPerIp: 1000, windowMs: 900_000 },
      minGroupSize: 5,
    },
    { smtpUrl: null, from: "bench@nns.localhost" },
  );
}
