import { AppError } from "@nns/domain";
import type { MiddlewareHandler } from "hono";
import { clientInfo } from "./authenticate.js";
import type { AppEnv } from "./env.js";

export interface RateLimits {
  /** Requests per minute per client address without credentials. */
  anonymousPerMinute: number;
  /** Requests per minute per API key or signed-in person. */
  identifiedPerMinute: number;
}

export const DEFAULT_CATALOG_LIMITS: RateLimits = { anonymousPerMinute: 600, identifiedPerMinute: 6000 };

/** The newsletter archive's reads; the sign-up and bounce endpoints beside them are limited apart. */
const NEWSLETTER_ARCHIVE = /^\/newsletters\/\{slug\}(\/issues(\/\{number\})?)?$/;

/**
 * The rate-limited part of the API is what anyone may read in bulk: the public catalogue, the
 * newsletter archive and the statistics (whose board report is a PDF drawn per request), sharing one limiter. `defineRoute` reads this for both the middleware it attaches
 * and the 429 and headers it documents, so the two cannot disagree.
 */
export function isRateLimited(path: string): boolean {
  return path.startsWith("/catalog/") || path.startsWith("/statistics/") || NEWSLETTER_ARCHIVE.test(path);
}

/** What `rateLimit` sends on every answer it counts, in the order it sets them. */
export const RATE_LIMIT_HEADERS = [
  { name: "RateLimit-Limit", description: "Requests allowed per one-minute window for this caller" },
  { name: "RateLimit-Remaining", description: "Requests left in the current window" },
  { name: "RateLimit-Reset", description: "Seconds until the window resets" },
] as const;

/** The app's one catalogue limiter (kept per app, see app.ts), applied by the route definition. */
export const catalogRateLimit: MiddlewareHandler<AppEnv> = (c, next) => c.get("catalogLimit")(c, next);

/**
 * A fixed one-minute window per caller, kept in this process: anonymous callers by address, API keys and
 * people by identity with a higher limit, so integrators that identify themselves get more. Each replica
 * counts on its own; the limit protects the service, it is not a billing quota.
 */
export function rateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return async (c, next) => {
    const now = Date.now();
    const window = Math.floor(now / 60_000) * 60_000;
    if (window !== windowStart) {
      windowStart = window;
      counts = new Map();
    }
    const actor = c.get("actor");
    const [key, limit] =
      actor?.type === "api_key"
        ? [`key:${actor.apiKeyId}`, limits.identifiedPerMinute]
        : actor?.type === "user"
          ? [`user:${actor.userId}`, limits.identifiedPerMinute]
          : [`ip:${clientInfo(c).ip ?? "unknown"}`, limits.anonymousPerMinute];
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    const reset = Math.ceil((window + 60_000 - now) / 1000);
    const [limitHeader, remainingHeader, resetHeader] = RATE_LIMIT_HEADERS;
    c.header(limitHeader.name, String(limit));
    c.header(remainingHeader.name, String(Math.max(0, limit - used)));
    c.header(resetHeader.name, String(reset));
    if (used > limit)
      throw new AppError(
        "rate_limited",
        "Too many requests to the public catalogue or newsletter archive; an API key gets a higher limit.",
        {
          headers: { "Retry-After": String(reset) },
        },
      );
    await next();
  };
}
