import { AppError } from "@nns/domain";
import {
  actorKey,
  beginIdempotentRequest,
  completeIdempotentRequest,
  type IdempotencyScope,
  type OrgContext,
  releaseIdempotentRequest,
  sha256Hex,
} from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

const REPLAYED_HEADERS = ["location", "etag", "content-type"];

/**
 * `Idempotency-Key` for creating POSTs: the first request runs and its 2xx response is stored; the same
 * key from the same caller within 24 hours gets that response again (marked `Idempotent-Replayed`);
 * a duplicate arriving while the first still runs gets 409; a failed request frees the key.
 */
export async function idempotent(
  c: Context<AppEnv>,
  org: OrgContext,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return run();
  if (key.length === 0 || key.length > 255) {
    throw new AppError("validation_failed", "Idempotency-Key must be 1–255 characters.", {
      errors: [{ field: "header.idempotency-key", rule: "too_big", message: "1–255 tecken." }],
    });
  }
  const deps = c.get("deps");
  const scope: IdempotencyScope = {
    organizationId: org.organization.id,
    actorKey: actorKey(org.actor),
    key,
    requestHash: sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`),
  };
  const start = await beginIdempotentRequest(deps, scope);
  if (start.kind === "replay") {
    // Through the context, so the replay carries this request's X-Request-Id.
    return c.body(JSON.stringify(start.body), start.status as 201, {
      ...start.headers,
      "idempotent-replayed": "true",
    });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotentRequest(deps, scope);
    throw error;
  }
  if (response.status >= 200 && response.status < 300) {
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
  } else {
    await releaseIdempotentRequest(deps, scope);
  }
  return response;
}
