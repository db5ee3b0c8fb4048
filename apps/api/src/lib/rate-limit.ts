import { AppError } from "@nns/domain";
import { countRequest } from "@nns/services";
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
 * A fixed one-minute window per caller, counted in the database so every replica shares it (decision
 * 0029): anonymous callers by address, API keys and people by identity with a higher limit, so
 * integrators that identify themselves get more. The limit protects the service, it is not a billing quota.
 */
export function rateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    const [key, limit] =
      actor?.type === "api_key"
        ? [`key:${actor.apiKeyId}`, limits.identifiedPerMinute]
        : actor?.type === "user"
          ? [`user:${actor.userId}`, limits.identifiedPerMinute]
          : [`ip:${clientInfo(c).ip ?? "unknown"}`, limits.anonymousPerMinute];
    const { used, resetSeconds } = await countRequest(c.get("deps"), key);
    const reset = String(resetSeconds);
    const [limitHeader, remainingHeader, resetHeader] = RATE_LIMIT_HEADERS;
    c.header(limitHeader.name, String(limit));
    c.header(remainingHeader.name, String(Math.max(0, limit - used)));
    c.header(resetHeader.name, reset);
    if (used > limit)
      throw new AppError(
        "rate_limited",
        "Too many requests to the public catalogue or newsletter archive; an API key gets a higher limit.",
        {
          headers: { "Retry-After": reset },
        },
      );
    await next();
  };
}
