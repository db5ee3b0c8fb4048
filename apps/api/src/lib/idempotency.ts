import { type RouteConfig, z } from "@hono/zod-openapi";
import { AppError } from "@nns/domain";
import {
  actorKey,
  beginIdempotentRequest,
  completeIdempotentRequest,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyScope,
  releaseIdempotentRequest,
  sha256Hex,
} from "@nns/services";
import type { Context, MiddlewareHandler } from "hono";
import type { RouteAccess } from "./access.js";
import { nnsOrganizationId } from "./context.js";
import type { AppEnv } from "./env.js";
import { problems } from "./schemas.js";

/** How a route treats `Idempotency-Key`; shown in the contract so clients and tests can rely on it. */
export type RouteIdempotency = { keyed: true } | { keyed: false; reason: string };
export const IDEMPOTENCY_EXTENSION = "x-nns-idempotency";
export const REPLAYED_HEADER = "Idempotent-Replayed";

const HOURS = IDEMPOTENCY_TTL_MS / 3_600_000;
const REPLAYED_HEADERS = ["location", "etag", "content-type"];

const IdempotencyKeyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      description: `Makes a retry safe: the same key with the same request from the same caller within ${HOURS} hours gets the stored response again (marked \`${REPLAYED_HEADER}: true\`) and creates nothing twice. Use a new key, e.g. a UUID, per operation.`,
      example: "3f1c2a9e-6c1b-4b8e-9a57-0d2f3b1e7c44",
    }),
});

const MEANING = {
  409: "`idempotency_in_progress`: a request with this Idempotency-Key is still being processed; retry shortly",
  422: "`idempotency_key_reused`: this Idempotency-Key was used for a different method, path or body",
} as const;

/** A POST answering 201 creates something, so a client that loses the response needs a safe retry. */
export function isCreating(config: Pick<RouteConfig, "method" | "responses">): boolean {
  return config.method === "post" && "201" in config.responses;
}

/**
 * What a route's definition adds for `Idempotency-Key`: every creating POST honours it, by construction,
 * unless the definition says why it cannot (`notIdempotentBecause`), in which case a key is refused rather
 * than ignored. The middleware runs after access control and before any input is validated.
 */
export function idempotencyOf(
  access: RouteAccess,
  config: RouteConfig,
  notIdempotentBecause: string | undefined,
): { middleware: MiddlewareHandler<AppEnv>; contract: Partial<RouteConfig> } | null {
  if (!isCreating(config)) return null;
  if (notIdempotentBecause !== undefined) {
    const idempotency: RouteIdempotency = { keyed: false, reason: notIdempotentBecause };
    return {
      middleware: refuseKey(notIdempotentBecause),
      contract: {
        description: [config.description, `Takes no Idempotency-Key: ${notIdempotentBecause}.`]
          .filter(Boolean)
          .join("\n\n"),
        responses: {
          ...config.responses,
          422: {
            ...problems(422)[422],
            description: "Sent with an Idempotency-Key, which this request cannot honour",
          },
        },
        [IDEMPOTENCY_EXTENSION]: idempotency,
      },
    };
  }
  const idempotency: RouteIdempotency = { keyed: true };
  return {
    middleware: honourKey(keyOwner(access, config)),
    contract: { ...keyedContract(config), [IDEMPOTENCY_EXTENSION]: idempotency },
  };
}

/** The organization a key is kept in: the path's for `org` routes, the NNS organization for `nns` routes. */
function keyOwner(access: RouteAccess, config: RouteConfig): (c: Context<AppEnv>) => string {
  if (access.kind === "org") return (c) => c.get("org").organization.id;
  if (access.kind === "nns") return (c) => nnsOrganizationId(c.get("actor"));
  throw new Error(
    `${config.method.toUpperCase()} ${config.path} creates (201) but has no organization to keep an Idempotency-Key in; give it org or nns access, or declare notIdempotentBecause.`,
  );
}

function keyedContract(config: RouteConfig): Partial<RouteConfig> {
  const request = config.request ?? {};
  const headers = request.headers;
  if (headers !== undefined && !(headers instanceof z.ZodObject))
    throw new Error(
      `${config.path}: declare request headers as a zod object so Idempotency-Key can join them`,
    );
  const created = config.responses[201] as { headers?: unknown };
  if (created.headers instanceof z.ZodType)
    throw new Error(
      `${config.path}: declare 201 headers as a plain object so ${REPLAYED_HEADER} can join them`,
    );
  const withMeaning = (status: 409 | 422) => {
    const existing = (config.responses[status] ?? problems(status)[status]) as { description: string };
    const described =
      status in config.responses ? `${existing.description}; or ${MEANING[status]}` : MEANING[status];
    return { ...existing, description: described };
  };
  return {
    request: {
      ...request,
      headers: headers ? headers.extend(IdempotencyKeyHeader.shape) : IdempotencyKeyHeader,
    },
    responses: {
      ...config.responses,
      201: {
        ...config.responses[201],
        headers: {
          ...(created.headers as object | undefined),
          [REPLAYED_HEADER]: {
            description: "`true` when this is the stored response to an earlier request with the same key",
            schema: { type: "string", enum: ["true"] },
          },
        },
      },
      409: withMeaning(409),
      422: withMeaning(422),
    },
  };
}

function checkedKey(c: Context<AppEnv>): string | undefined {
  const key = c.req.header("idempotency-key");
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    throw new AppError("validation_failed", "Idempotency-Key must be 1–255 characters.", {
      errors: [{ field: "header.idempotency-key", rule: "too_big", message: "1–255 tecken." }],
    });
  }
  return key;
}

/**
 * The first request with a key runs and its 2xx response is stored; the same key from the same caller
 * within the TTL gets that response again; a duplicate arriving while the first still runs gets 409; a
 * failed request frees the key.
 */
function honourKey(keyOwnerOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = checkedKey(c);
    const actor = c.get("actor");
    if (key === undefined || !actor) return next();
    const deps = c.get("deps");
    const scope: IdempotencyScope = {
      organizationId: keyOwnerOf(c),
      actorKey: actorKey(actor),
      key,
      requestHash: sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`),
    };
    const start = await beginIdempotentRequest(deps, scope);
    if (start.kind === "replay") {
      // Through the context, so the replay carries this request's X-Request-Id.
      return c.body(JSON.stringify(start.body), start.status as 201, {
        ...start.headers,
        [REPLAYED_HEADER]: "true",
      });
    }
    try {
      // The app's onError turns a thrown error into a problem response before it gets here.
      await next();
    } catch (error) {
      await releaseIdempotentRequest(deps, scope);
      throw error;
    }
    const response = c.res;
    if (response.status < 200 || response.status >= 300) {
      await releaseIdempotentRequest(deps, scope);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value) headers[name] = value;
    }
    await completeIdempotentRequest(deps, scope, {
      status: response.status,
      body: await response.clone().json(),
      headers,
    });
  };
}

/** A replay would need what is never stored (an API key's secret): say so rather than create twice. */
function refuseKey(reason: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (checkedKey(c) !== undefined) {
      throw new AppError(
        "unprocessable",
        `This request cannot be replayed: ${reason}. Send it without Idempotency-Key.`,
        {
          errors: [
            {
              field: "header.idempotency-key",
              rule: "not_supported",
              message: "Den här begäran kan inte skickas med Idempotency-Key.",
            },
          ],
        },
      );
    }
    await next();
  };
}
