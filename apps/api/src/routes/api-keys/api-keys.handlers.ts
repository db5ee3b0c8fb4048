import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./api-keys.routes.js";

export const createApiKey: RouteHandler<typeof routes.createApiKey, AppEnv> = async (c) => {
  const { name, scopes, expiresAt } = c.req.valid("json");
  const created = await services.createApiKey(c.get("org"), {
    name,
    scopes,
    expiresAt: expiresAt ? new Date(expiresAt) : null,
  });
  c.header("Cache-Control", "no-store");
  return c.json(created, 201);
};

export const listApiKeys: RouteHandler<typeof routes.listApiKeys, AppEnv> = async (c) => {
  return c.json(await services.listApiKeys(c.get("org"), c.req.valid("query")), 200);
};

export const revokeApiKey: RouteHandler<typeof routes.revokeApiKey, AppEnv> = async (c) => {
  return c.json(await services.revokeApiKey(c.get("org"), c.req.valid("param").apiKeyId), 200);
};
