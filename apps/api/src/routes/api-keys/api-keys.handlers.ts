import type { RouteHandler } from "@hono/zod-openapi";
import { AppError } from "@nns/domain";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./api-keys.routes.js";

export const createApiKey: RouteHandler<typeof routes.createApiKey, AppEnv> = async (c) => {
  // Replaying this response would mean storing the secret, so a retry-safe request cannot be honoured:
  // say so rather than ignore the header and create a second key.
  if (c.req.header("idempotency-key") !== undefined) {
    throw new AppError(
      "unprocessable",
      "Creating an API key cannot be replayed (its secret is never stored); send it without Idempotency-Key and list keys to check for strays.",
      {
        errors: [
          {
            field: "header.idempotency-key",
            rule: "not_supported",
            message: "API-nycklar kan inte skapas med Idempotency-Key.",
          },
        ],
      },
    );
  }
  const { name, scopes, expiresAt } = c.req.valid("json");
  const created = await services.createApiKey(c.get("org"), {
    name,
    scopes,
    expiresAt: expiresAt ? new Date(expiresAt) : null,
  });
  return c.json(created, 201);
};

export const listApiKeys: RouteHandler<typeof routes.listApiKeys, AppEnv> = async (c) => {
  return c.json(await services.listApiKeys(c.get("org"), c.req.valid("query")), 200);
};

export const revokeApiKey: RouteHandler<typeof routes.revokeApiKey, AppEnv> = async (c) => {
  return c.json(await services.revokeApiKey(c.get("org"), c.req.valid("param").apiKeyId), 200);
};
