import type { Actor, Deps, OrgContext } from "@nns/services";
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import type { RateLimits } from "./rate-limit.js";

export interface AppOptions {
  /** Sessions use the `__Host-` cookie prefix, which requires Secure; off only for plain-http development. */
  cookieSecure: boolean;
  /** Read the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  publicUrl: string;
  logger: Logger;
  /** Files of the built admin app, served on the same port; absent until the admin app exists. */
  staticRoot?: string | null;
  /** Requests per minute to the public catalogue; defaults to DEFAULT_CATALOG_LIMITS. */
  catalogRateLimit?: RateLimits;
  /** Used by /ready; false while the server drains connections on shutdown. */
  isAcceptingTraffic?: () => boolean;
  /** Prometheus metrics of the requests (METRICS_ENABLED); absent: none kept. */
  metrics?: Metrics | null;
  /** A server span per request (OTEL_ENABLED); the SDK is registered by the caller (startTracing). */
  tracing?: boolean;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: Deps;
    options: AppOptions;
    actor: Actor | null;
    /** Why a presented session was not accepted, so a 401 can say "expired" rather than "missing". */
    sessionProblem: "expired" | null;
    /** Set by routes whose answer is the same for everyone; all others are answered `no-store`. */
    cacheable: boolean;
    org: OrgContext;
    /** The app's catalogue rate limiter: one count per app, shared by the API routes and the HTML pages. */
    catalogLimit: MiddlewareHandler<AppEnv>;
  };
}
