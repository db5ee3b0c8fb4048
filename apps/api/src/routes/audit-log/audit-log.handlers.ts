import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./audit-log.routes.js";

export const listAuditLog: RouteHandler<typeof routes.listAuditLog, AppEnv> = async (c) => {
  const { cursor, limit, from, to, ...filter } = c.req.valid("query");
  const page = await services.listAuditLog(
    c.get("org"),
    { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
    { cursor, limit },
  );
  return c.json(page, 200);
};
