import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { RouteAccess } from "./access.js";
import type { AppEnv } from "./env.js";
import { isRateLimited, RATE_LIMIT_HEADERS } from "./rate-limit.js";
import { isGenericProblem } from "./schemas.js";

/**
 * The status codes and headers every operation's contract gets from its definition (access kind, inputs,
 * body, rate limit, ETag, deprecation) rather than from per-route prose: what the middleware in access.ts,
 * app.ts and the validators will actually answer. A route's own, specific description of a status wins.
 */

type Json = Record<string, unknown>;
const ref = (kind: "responses" | "headers", name: string) => ({ $ref: `#/components/${kind}/${name}` });
const PROBLEM = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

const SHARED_HEADERS: Record<string, Json> = {
  RequestId: {
    description:
      "Identifies this request in the platform's logs; quote it when reporting a problem. A caller's own `X-Request-Id` of up to 255 word characters is echoed, anything else is replaced by a UUID.",
    schema: { type: "string", maxLength: 255 },
  },
  RetryAfter: { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 0 } },
  NoStore: {
    description: "Answers to a person or an API key are never stored by caches.",
    schema: { type: "string", enum: ["no-store"] },
  },
  SharedCacheable: {
    description:
      "The answer is the same for every caller; when present (e.g. `public, max-age=86400` on reference data) caches may keep it that long. `no-store` when the response clears a stale session cookie.",
    schema: { type: "string" },
  },
  ETag: {
    description: "The returned resource's version; send it back as `If-Match` to update it safely.",
    schema: { type: "string", example: '"3"' },
  },
  ...Object.fromEntries(
    RATE_LIMIT_HEADERS.map(({ name, description }) => [
      name,
      { description, schema: { type: "integer", minimum: 0 } },
    ]),
  ),
};

const withRequestId = (headers: Json = {}) => ({ "X-Request-Id": ref("headers", "RequestId"), ...headers });
const rateLimitHeaders = () =>
  Object.fromEntries(RATE_LIMIT_HEADERS.map(({ name }) => [name, ref("headers", name)]));

const SHARED_RESPONSES: Record<string, Json> = {
  BadRequest: {
    description:
      "The request is not valid: `validation_failed` names each field and rule in `errors` (path, query, headers or body; also a credential in the query string), `malformed_json` for a body that is not JSON.",
  },
  Unauthenticated: {
    description:
      "`unauthenticated` without credentials, `session_expired` for a session that has run out (sign in again), `api_key_invalid` for a malformed, unknown, revoked or expired API key.",
  },
  InvalidApiKey: {
    description:
      "`api_key_invalid`: an API key was sent and is malformed, unknown, revoked or expired. Without credentials this operation works.",
  },
  Forbidden: {
    description:
      "`forbidden`: the caller lacks the permission (an API key: the scope), or an API key called an operation only signed-in people may; `csrf_rejected`: a cookie-carrying request from another origin.",
  },
  CsrfRejected: {
    description: "`csrf_rejected`: a cookie-carrying request whose `Origin` is not this site's.",
  },
  NotFound: {
    description:
      "`not_found`: no such resource, or not visible to you (an organization you do not belong to answers the same as one that does not exist).",
  },
  PayloadTooLarge: { description: "`payload_too_large`: the body is over 1 MiB." },
  UnsupportedMediaType: { description: "`unsupported_media_type`: the body is not `application/json`." },
  RateLimited: {
    description:
      "`rate_limited`: this caller's requests this minute are used up; retry after `Retry-After` seconds. Anonymous callers are counted by address, API keys and people by identity with a higher limit.",
    headers: { "Retry-After": ref("headers", "RetryAfter"), ...rateLimitHeaders() },
  },
  ServiceUnavailable: {
    description:
      "`service_unavailable`: the database cannot be reached right now. Retry after `Retry-After` seconds. A write in flight may or may not have been saved: retry creating requests with the same `Idempotency-Key`.",
    headers: { "Retry-After": ref("headers", "RetryAfter") },
  },
};

export function registerSharedComponents(app: OpenAPIHono<AppEnv>): void {
  for (const [name, header] of Object.entries(SHARED_HEADERS))
    app.openAPIRegistry.registerComponent("headers", name, header);
  for (const name of Object.keys(SHARED_RESPONSES))
    app.openAPIRegistry.registerComponent("responses", name, sharedResponse(name) as ResponseObject);
}

type ResponseObject = Parameters<OpenAPIHono<AppEnv>["openAPIRegistry"]["registerComponent"]>[2];

function sharedResponse(name: string, extraHeaders: Json = {}): Json {
  const { headers, ...response } = SHARED_RESPONSES[name] as Json;
  return {
    ...response,
    headers: withRequestId({ ...(headers as Json | undefined), ...extraHeaders }),
    content: PROBLEM,
  };
}

const UNSAFE = new Set(["post", "put", "patch", "delete"]);

export interface Deprecation {
  /** The day the operation was deprecated (ISO date), sent as `Deprecation`. */
  since: string;
  /** The day it stops working (ISO date), sent as `Sunset`: at least six months after `since`. */
  sunset: string;
  /** What to use instead, for the contract's description. */
  instead: string;
}

export interface ContractOptions {
  etag?: boolean;
  deprecated?: Deprecation;
}

/** The statuses the middleware and validators can answer for this operation, each as a shared response. */
function derivedStatuses(access: RouteAccess, config: RouteConfig): Record<string, Json> {
  const request = config.request ?? {};
  const hasBody = request.body !== undefined;
  const statuses: Record<string, Json> = {};
  if (request.params || request.query || request.headers || hasBody)
    statuses[400] = ref("responses", "BadRequest");
  statuses[401] = ref("responses", access.kind === "public" ? "InvalidApiKey" : "Unauthenticated");
  const permission =
    access.kind === "org" || access.kind === "nns" || (access.kind === "actor" && access.sessionOnly);
  if (permission) statuses[403] = ref("responses", "Forbidden");
  else if (UNSAFE.has(config.method)) statuses[403] = ref("responses", "CsrfRejected");
  if (access.kind === "org" || config.path.includes("{")) statuses[404] = ref("responses", "NotFound");
  if (hasBody) {
    statuses[413] = ref("responses", "PayloadTooLarge");
    statuses[415] = ref("responses", "UnsupportedMediaType");
  }
  if (isRateLimited(config.path)) statuses[429] = ref("responses", "RateLimited");
  statuses[503] = ref("responses", "ServiceUnavailable");
  return statuses;
}

function successHeaders(access: RouteAccess, config: RouteConfig, options: ContractOptions): Json {
  return {
    "Cache-Control": ref(
      "headers",
      access.kind === "public" && access.cacheable ? "SharedCacheable" : "NoStore",
    ),
    ...(options.etag ? { ETag: ref("headers", "ETag") } : {}),
    ...(isRateLimited(config.path) ? rateLimitHeaders() : {}),
  };
}

function deprecationHeaders(deprecation: Deprecation): Json {
  return {
    Deprecation: {
      description: `This operation is deprecated since ${deprecation.since} (RFC 9745: \`@\` and Unix seconds).`,
      schema: { type: "string" },
    },
    Sunset: {
      description: `It stops working after ${deprecation.sunset} (RFC 8594, an HTTP date).`,
      schema: { type: "string" },
    },
  };
}

/**
 * The responses of an operation: the derived shared ones, then the route's own. A route's own entry for a
 * derived status wins unless it is only the generic `problems()` text; every inline response gets the
 * headers the server sends with it.
 */
export function contractResponses(
  access: RouteAccess,
  config: RouteConfig,
  options: ContractOptions,
): RouteConfig["responses"] {
  const derived = derivedStatuses(access, config);
  const own = config.responses as Record<string, Json>;
  const merged: Record<string, Json> = { ...derived };
  for (const [status, response] of Object.entries(own)) {
    if (status in derived && isGenericProblem(Number(status), response)) continue;
    merged[status] = response;
  }
  const deprecated = options.deprecated ? deprecationHeaders(options.deprecated) : {};
  for (const [status, response] of Object.entries(merged)) {
    if ("$ref" in response) {
      // The shared response cannot list this operation's deprecation headers, so it is spelled out here.
      if (options.deprecated)
        merged[status] = sharedResponse(String(response.$ref).split("/").at(-1) ?? "", deprecated);
      continue;
    }
    const extra = status.startsWith("2")
      ? successHeaders(access, config, options)
      : status === "429"
        ? { "Retry-After": ref("headers", "RetryAfter") }
        : {};
    merged[status] = {
      ...response,
      headers: withRequestId({ ...extra, ...deprecated, ...(response.headers as Json | undefined) }),
    };
  }
  return merged as RouteConfig["responses"];
}
