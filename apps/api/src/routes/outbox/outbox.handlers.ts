import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./outbox.routes.js";

export const listOutbox: RouteHandler<typeof routes.listOutbox, AppEnv> = async (c) => {
  return c.json(await services.listOutbox(c.get("org"), c.req.valid("query")), 200);
};
