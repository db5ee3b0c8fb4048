import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./event-budget.routes.js";

export const getBudget: RouteHandler<typeof routes.getBudget, AppEnv> = async (c) =>
  c.json(await services.eventBudget(c.get("org"), c.req.valid("param").trainingId), 200);

export const addLine: RouteHandler<typeof routes.addLine, AppEnv> = async (c) =>
  c.json(
    await services.addBudgetLine(c.get("org"), c.req.valid("param").trainingId, c.req.valid("json")),
    201,
  );

export const updateLine: RouteHandler<typeof routes.updateLine, AppEnv> = async (c) => {
  const { trainingId, lineId } = c.req.valid("param");
  const body = c.req.valid("json");
  const input = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  return c.json(
    await services.updateBudgetLine(
      c.get("org"),
      trainingId,
      lineId,
      input,
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const removeLine: RouteHandler<typeof routes.removeLine, AppEnv> = async (c) => {
  const { trainingId, lineId } = c.req.valid("param");
  return c.json(await services.removeBudgetLine(c.get("org"), trainingId, lineId), 200);
};
