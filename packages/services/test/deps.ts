import type { Database } from "@nns/db";
import { createDeps, type Deps, type MailerOptions, type ServiceConfig } from "../src/index.js";

/** The settings every services test starts from. */
export const TEST_CONFIG: ServiceConfig = {
  publicUrl: "http://localhost:3000",
  session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 43_200_000 },
  loginThrottle: { maxPerPair: 5, maxPerAccount: 50, maxPerIp: 100, windowMs: 900_000 },
  minGroupSize: 5,
};

/** Services on a test database: the embedded outbox unless `mail` names an SMTP server. */
export function testDeps(
  db: Database,
  options: { config?: Partial<ServiceConfig>; mail?: Partial<MailerOptions> } = {},
): Deps {
  return createDeps(
    db,
    { ...TEST_CONFIG, ...options.config },
    { smtpUrl: null, from: "NNS test <test@nns.localhost>", ...options.mail },
    { pollingIntervalSeconds: 0.5 },
  );
}
