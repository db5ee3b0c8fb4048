import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { AppError, isApiKeyScope, type Permission } from "@nns/domain";
import { enterOrganization, isNnsAdmin } from "@nns/services";
import type { MiddlewareHandler } from "hono";
import { cacheableForAnyone } from "./cache-control.js";
import type { AppEnv } from "./env.js";
import { idempotencyOf } from "./idempotency.js";
import { SERVICE_UNAVAILABLE_RESPONSE } from "./schemas.js";

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

export interface RouteOptions {
  /**
   * Why this creating POST cannot honour `Idempotency-Key`. Every other POST that answers 201 honours it
   * by construction (see idempotency.ts); a route that cannot must say why.
   */
  notIdempotentBecause?: string;
}

export function defineRoute<R extends RouteConfig>(
  access: RouteAccess,
  config: R,
  options: RouteOptions = {},
) {
  const middleware: MiddlewareHandler<AppEnv>[] = [];
  if (access.kind === "public" && access.cacheable) middleware.push(cacheableForAnyone);
  if (access.kind === "actor") middleware.push(requireActor(access.sessionOnly ?? false));
  if (access.kind === "nns") middleware.push(requireActor(true), requireNnsAdmin(access.permission));
  if (access.kind === "org")
    middleware.push(
      requireActor(false),
      requireOrgPermission(access.permission, access.sessionOnly ?? false),
    );
  const idempotency = idempotencyOf(access, config, options.notIdempotentBecause);
  if (idempotency) middleware.push(idempotency.middleware);
  const security =
    access.kind === "public"
      ? []
      : acceptsApiKeys(access)
        ? [{ sessionCookie: [] }, { apiKey: [] }]
        : [{ sessionCookie: [] }];
  const contract = idempotency?.contract ?? {};
  return createRoute({
    ...config,
    ...contract,
    // Any route may find the database unreachable (authentication alone reads it).
    responses: { 503: SERVICE_UNAVAILABLE_RESPONSE, ...(contract.responses ?? config.responses) },
    security,
    middleware,
    [ACCESS_EXTENSION]: access,
    ...(access.kind === "org" || access.kind === "nns" ? { "x-permission": access.permission } : {}),
  }) as R;
}
