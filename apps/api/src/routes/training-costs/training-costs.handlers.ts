import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./training-costs.routes.js";

export const trainingCosts: RouteHandler<typeof routes.trainingCosts, AppEnv> = async (c) =>
  c.json(await services.trainingCosts(c.get("org"), c.req.valid("param").trainingId), 200);

export const addPrintCost: RouteHandler<typeof routes.addPrintCost, AppEnv> = async (c) =>
  c.json(
    await services.addPrintCost(c.get("org"), c.req.valid("param").trainingId, c.req.valid("json")),
    201,
  );

export const removePrintCost: RouteHandler<typeof routes.removePrintCost, AppEnv> = async (c) => {
  const { trainingId, printCostId } = c.req.valid("param");
  return c.json(await services.removePrintCost(c.get("org"), trainingId, printCostId), 200);
};
