import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { AppError, isApiKeyScope, type Permission } from "@nns/domain";
import { enterOrganization, isNnsAdmin } from "@nns/services";
import type { MiddlewareHandler } from "hono";
import { cacheableForAnyone } from "./cache-control.js";
import { type ContractOptions, contractResponses, type Deprecation } from "./contract.js";
import type { AppEnv } from "./env.js";
import { etagFor } from "./etag.js";
import { idempotencyOf } from "./idempotency.js";
import { catalogRateLimit, isRateLimited } from "./rate-limit.js";

/**
 * Who may call a route. Declared once per route: it drives the middleware that answers 401/404/403 before
 * any input is read, the OpenAPI `security` section, and the generated security test suite.
 */
export type RouteAccess =
  /** `cacheable`: the answer is the same for every caller and personal to no one (see cache-control.ts). */
  | { kind: "public"; cacheable?: true }
  | { kind: "actor"; sessionOnly?: boolean }
  /** National coordination outside any one organization's path, e.g. registering a förbund. */
  | { kind: "nns"; permission: Permission }
  /**
   * `sessionOnly`: an action keys never take even when they hold the permission (publishing). A permission
   * that is no API-key scope makes a route session-only by itself.
   */
  | { kind: "org"; permission: Permission; sessionOnly?: true };

export const ACCESS_EXTENSION = "x-nns-access";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireActor(sessionOnly: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (!actor) {
      throw c.get("sessionProblem") === "expired"
        ? new AppError("session_expired", "Din session har gått ut. Logga in igen.")
        : new AppError("unauthenticated", "Logga in eller skicka en API-nyckel som Bearer-token.");
    }
    if (sessionOnly && actor.type !== "user") {
      throw new AppError("forbidden", "This endpoint is for signed-in people, not API keys.");
    }
    await next();
  };
}

function requireNnsAdmin(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (!actor || !isNnsAdmin(actor))
      throw new AppError("forbidden", `This needs the permission "${permission}" (NNS admins).`);
    await next();
  };
}

function requireOrgPermission(permission: Permission, sessionOnly: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const orgId = c.req.param("orgId") ?? "";
    if (!UUID.test(orgId)) {
      throw new AppError("validation_failed", "path.orgId: must be a UUID", {
        errors: [{ field: "path.orgId", rule: "invalid_format:uuid", message: "Invalid UUID" }],
      });
    }
    const actor = c.get("actor");
    if (!actor) throw new AppError("unauthenticated");
    const org = await enterOrganization({ deps: c.get("deps"), actor, requestId: c.get("requestId") }, orgId);
    if (!org.permissions.has(permission))
      throw new AppError("forbidden", `This needs the permission "${permission}".`);
    // After the organization is found, so that a key gets 404 for another organization as everywhere.
    if (sessionOnly && actor.type !== "user")
      throw new AppError("forbidden", "This endpoint is for signed-in people, not API keys.");
    c.set("org", org);
    await next();
  };
}

/** Whether an API key may call the route at all: what the contract's `security` says, and the suite tests. */
export function acceptsApiKeys(access: RouteAccess): boolean {
  if (access.kind === "public" || access.kind === "nns") return false;
  if (access.sessionOnly) return false;
  return access.kind === "actor" || isApiKeyScope(access.permission);
}

/** Sends the returned resource's `version` as its ETag, so every route that declares `etag` does. */
const sendEtag: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.ok || !c.res.headers.get("content-type")?.includes("json")) return;
  const body = (await c.res.clone().json()) as { version?: unknown };
  if (typeof body.version === "number") c.header("ETag", etagFor(body.version));
};

const MINIMUM_NOTICE_MONTHS = 6;

/** RFC 9745's `Deprecation` (`@` and Unix seconds) and RFC 8594's `Sunset` (an HTTP date) on every answer. */
function deprecationHeaders({ since, sunset }: Deprecation): MiddlewareHandler<AppEnv> {
  const sinceDate = new Date(`${since}T00:00:00Z`);
  const sunsetDate = new Date(`${sunset}T00:00:00Z`);
  const earliest = new Date(sinceDate);
  earliest.setUTCMonth(earliest.getUTCMonth() + MINIMUM_NOTICE_MONTHS);
  if (Number.isNaN(sinceDate.getTime()) || Number.isNaN(sunsetDate.getTime()) || sunsetDate < earliest)
    throw new Error(
      `A deprecation needs ISO dates and at least ${MINIMUM_NOTICE_MONTHS} months' notice (docs/api.md): ${since} → ${sunset}`,
    );
  const deprecation = `@${Math.floor(sinceDate.getTime() / 1000)}`;
  const sunsetHeader = sunsetDate.toUTCString();
  return async (c, next) => {
    c.header("Deprecation", deprecation);
    c.header("Sunset", sunsetHeader);
    await next();
  };
}

export interface RouteOptions extends ContractOptions {
  /**
   * Why this creating POST cannot honour `Idempotency-Key`. Every other POST that answers 201 honours it
   * by construction (see idempotency.ts); a route that cannot must say why.
   */
  notIdempotentBecause?: string;
}

/**
 * A route's contract and middleware from one definition: access control, rate limit, Idempotency-Key,
 * ETag and deprecation each add both what the server does and what the contract says it does, and every
 * status those (and input validation) can answer is documented by contract.ts.
 */
export function defineRoute<R extends RouteConfig>(
  access: RouteAccess,
  config: R,
  options: RouteOptions = {},
) {
  const middleware: MiddlewareHandler<AppEnv>[] = [];
  // First, so that even a refusal tells the caller the operation is going away.
  if (options.deprecated) middleware.push(deprecationHeaders(options.deprecated));
  if (access.kind === "public" && access.cacheable) middleware.push(cacheableForAnyone);
  if (access.kind === "actor") middleware.push(requireActor(access.sessionOnly ?? false));
  if (access.kind === "nns") middleware.push(requireActor(true), requireNnsAdmin(access.permission));
  if (access.kind === "org")
    middleware.push(
      requireActor(false),
      requireOrgPermission(access.permission, access.sessionOnly ?? false),
    );
  if (isRateLimited(config.path)) middleware.push(catalogRateLimit);
  const idempotency = idempotencyOf(access, config, options.notIdempotentBecause);
  if (idempotency) middleware.push(idempotency.middleware);
  // Inside the idempotency middleware, so a stored response keeps its ETag for replays.
  if (options.etag) middleware.push(sendEtag);
  const security: Record<string, string[]>[] =
    access.kind === "public"
      ? []
      : acceptsApiKeys(access)
        ? [{ sessionCookie: [] }, { apiKey: [] }]
        : [{ sessionCookie: [] }];
  const contract = idempotency?.contract ?? {};
  const withIdempotency: RouteConfig = { ...config, ...contract };
  const deprecated = options.deprecated;
  return createRoute({
    ...config,
    ...contract,
    responses: contractResponses(access, withIdempotency, options),
    ...(deprecated
      ? {
          deprecated: true,
          description: [
            withIdempotency.description,
            `**Deprecated** since ${deprecated.since}; stops working after ${deprecated.sunset}. ${deprecated.instead}`,
          ]
            .filter(Boolean)
            .join("\n\n"),
        }
      : {}),
    security,
    middleware,
    [ACCESS_EXTENSION]: access,
    ...(access.kind === "org" || access.kind === "nns" ? { "x-permission": access.permission } : {}),
  }) as R;
}
