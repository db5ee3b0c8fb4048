import { getConnInfo } from "@hono/node-server/conninfo";
import { AppError } from "@nns/domain";
import { authenticateApiKey, authenticateSession } from "@nns/services";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CREDENTIAL_QUERY_PARAMS = ["api_key", "apikey", "apiKey", "access_token", "token", "key"];

export function clientInfo(c: Context<AppEnv>): { ip: string | null; userAgent: string | null } {
  let ip: string | null = null;
  if (c.get("options").trustProxy) {
    // The load balancer appends the address it saw; entries to its left are whatever the client sent.
    ip = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim() || null;
  }
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? null;
    } catch {
      // Requests handed to app.request() in tests have no socket.
      ip = null;
    }
  }
  return { ip, userAgent: c.req.header("user-agent") ?? null };
}

/**
 * CSRF protection after the Lucia guide: a state-changing request that carries cookies must come from
 * our own origin, and one that names another origin is refused. Bearer-authenticated clients are not
 * affected.
 */
export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || c.req.header("authorization")) return next();
  const origin = c.req.header("origin");
  // Without cookies there is no ambient authority to abuse, except signing someone in to another account
  // (login CSRF): a browser always sends Origin, so one from another site is refused even then.
  if (!c.req.header("cookie") && origin === undefined) return next();
  const allowed = new URL(c.get("options").publicUrl).origin;
  const host = c.req.header("host");
  let ok = false;
  if (origin) {
    try {
      const parsed = new URL(origin);
      ok = parsed.origin === allowed || (host !== undefined && parsed.host === host);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new AppError("csrf_rejected", "The request's Origin header is missing or not this site.");
  return next();
};

/**
 * Works out who is calling: an API key in `Authorization: Bearer`, or a session cookie. A bad key is an
 * error at once; a bad or expired session just leaves the request anonymous (public routes still work).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("actor", null);
  c.set("sessionProblem", null);
  const query = new URL(c.req.url).searchParams;
  const inUrl = CREDENTIAL_QUERY_PARAMS.find((name) => query.get(name)?.startsWith("nns_"));
  if (inUrl) {
    throw new AppError(
      "validation_failed",
      "Credentials are never accepted in the URL; use Authorization: Bearer.",
      {
        errors: [
          {
            field: `query.${inUrl}`,
            rule: "credentials_in_url",
            message: "Skicka API-nyckeln i Authorization-huvudet.",
          },
        ],
      },
    );
  }
  const deps = c.get("deps");
  const authorization = c.req.header("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("api_key_invalid", "Use Authorization: Bearer <API key>.");
    c.set("actor", await authenticateApiKey(deps, match[1]));
    return next();
  }
  const token = readSessionCookie(c);
  if (token) {
    const check = await authenticateSession(deps, token);
    if (check.valid) {
      c.set("actor", check.actor);
    } else {
      if (check.reason === "expired") c.set("sessionProblem", "expired");
      clearSessionCookie(c);
    }
  }
  return next();
};
