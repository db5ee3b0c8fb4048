import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./dashboard.routes.js";

export const getDashboard: RouteHandler<typeof routes.getDashboard, AppEnv> = async (c) =>
  c.json(await services.orgDashboard(c.get("org")), 200);
